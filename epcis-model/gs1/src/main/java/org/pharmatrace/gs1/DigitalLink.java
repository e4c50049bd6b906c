package org.pharmatrace.gs1;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * GS1 Digital Link URIs (uncompressed): https://any.domain[/own/path]/{primary AI}/{key}[/{qualifier AI}/{value}…][?attributes].
 * Query attributes (e.g. ?17=…) and the consumer product variant (AI 22) are not part of an EPC and are dropped.
 */
final class DigitalLink {

    /** Primary key AIs the standard defines, with the GS1 Digital Link 1.0/1.1 short names that may stand for them. */
    private static final Map<String, String> PRIMARY = Map.ofEntries(
            Map.entry("01", "01"), Map.entry("gtin", "01"),
            Map.entry("00", "00"), Map.entry("sscc", "00"),
            Map.entry("414", "414"), Map.entry("gln", "414"),
            Map.entry("417", "417"), Map.entry("party", "417"),
            Map.entry("8003", "8003"), Map.entry("grai", "8003"),
            Map.entry("8004", "8004"), Map.entry("giai", "8004"),
            Map.entry("253", "253"), Map.entry("gdti", "253"),
            Map.entry("255", "255"), Map.entry("gcn", "255"),
            Map.entry("8018", "8018"), Map.entry("gsrn", "8018"),
            Map.entry("8017", "8017"), Map.entry("gsrnp", "8017"),
            Map.entry("8010", "8010"), Map.entry("cpid", "8010"),
            Map.entry("401", "401"), Map.entry("ginc", "401"),
            Map.entry("402", "402"), Map.entry("gsin", "402"),
            Map.entry("8006", "8006"), Map.entry("itip", "8006"),
            Map.entry("8013", "8013"), Map.entry("gmn", "8013"),
            Map.entry("415", "415"), Map.entry("payTo", "415"));

    private static final Map<String, String> QUALIFIER = Map.ofEntries(
            Map.entry("21", "21"), Map.entry("ser", "21"),
            Map.entry("10", "10"), Map.entry("lot", "10"),
            Map.entry("22", "22"), Map.entry("cpv", "22"),
            Map.entry("254", "254"), Map.entry("glnx", "254"),
            Map.entry("8011", "8011"), Map.entry("cpsn", "8011"),
            Map.entry("8019", "8019"), Map.entry("srin", "8019"),
            Map.entry("235", "235"), Map.entry("7040", "7040"));

    /** Key qualifiers each primary key may carry in the path (GS1 Digital Link standard). */
    private static final Map<String, Set<String>> QUALIFIERS_OF = Map.of(
            "01", Set.of("22", "10", "21", "235"),
            "8006", Set.of("22", "10", "21"),
            "414", Set.of("254", "7040"),
            "8010", Set.of("8011"),
            "8017", Set.of("8019"),
            "8018", Set.of("8019"),
            "8004", Set.of("7040"));

    private static final Pattern LOOKS_LIKE = Pattern.compile(
            "(?i)^https?://[^/?#]+(/[^?#]*)?/(01|00|414|417|8003|8004|253|255|8018|8017|8010|401|402|8006|"
                    + "gtin|sscc|gln|party|grai|giai|gdti|gcn|gsrn|gsrnp|cpid|ginc|gsin|itip)/[^/?#]+.*");

    private static final String CANONICAL_HOST = "id.gs1.org";

    private static final String SET_82 = "[!\"%&'()*+,\\-./0-9:;<=>?A-Z_a-z]";
    private static final String SET_39 = "[#\\-/0-9A-Z]";
    /** EPC partition tables hold company prefixes of 6 to 12 digits; keys of free length start with one. */
    private static final String COMPANY_PREFIX = "\\d{6}";

    /** The shape of each primary key's value (GS1 General Specifications, AI formats), check digits aside. */
    private static final Map<String, Pattern> PRIMARY_KEY_FORMAT = Map.ofEntries(
            Map.entry("01", Pattern.compile("\\d{8}|\\d{12,14}")),
            Map.entry("00", Pattern.compile("\\d{18}")),
            Map.entry("414", Pattern.compile("\\d{13}")),
            Map.entry("417", Pattern.compile("\\d{13}")),
            Map.entry("8003", Pattern.compile("\\d{14}" + SET_82 + "{0,16}")),
            Map.entry("8004", Pattern.compile("(?=.{7,30}$)" + COMPANY_PREFIX + SET_82 + "+")),
            Map.entry("253", Pattern.compile("\\d{13}" + SET_82 + "{0,17}")),
            Map.entry("255", Pattern.compile("\\d{13,25}")),
            Map.entry("8018", Pattern.compile("\\d{18}")),
            Map.entry("8017", Pattern.compile("\\d{18}")),
            Map.entry("8010", Pattern.compile("(?=.{7,30}$)" + COMPANY_PREFIX + SET_39 + "+")),
            Map.entry("401", Pattern.compile("(?=.{7,30}$)" + COMPANY_PREFIX + SET_82 + "+")),
            Map.entry("402", Pattern.compile("\\d{17}")),
            Map.entry("8006", Pattern.compile("\\d{18}")));

    private DigitalLink() {
    }

    static boolean isHttpUri(String uri) {
        String lower = uri.length() > 8 ? uri.substring(0, 8).toLowerCase(Locale.ROOT) : uri.toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://");
    }

    /**
     * Whether the URI is meant as a GS1 Digital Link. On the canonical domain {@code id.gs1.org} a primary key AI with
     * a value is enough, so a wrong key there is reported as wrong. On any other domain, where /party/ or /gln/ may
     * just be part of a web address, the value after the AI must also have the shape of that key (digits of the
     * right length, company prefix first); check digits are left to {@link #parse}.
     */
    static boolean looksLikeDigitalLink(String uri) {
        if (!isHttpUri(uri) || !LOOKS_LIKE.matcher(uri).matches()) {
            return false;
        }
        return isCanonicalDomain(uri) || hasPrimaryKeyOfItsFormat(uri);
    }

    private static boolean isCanonicalDomain(String uri) {
        int hostStart = uri.indexOf("://") + 3;
        int hostEnd = hostStart;
        while (hostEnd < uri.length() && "/?#".indexOf(uri.charAt(hostEnd)) < 0) {
            hostEnd++;
        }
        String authority = uri.substring(hostStart, hostEnd).toLowerCase(Locale.ROOT);
        String host = authority.substring(authority.lastIndexOf('@') + 1);
        int port = host.indexOf(':');
        return CANONICAL_HOST.equals(port < 0 ? host : host.substring(0, port));
    }

    private static boolean hasPrimaryKeyOfItsFormat(String uri) {
        List<String> segments;
        try {
            segments = pathSegments(uri, uri);
        } catch (Gs1IdentifierException e) {
            return false;
        }
        for (int i = 0; i + 1 < segments.size(); i++) {
            String ai = PRIMARY.get(segments.get(i));
            Pattern format = ai == null ? null : PRIMARY_KEY_FORMAT.get(ai);
            if (format != null && format.matcher(decodeOrEmpty(segments.get(i + 1))).matches()) {
                return true;
            }
        }
        return false;
    }

    private static String decodeOrEmpty(String segment) {
        try {
            return Gs1Characters.percentDecode(segment);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    // ---------------------------------------------------------------- parse

    static Gs1Key parse(String uri, CompanyPrefixLengths lengths) {
        String subject = "GS1 Digital Link " + uri;
        List<String> segments = pathSegments(uri, subject);
        int start = findPrimaryKey(segments);
        if (start < 0) {
            throw new Gs1IdentifierException(subject, uri,
                    "no GS1 primary key in the path (expected e.g. /01/{gtin}, /00/{sscc}, /414/{gln})");
        }
        String primaryAi = PRIMARY.get(segments.get(start));
        String keyValue = decode(segments.get(start + 1), subject, uri);
        Map<String, String> qualifiers = new LinkedHashMap<>();
        for (int i = start + 2; i < segments.size(); i += 2) {
            String ai = QUALIFIER.get(segments.get(i));
            if (ai == null || !QUALIFIERS_OF.getOrDefault(primaryAi, Set.of()).contains(ai)) {
                throw new Gs1IdentifierException(subject, uri, "'" + segments.get(i)
                        + "' is not a key qualifier of AI " + primaryAi + " (data attributes belong in the query string)");
            }
            if (qualifiers.put(ai, decode(segments.get(i + 1), subject, uri)) != null) {
                throw new Gs1IdentifierException(subject, uri, "AI " + ai + " appears twice");
            }
        }
        Gs1KeyType type = typeOf(primaryAi, qualifiers, subject, uri);
        subject = type + " " + uri;
        if ("01".equals(primaryAi)) {
            keyValue = padGtin(keyValue);
        }
        String qualifier = qualifierFor(type, qualifiers);
        Gs1Key key = Gs1Key.create(type, keyValue, qualifier, 0, subject);
        return key.withCompanyPrefixLengths(lengths);
    }

    private static List<String> pathSegments(String uri, String subject) {
        int schemeEnd = uri.indexOf("://");
        int pathStart = uri.indexOf('/', schemeEnd + 3);
        if (pathStart < 0) {
            throw new Gs1IdentifierException(subject, uri, "no path after the domain");
        }
        int end = uri.length();
        int query = uri.indexOf('?', pathStart);
        int fragment = uri.indexOf('#', pathStart);
        if (query >= 0) {
            end = query;
        }
        if (fragment >= 0 && fragment < end) {
            end = fragment;
        }
        List<String> segments = new ArrayList<>();
        for (String s : uri.substring(pathStart + 1, end).split("/")) {
            if (!s.isEmpty()) {
                segments.add(s);
            }
        }
        return segments;
    }

    /** First segment that is a primary key AI followed by complete AI/value pairs (a domain may have a path of its own before it). */
    private static int findPrimaryKey(List<String> segments) {
        for (int i = 0; i + 1 < segments.size(); i++) {
            if (PRIMARY.containsKey(segments.get(i)) && (segments.size() - i) % 2 == 0) {
                return i;
            }
        }
        return -1;
    }

    private static Gs1KeyType typeOf(String primaryAi, Map<String, String> qualifiers, String subject, String uri) {
        switch (primaryAi) {
            case "01":
                if (qualifiers.containsKey("21")) {
                    return Gs1KeyType.SGTIN;
                }
                if (qualifiers.containsKey("235")) {
                    return Gs1KeyType.UPUI;
                }
                return qualifiers.containsKey("10") ? Gs1KeyType.LGTIN : Gs1KeyType.GTIN;
            case "8006":
                if (!qualifiers.containsKey("21")) {
                    throw new Gs1IdentifierException(subject, uri, "an ITIP needs a serial (AI 21) to be an EPC");
                }
                return Gs1KeyType.ITIP;
            case "8010":
                if (!qualifiers.containsKey("8011")) {
                    throw new Gs1IdentifierException(subject, uri, "a CPI needs a serial (AI 8011) to be an EPC");
                }
                return Gs1KeyType.CPI;
            case "00":
                return Gs1KeyType.SSCC;
            case "414":
                return Gs1KeyType.SGLN;
            case "417":
                return Gs1KeyType.PGLN;
            case "8003":
                return Gs1KeyType.GRAI;
            case "8004":
                return Gs1KeyType.GIAI;
            case "253":
                return Gs1KeyType.GDTI;
            case "255":
                return Gs1KeyType.SGCN;
            case "8018":
                return Gs1KeyType.GSRN;
            case "8017":
                return Gs1KeyType.GSRNP;
            case "401":
                return Gs1KeyType.GINC;
            case "402":
                return Gs1KeyType.GSIN;
            default:
                throw new Gs1IdentifierException(subject, uri, "AI " + primaryAi + " has no EPC scheme");
        }
    }

    private static String qualifierFor(Gs1KeyType type, Map<String, String> qualifiers) {
        String ai = Gs1Key.qualifierAi(type);
        return ai == null ? null : qualifiers.get(ai);
    }

    /** Digital Link allows GTIN-8, -12 and -13 in the path; the EPC and the canonical form use GTIN-14. */
    private static String padGtin(String gtin) {
        int n = gtin.length();
        if ((n == 8 || n == 12 || n == 13) && CheckDigit.isDigits(gtin)) {
            return "0".repeat(14 - n) + gtin;
        }
        return gtin;
    }

    private static String decode(String segment, String subject, String uri) {
        try {
            return Gs1Characters.percentDecode(segment);
        } catch (IllegalArgumentException e) {
            throw new Gs1IdentifierException(subject, uri, e.getMessage());
        }
    }

    // ---------------------------------------------------------------- format

    static String format(Gs1Key key, String base) {
        StringBuilder s = new StringBuilder(base);
        for (Map.Entry<String, String> ai : key.aiValues().entrySet()) {
            s.append('/').append(ai.getKey()).append('/').append(Gs1Characters.digitalLinkEncode(ai.getValue()));
        }
        return s.toString();
    }
}
