package org.pharmatrace.gs1;

import java.util.Locale;

/**
 * EPC URNs of the GS1 Tag Data Standard: pure identity (urn:epc:id:scheme:…), the LGTIN class
 * (urn:epc:class:lgtin:…) and id patterns for class-level keys (urn:epc:idpat:sgtin:CP.IR.*).
 * The company prefix is the first component; the GS1 key is rebuilt around it with its check digit.
 */
final class EpcUrn {

    private static final String ID = "urn:epc:id:";
    private static final String CLASS = "urn:epc:class:";
    private static final String IDPAT = "urn:epc:idpat:";

    private EpcUrn() {
    }

    static boolean isEpcUrn(String uri) {
        String lower = uri.length() > 14 ? uri.substring(0, 14).toLowerCase(Locale.ROOT) : uri.toLowerCase(Locale.ROOT);
        return lower.startsWith(ID) || lower.startsWith(CLASS) || lower.startsWith(IDPAT);
    }

    /** Whether the URN names a scheme this module parses (it may still be malformed). */
    static boolean hasSupportedScheme(String uri) {
        String lower = uri.toLowerCase(Locale.ROOT);
        String kind = lower.startsWith(ID) ? "id" : lower.startsWith(CLASS) ? "class" : lower.startsWith(IDPAT) ? "idpat" : null;
        if (kind == null) {
            return false;
        }
        String rest = uri.substring(kind.equals("id") ? ID.length() : kind.equals("class") ? CLASS.length() : IDPAT.length());
        int colon = rest.indexOf(':');
        return colon > 0 && typeOf(kind, rest.substring(0, colon).toLowerCase(Locale.ROOT), rest.substring(colon + 1)) != null;
    }

    // ---------------------------------------------------------------- parse

    static Gs1Key parse(String uri) {
        String lower = uri.toLowerCase(Locale.ROOT);
        String kind;
        String rest;
        if (lower.startsWith(ID)) {
            kind = "id";
            rest = uri.substring(ID.length());
        } else if (lower.startsWith(CLASS)) {
            kind = "class";
            rest = uri.substring(CLASS.length());
        } else {
            kind = "idpat";
            rest = uri.substring(IDPAT.length());
        }
        int colon = rest.indexOf(':');
        if (colon < 0) {
            throw new Gs1IdentifierException("EPC " + uri, uri, "no scheme after urn:epc:" + kind + ":");
        }
        String scheme = rest.substring(0, colon).toLowerCase(Locale.ROOT);
        String body = rest.substring(colon + 1);
        Gs1KeyType type = typeOf(kind, scheme, body);
        if (type == null) {
            throw new Gs1IdentifierException("EPC " + uri, uri,
                    "unsupported EPC scheme urn:epc:" + kind + ":" + scheme + (kind.equals("idpat") ? " (only class-level patterns ending in .* are keys)" : ""));
        }
        String subject = type.name() + " " + uri;
        try {
            return parseBody(type, kind.equals("idpat"), body, subject);
        } catch (IllegalArgumentException e) {
            if (e instanceof Gs1IdentifierException) {
                throw e;
            }
            throw new Gs1IdentifierException(subject, uri, e.getMessage());
        }
    }

    private static Gs1KeyType typeOf(String kind, String scheme, String body) {
        switch (kind) {
            case "class":
                return scheme.equals("lgtin") ? Gs1KeyType.LGTIN : null;
            case "idpat":
                if (!body.endsWith(".*")) {
                    return null;
                }
                switch (scheme) {
                    case "sgtin":
                        return Gs1KeyType.GTIN;
                    case "grai":
                        return Gs1KeyType.GRAI;
                    case "gdti":
                        return Gs1KeyType.GDTI;
                    case "sgcn":
                        return Gs1KeyType.SGCN;
                    default:
                        return null;
                }
            default:
                for (Gs1KeyType t : Gs1KeyType.values()) {
                    if (!t.isClassLevel() && t.epcScheme().equals(scheme)) {
                        return t;
                    }
                }
                return null;
        }
    }

    private static Gs1Key parseBody(Gs1KeyType type, boolean pattern, String body, String subject) {
        String[] parts = split(body, componentCount(type), subject);
        String cp = parts[0];
        if (cp.length() < 6 || cp.length() > 12 || !CheckDigit.isDigits(cp)) {
            throw fail(subject, "company prefix '" + cp + "' must be 6 to 12 digits");
        }
        int fixed = type.companyPrefixAndReferenceDigits();
        String reference = parts[1];
        if (fixed > 0) {
            int expected = fixed - cp.length();
            if (reference.length() != expected || (expected > 0 && !CheckDigit.isDigits(reference))) {
                throw fail(subject, "with a " + cp.length() + "-digit company prefix the " + referenceName(type)
                        + " must be " + expected + " digits, was '" + reference + "' (TDS partition: "
                        + fixed + " digits in total)");
            }
        }
        String last = parts.length > 2 ? parts[parts.length - 1] : null;
        if (pattern && !"*".equals(last)) {
            throw fail(subject, "an id pattern must end with .*");
        }
        String key;
        String qualifier = null;
        switch (type) {
            case SGTIN:
            case LGTIN:
            case UPUI:
            case GTIN: {
                String body12 = reference.charAt(0) + cp + reference.substring(1);
                key = CheckDigit.append(body12);
                qualifier = type == Gs1KeyType.GTIN ? null : decode(last, subject);
                break;
            }
            case ITIP: {
                key = CheckDigit.append(reference.charAt(0) + cp + reference.substring(1));
                String piece = parts[2];
                String total = parts[3];
                if (piece.length() != 2 || total.length() != 2 || !CheckDigit.isDigits(piece + total)) {
                    throw fail(subject, "piece number and total pieces must be 2 digits each, were '" + piece + "' and '" + total + "'");
                }
                key = key + piece + total;
                qualifier = decode(parts[4], subject);
                break;
            }
            case SSCC:
                key = CheckDigit.append(reference.charAt(0) + cp + reference.substring(1));
                break;
            case SGLN:
                key = CheckDigit.append(cp + reference);
                qualifier = decode(last, subject);
                break;
            case PGLN:
            case GSRN:
            case GSRNP:
            case GSIN:
                key = CheckDigit.append(cp + reference);
                break;
            case GRAI:
                key = CheckDigit.append("0" + cp + reference) + (pattern ? "" : requireSerial(decode(last, subject), subject));
                break;
            case GDTI:
            case SGCN:
                key = CheckDigit.append(cp + reference) + (pattern ? "" : requireSerial(decode(last, subject), subject));
                break;
            case GIAI:
            case GINC:
                key = cp + decode(reference, subject);
                requireNonEmpty(reference, subject);
                break;
            case CPI:
                requireNonEmpty(reference, subject);
                key = cp + decode(reference, subject);
                qualifier = last;
                break;
            default:
                throw new IllegalStateException("unhandled key type " + type);
        }
        return Gs1Key.create(type, key, qualifier, cp.length(), subject);
    }

    /** Dot-separated components of the URN body; the last one (serial, lot, extension) may itself contain dots. */
    private static int componentCount(Gs1KeyType type) {
        switch (type) {
            case ITIP:
                return 5;
            case SSCC:
            case PGLN:
            case GSRN:
            case GSRNP:
            case GSIN:
            case GIAI:
            case GINC:
                return 2;
            default:
                return 3;
        }
    }

    private static String requireSerial(String serial, String subject) {
        if (serial.isEmpty()) {
            throw fail(subject, "serial is empty (use urn:epc:idpat:…:CP.REF.* for the class without serial)");
        }
        return serial;
    }

    private static void requireNonEmpty(String reference, String subject) {
        if (reference.isEmpty()) {
            throw fail(subject, "reference after the company prefix is empty");
        }
    }

    private static String[] split(String body, int count, String subject) {
        String[] parts = body.split("\\.", count);
        if (parts.length != count) {
            throw fail(subject, "expected " + count + " dot-separated components, found " + parts.length);
        }
        return parts;
    }

    private static String decode(String component, String subject) {
        try {
            return Gs1Characters.percentDecode(component);
        } catch (IllegalArgumentException e) {
            throw fail(subject, e.getMessage());
        }
    }

    private static String referenceName(Gs1KeyType type) {
        switch (type) {
            case SGTIN:
            case LGTIN:
            case GTIN:
            case UPUI:
            case ITIP:
                return "indicator + item reference";
            case SSCC:
                return "extension digit + serial reference";
            case SGLN:
                return "location reference";
            case PGLN:
                return "party reference";
            case GRAI:
                return "asset type";
            case GDTI:
                return "document type";
            case SGCN:
                return "coupon reference";
            case GSRN:
            case GSRNP:
                return "service reference";
            case GSIN:
                return "shipper reference";
            default:
                return "reference";
        }
    }

    private static Gs1IdentifierException fail(String subject, String problem) {
        return new Gs1IdentifierException(subject, subject.substring(subject.indexOf(' ') + 1), problem);
    }

    // ---------------------------------------------------------------- format

    static String format(Gs1Key key) {
        String cp = key.companyPrefix();
        Gs1KeyType type = key.type();
        String value = key.gs1KeyValue();
        if (cp == null) {
            throw new Gs1IdentifierException(type + " " + key.toElementString(), key.toElementString(),
                    "company prefix length unknown, cannot build the EPC URN; configure CompanyPrefixLengths for "
                            + value.substring(type.companyPrefixOffset(), Math.min(value.length(), type.companyPrefixOffset() + 7)) + "…");
        }
        int l = cp.length();
        String q = key.qualifier();
        switch (type) {
            case SGTIN:
                return ID + "sgtin:" + cp + "." + value.charAt(0) + value.substring(1 + l, 13) + "." + Gs1Characters.urnEncode(q);
            case LGTIN:
                return CLASS + "lgtin:" + cp + "." + value.charAt(0) + value.substring(1 + l, 13) + "." + Gs1Characters.urnEncode(q);
            case GTIN:
                return IDPAT + "sgtin:" + cp + "." + value.charAt(0) + value.substring(1 + l, 13) + ".*";
            case UPUI:
                return ID + "upui:" + cp + "." + value.charAt(0) + value.substring(1 + l, 13) + "." + Gs1Characters.urnEncode(q);
            case ITIP:
                return ID + "itip:" + cp + "." + value.charAt(0) + value.substring(1 + l, 13) + "." + value.substring(14, 16)
                        + "." + value.substring(16, 18) + "." + Gs1Characters.urnEncode(q);
            case SSCC:
                return ID + "sscc:" + cp + "." + value.charAt(0) + value.substring(1 + l, 17);
            case SGLN:
                return ID + "sgln:" + cp + "." + value.substring(l, 12) + "." + (q == null ? "0" : Gs1Characters.urnEncode(q));
            case PGLN:
                return ID + "pgln:" + cp + "." + value.substring(l, 12);
            case GSRN:
            case GSRNP:
                return ID + type.epcScheme() + ":" + cp + "." + value.substring(l, 17);
            case GSIN:
                return ID + "gsin:" + cp + "." + value.substring(l, 16);
            case GRAI:
                return serialised("grai", cp, value.substring(1 + l, 13), value.substring(14));
            case GDTI:
                return serialised("gdti", cp, value.substring(l, 12), value.substring(13));
            case SGCN:
                return serialised("sgcn", cp, value.substring(l, 12), value.substring(13));
            case GIAI:
            case GINC:
                return ID + type.epcScheme() + ":" + cp + "." + Gs1Characters.urnEncode(value.substring(l));
            case CPI:
                return ID + "cpi:" + cp + "." + Gs1Characters.urnEncode(value.substring(l)) + "." + q;
            default:
                throw new IllegalStateException("unhandled key type " + type);
        }
    }

    /** Keys whose serial is optional in GS1 have an EPC only with serial; without it they are a class, written as id pattern. */
    private static String serialised(String scheme, String cp, String reference, String serial) {
        if (serial.isEmpty()) {
            return IDPAT + scheme + ":" + cp + "." + reference + ".*";
        }
        return ID + scheme + ":" + cp + "." + reference + "." + Gs1Characters.urnEncode(serial);
    }
}
