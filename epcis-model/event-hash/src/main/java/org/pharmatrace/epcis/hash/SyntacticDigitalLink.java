package org.pharmatrace.epcis.hash;

import java.util.Map;

/**
 * The reference implementation's purely syntactic Digital Link canonicalisation, for links Gs1Key rejects (test and
 * example data are full of made-up GTINs with a wrong check digit, or a GRAI without its leading zero): domain replaced
 * by {@code https://id.gs1.org}, query and fragment dropped, short names ({@code gtin}, {@code ser}...) turned into
 * AIs, a GTIN-8/12/13 padded to 14 digits, and only the finest key level kept. As in the reference, the result is
 * used only when it passes the reference's own syntax check (lengths and the GS1 AI character set, without
 * percent-escapes); otherwise the value stays as given.
 */
final class SyntacticDigitalLink {

    private static final Map<String, String> PRIMARY = Map.ofEntries(
            Map.entry("01", "01"), Map.entry("gtin", "01"), Map.entry("00", "00"), Map.entry("sscc", "00"),
            Map.entry("414", "414"), Map.entry("gln", "414"), Map.entry("417", "417"), Map.entry("party", "417"),
            Map.entry("8003", "8003"), Map.entry("grai", "8003"), Map.entry("8004", "8004"), Map.entry("giai", "8004"),
            Map.entry("8006", "8006"), Map.entry("itip", "8006"), Map.entry("8010", "8010"), Map.entry("cpid", "8010"),
            Map.entry("8017", "8017"), Map.entry("gsrnp", "8017"), Map.entry("8018", "8018"), Map.entry("gsrn", "8018"),
            Map.entry("253", "253"), Map.entry("gdti", "253"), Map.entry("255", "255"), Map.entry("gcn", "255"),
            Map.entry("401", "401"), Map.entry("ginc", "401"), Map.entry("402", "402"), Map.entry("gsin", "402"));

    private static final Map<String, String> QUALIFIER = Map.of(
            "21", "21", "ser", "21", "10", "10", "lot", "10", "22", "22", "cpv", "22", "235", "235", "254", "254",
            "8011", "8011");

    private SyntacticDigitalLink() {
    }

    /** The canonical form, or null when the link does not pass the reference's syntax check. */
    static String canonical(String uri) {
        int scheme = uri.indexOf("://");
        int pathStart = scheme < 0 ? -1 : uri.indexOf('/', scheme + 3);
        if (pathStart < 0) {
            return null;
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
        String[] segments = uri.substring(pathStart + 1, end).split("/");
        int key = -1;
        for (int i = 0; i + 1 < segments.length; i++) {
            if (PRIMARY.containsKey(segments[i]) && startsWithFourDigits(segments[i + 1])) {
                key = i;
                break;
            }
        }
        if (key < 0) {
            return null;
        }
        String ai = PRIMARY.get(segments[key]);
        String value = segments[key + 1];
        if (ai.equals("01") && digitsOnly(value) && (value.length() == 8 || value.length() == 12 || value.length() == 13)) {
            value = "0".repeat(14 - value.length()) + value;
        }
        String serial = null;
        String lot = null;
        String other = null;
        String otherAi = null;
        int i = key + 2;
        for (; i + 1 < segments.length; i += 2) {
            String q = QUALIFIER.get(segments[i]);
            if (q == null) {
                return null;
            }
            switch (q) {
                case "21":
                    serial = segments[i + 1];
                    break;
                case "10":
                    lot = segments[i + 1];
                    break;
                case "22":
                    break;
                default:
                    otherAi = q;
                    other = segments[i + 1];
            }
        }
        if (i < segments.length && !segments[i].isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder(uri.length()).append("https://id.gs1.org/").append(ai).append('/')
                .append(value);
        boolean valid;
        switch (ai) {
            case "00":
                valid = digits(value, 18) && otherAi == null && serial == null && lot == null;
                break;
            case "01":
            case "8006":
                valid = digits(value, ai.equals("01") ? 14 : 18) && (otherAi == null || (ai.equals("01")
                        && otherAi.equals("235") && serial == null && lot == null && text(other, 28)));
                if (serial != null) {
                    valid &= text(serial, 20);
                    out.append("/21/").append(serial);
                } else if (lot != null) {
                    valid &= text(lot, 20);
                    out.append("/10/").append(lot);
                } else if (otherAi != null) {
                    out.append("/235/").append(other);
                }
                break;
            case "414":
                valid = digits(value, 13) && serial == null && lot == null
                        && (otherAi == null || (otherAi.equals("254") && text(other, 20)));
                if (otherAi != null) {
                    out.append("/254/").append(other);
                }
                break;
            case "8010":
                valid = value.length() <= 30 && value.chars().allMatch(c -> c == '#' || c == '-' || c == '/'
                        || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')) && serial == null && lot == null
                        && (otherAi == null || (otherAi.equals("8011") && other.length() <= 12 && digitsOnly(other)));
                if (otherAi != null) {
                    out.append("/8011/").append(other);
                }
                break;
            default:
                valid = serial == null && lot == null && otherAi == null && keyValueValid(ai, value);
        }
        return valid ? out.toString() : null;
    }

    private static boolean keyValueValid(String ai, String value) {
        switch (ai) {
            case "253":
                return prefixDigits(value, 13) && text(value.substring(13), 17);
            case "255":
                return prefixDigits(value, 13) && value.length() <= 25 && digitsOnly(value);
            case "401":
            case "8004":
                return text(value, 30);
            case "402":
                return digits(value, 17);
            case "417":
                return digits(value, 13);
            case "8003":
                return prefixDigits(value, 14) && text(value.substring(14), 16);
            case "8017":
            case "8018":
                return digits(value, 18);
            default:
                return false;
        }
    }

    private static boolean startsWithFourDigits(String s) {
        return s.length() > 4 && prefixDigits(s, 4);
    }

    private static boolean prefixDigits(String s, int count) {
        return s.length() >= count && digitsOnly(s.substring(0, count));
    }

    private static boolean digits(String s, int count) {
        return s.length() == count && digitsOnly(s);
    }

    private static boolean digitsOnly(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** At most {@code max} characters of the GS1 AI set the reference accepts: letters, digits, " ' - . ; < = > ? _ */
    private static boolean text(String s, int max) {
        if (s.length() > max) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')
                    || c == '"' || c == '\'' || c == '-' || c == '.' || c == '_' || (c >= ';' && c <= '?');
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
