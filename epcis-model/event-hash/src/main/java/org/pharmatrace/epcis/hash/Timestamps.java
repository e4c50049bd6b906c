package org.pharmatrace.epcis.hash;

/**
 * Writes an {@code xsd:dateTime} as the pre-hash string wants it: in UTC, with exactly three fraction digits and a
 * {@code Z}. Parsing is done by hand on the characters, without java.time objects, because every event carries at
 * least one timestamp and the generator is meant to run over millions of events.
 */
final class Timestamps {

    private static final long SECONDS_PER_DAY = 86_400L;
    private static final long MILLIS_PER_DAY = SECONDS_PER_DAY * 1000L;

    private Timestamps() {
    }

    /**
     * Appends the canonical UTC form of {@code text}, already trimmed. A fourth fraction digit of 5-9 rounds the
     * milliseconds up (half-up, as CBV 2.1 states and the reference vectors show), carrying into seconds, minutes
     * and the date; further digits are ignored. A value without a zone offset is taken as UTC: EPCIS forbids it and
     * the only other reading, the JVM's zone, would make the hash depend on the machine. Text that is not a date-time
     * is appended unchanged, as the reference implementation does.
     */
    static void appendUtc(StringBuilder out, String text) {
        long millis = parseEpochMillis(text);
        if (millis == Long.MIN_VALUE) {
            out.append(text);
            return;
        }
        long day = Math.floorDiv(millis, MILLIS_PER_DAY);
        int msOfDay = (int) Math.floorMod(millis, MILLIS_PER_DAY);
        long civil = civilFromDays(day);
        int year = (int) (civil >> 9);
        if (year < 0 || year > 9999) {
            out.append(text);
            return;
        }
        int month = (int) ((civil >> 5) & 0xF);
        int dayOfMonth = (int) (civil & 0x1F);
        int hour = msOfDay / 3_600_000;
        int minute = msOfDay / 60_000 % 60;
        int second = msOfDay / 1000 % 60;
        int ms = msOfDay % 1000;
        appendPadded(out, year, 4).append('-');
        appendPadded(out, month, 2).append('-');
        appendPadded(out, dayOfMonth, 2).append('T');
        appendPadded(out, hour, 2).append(':');
        appendPadded(out, minute, 2).append(':');
        appendPadded(out, second, 2).append('.');
        appendPadded(out, ms, 3).append('Z');
    }

    /** Milliseconds since the epoch after rounding, or {@code Long.MIN_VALUE} when the text is not a date-time. */
    static long parseEpochMillis(String s) {
        int n = s.length();
        // yyyy-MM-ddThh:mm at the least
        if (n < 16 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(13) != ':') {
            return Long.MIN_VALUE;
        }
        char t = s.charAt(10);
        if (t != 'T' && t != 't' && t != ' ') {
            return Long.MIN_VALUE;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        if ((year | month | day | hour | minute) < 0) {
            return Long.MIN_VALUE;
        }
        int i = 16;
        int second = 0;
        int millis = 0;
        if (i < n && s.charAt(i) == ':') {
            second = digits(s, i + 1, 2);
            if (second < 0) {
                return Long.MIN_VALUE;
            }
            i += 3;
            if (i < n && (s.charAt(i) == '.' || s.charAt(i) == ',')) {
                int start = ++i;
                while (i < n && isDigit(s.charAt(i))) {
                    i++;
                }
                if (i == start) {
                    return Long.MIN_VALUE;
                }
                int fractionDigits = i - start;
                for (int k = 0; k < 3; k++) {
                    millis = millis * 10 + (k < fractionDigits ? s.charAt(start + k) - '0' : 0);
                }
                if (fractionDigits > 3 && s.charAt(start + 3) >= '5') {
                    millis++;
                }
            }
        }
        int offsetSeconds = 0;
        if (i < n) {
            char z = s.charAt(i);
            if ((z == 'Z' || z == 'z') && i + 1 == n) {
                offsetSeconds = 0;
            } else if (z == '+' || z == '-') {
                int oh = digits(s, i + 1, 2);
                int om;
                int rest = n - (i + 3);
                if (rest == 0) {
                    om = 0;
                } else if (rest == 3 && s.charAt(i + 3) == ':') {
                    om = digits(s, i + 4, 2);
                } else if (rest == 2) {
                    om = digits(s, i + 3, 2);
                } else {
                    return Long.MIN_VALUE;
                }
                if (oh < 0 || om < 0 || oh > 14 || om > 59) {
                    return Long.MIN_VALUE;
                }
                offsetSeconds = (oh * 3600 + om * 60) * (z == '-' ? -1 : 1);
            } else {
                return Long.MIN_VALUE;
            }
        }
        if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)
                || hour > 23 || minute > 59 || second > 59) {
            return Long.MIN_VALUE;
        }
        long seconds = daysFromCivil(year, month, day) * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second
                - offsetSeconds;
        return seconds * 1000L + millis;
    }

    private static int digits(String s, int from, int count) {
        if (from + count > s.length()) {
            return -1;
        }
        int value = 0;
        for (int k = from; k < from + count; k++) {
            char c = s.charAt(k);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int daysInMonth(int year, int month) {
        switch (month) {
            case 2:
                return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4:
            case 6:
            case 9:
            case 11:
                return 30;
            default:
                return 31;
        }
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
    static long daysFromCivil(int y, int m, int d) {
        y -= m <= 2 ? 1 : 0;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097 + doe - 719_468;
    }

    /** The date of a day since the epoch, packed as {@code year << 9 | month << 5 | day}. */
    static long civilFromDays(long z) {
        z += 719_468;
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long y = yoe + era * 400;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        long d = doy - (153 * mp + 2) / 5 + 1;
        long m = mp + (mp < 10 ? 3 : -9);
        y += m <= 2 ? 1 : 0;
        return y << 9 | m << 5 | d;
    }

    private static StringBuilder appendPadded(StringBuilder out, int value, int width) {
        int digits = value < 10 ? 1 : value < 100 ? 2 : value < 1000 ? 3 : 4;
        for (int k = digits; k < width; k++) {
            out.append('0');
        }
        return out.append(value);
    }
}
