package org.pharmatrace.epcis.hash;

import java.util.HashMap;
import org.pharmatrace.gs1.Gs1IdentifierException;
import org.pharmatrace.gs1.Gs1Key;

/**
 * Rewrites GS1 identifiers into the constrained canonical GS1 Digital Link the Event Hash ID requires: domain
 * {@code https://id.gs1.org}, no query string, only the most fine-grained key level (a serial wins over a lot, no
 * consumer product variant). EPC URNs (id, class and pattern) and Digital Links on any domain are both accepted.
 *
 * <p>Not thread-safe: one instance per thread. It remembers the answers for repeated identifiers (locations, parties,
 * classes, documents recur from event to event, unlike serialised EPCs) and for every identifier that is not a valid
 * GS1 key, so that a malformed value costs one exception per thread, not one per event.
 */
final class DigitalLinks {

    private static final int CACHE_LIMIT = 4096;

    private final HashMap<String, String> cache = new HashMap<>();

    /**
     * The canonical Digital Link of {@code value} (trimmed), or {@code value} itself when it is not a GS1 identifier.
     *
     * @param repeats whether the value is of a kind that recurs across events, so worth remembering
     */
    String canonical(String value, boolean repeats) {
        if (!mayBeGs1Key(value)) {
            return value;
        }
        String known = cache.get(value);
        if (known != null) {
            return known;
        }
        String result = convert(value);
        if (repeats || result == value) {
            if (cache.size() >= CACHE_LIMIT) {
                cache.clear();
            }
            cache.put(value, result);
        }
        return result;
    }

    /** A cheap test before the real parse: an EPC URN, or an http(s) URI (of which Gs1Key decides). */
    private static boolean mayBeGs1Key(String v) {
        return v.startsWith("urn:epc:") || v.startsWith("https://") || v.startsWith("http://");
    }

    private static String convert(String value) {
        if (value.startsWith("http") && !Gs1Key.isGs1Uri(value)) {
            return value;
        }
        try {
            return Gs1Key.parse(value).toDigitalLink();
        } catch (Gs1IdentifierException e) {
            String fallback = value.startsWith("http") ? SyntacticDigitalLink.canonical(value) : classPattern(value);
            return fallback != null ? fallback : value;
        } catch (RuntimeException e) {
            // a parser fault on odd input must not make the event unhashable: the value then stays as given
            return value;
        }
    }

    /**
     * Appends the canonical Digital Link of {@code value} (trimmed), or {@code value} itself when it is not a GS1
     * identifier; see {@link #canonical(String, boolean)}.
     */
    void append(StringBuilder out, String value, boolean repeats) {
        if (!repeats && appendPlainSerialised(out, value)) {
            return;
        }
        out.append(canonical(value, repeats));
    }

    /** As {@link #appendPlainSerialised}, as a string; null when the shortcut does not apply. */
    static String plainSerialised(String v) {
        StringBuilder out = new StringBuilder(48);
        return appendPlainSerialised(out, v) ? out.toString() : null;
    }

    /**
     * The everyday SGTIN and SSCC, as an EPC URN whose serial needs no escaping or already as a canonical Digital
     * Link, written directly: these are the EPCs of nearly every event, unique per item so never cached, and the
     * general parser costs several times more than the hash itself. Anything unusual (escapes, partition or length
     * out of range, another domain) returns false, appends nothing and is left to Gs1Key, which also stays the
     * reference for this shortcut in the tests.
     */
    static boolean appendPlainSerialised(StringBuilder out, String v) {
        if (v.startsWith(CANONICAL_SGTIN) ? isCanonicalSgtin(v) : v.startsWith(CANONICAL_SSCC) && isCanonicalSscc(v)) {
            // already canonical: Gs1Key would write it back unchanged (or, with a wrong check digit, reject and keep it)
            out.append(v);
            return true;
        }
        if (v.startsWith("urn:epc:id:sgtin:")) {
            int cp = 17;
            int dot1 = v.indexOf('.', cp);
            int dot2 = dot1 < 0 ? -1 : v.indexOf('.', dot1 + 1);
            int serialLength = v.length() - dot2 - 1;
            if (dot2 < 0 || dot1 - cp < 6 || dot1 - cp > 12 || dot2 - cp - 1 != 13
                    || serialLength < 1 || serialLength > 20
                    || !digits(v, cp, dot1) || !digits(v, dot1 + 1, dot2) || !literalSerial(v, dot2 + 1)) {
                return false;
            }
            out.append("https://id.gs1.org/01/");
            appendKey(out, v, dot1 + 1, cp, dot1, dot2, 13);
            out.append("/21/").append(v, dot2 + 1, v.length());
            return true;
        }
        if (v.startsWith("urn:epc:id:sscc:")) {
            int cp = 16;
            int dot = v.indexOf('.', cp);
            if (dot - cp < 6 || dot - cp > 12 || v.length() - cp - 1 != 17
                    || !digits(v, cp, dot) || !digits(v, dot + 1, v.length())) {
                return false;
            }
            out.append("https://id.gs1.org/00/");
            appendKey(out, v, dot + 1, cp, dot, v.length(), 17);
            return true;
        }
        return false;
    }

    /**
     * Appends a GTIN-14 or SSCC-18 rebuilt from its EPC components, the leading digit (indicator or extension) first,
     * then the company prefix, the rest of the reference and the GS1 mod-10 check digit over the {@code length}
     * digits (weights 3 and 1 from the right).
     */
    private static void appendKey(StringBuilder out, String v, int lead, int cpFrom, int cpTo, int refTo, int length) {
        int sum = 0;
        int position = 0;
        out.append(v.charAt(lead));
        sum += weight(length, position++) * (v.charAt(lead) - '0');
        for (int i = cpFrom; i < cpTo; i++) {
            out.append(v.charAt(i));
            sum += weight(length, position++) * (v.charAt(i) - '0');
        }
        for (int i = lead + 1; i < refTo; i++) {
            out.append(v.charAt(i));
            sum += weight(length, position++) * (v.charAt(i) - '0');
        }
        out.append((char) ('0' + (10 - sum % 10) % 10));
    }

    private static int weight(int length, int position) {
        return (length - position) % 2 == 1 ? 3 : 1;
    }

    private static final String CANONICAL_SGTIN = "https://id.gs1.org/01/";
    private static final String CANONICAL_SSCC = "https://id.gs1.org/00/";

    /** {@code https://id.gs1.org/01/{14 digits}/21/{1 to 20 literal characters}}. */
    private static boolean isCanonicalSgtin(String v) {
        int gtin = CANONICAL_SGTIN.length();
        int serial = gtin + 14 + 4;
        return v.length() > serial && v.length() - serial <= 20 && digits(v, gtin, gtin + 14)
                && v.startsWith("/21/", gtin + 14) && literalSerial(v, serial);
    }

    /** {@code https://id.gs1.org/00/{18 digits}}. */
    private static boolean isCanonicalSscc(String v) {
        int sscc = CANONICAL_SSCC.length();
        return v.length() == sscc + 18 && digits(v, sscc, sscc + 18);
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Serial characters a canonical Digital Link keeps literal, as in the EPC URN. */
    private static boolean literalSerial(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean literal = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')
                    || c == '-' || c == '.' || c == '_' || c == '\'' || c == ';' || c == '=';
            if (!literal) {
                return false;
            }
        }
        return true;
    }

    /**
     * Id patterns Gs1Key does not read (it knows sgtin, grai, gdti and sgcn): the UPUI, ITIP and CPI classes. Each is
     * read as the instance with a placeholder serial, whose qualifier is then cut off again.
     */
    private static String classPattern(String value) {
        try {
            if (value.startsWith("urn:epc:idpat:upui:") && value.endsWith(".*")) {
                return Gs1Key.parse("urn:epc:idpat:sgtin:" + value.substring(19)).toDigitalLink();
            }
            if (value.startsWith("urn:epc:idpat:itip:") && value.endsWith(".*")) {
                String dl = Gs1Key.parse("urn:epc:id:itip:" + value.substring(19, value.length() - 1) + "0")
                        .toDigitalLink();
                return dl.substring(0, dl.length() - "/21/0".length());
            }
            if (value.startsWith("urn:epc:idpat:cpi:") && value.endsWith(".*")) {
                String dl = Gs1Key.parse("urn:epc:id:cpi:" + value.substring(18, value.length() - 1) + "0")
                        .toDigitalLink();
                return dl.substring(0, dl.length() - "/8011/0".length());
            }
        } catch (RuntimeException e) {
            return null;
        }
        return null;
    }
}
