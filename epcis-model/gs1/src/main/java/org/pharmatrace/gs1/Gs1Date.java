package org.pharmatrace.gs1;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * GS1 six-digit dates (YYMMDD) as used by AIs 11–17: the century follows the GS1 sliding window, and day 00 means
 * the last day of the month (allowed when only year and month are known, as on many expiry dates).
 */
public final class Gs1Date {

    private Gs1Date() {
    }

    /**
     * The date a YYMMDD string stands for, seen from {@code currentYear}: the century by the GS1 sliding window
     * ({@link #fullYear}), day 00 as the last day of the month.
     *
     * @throws IllegalArgumentException naming the fault when the text is not six digits or no date
     */
    public static LocalDate parseYymmdd(String yymmdd, int currentYear) {
        if (yymmdd == null || yymmdd.length() != 6 || !CheckDigit.isDigits(yymmdd)) {
            throw new IllegalArgumentException("date '" + yymmdd + "' must be six digits YYMMDD");
        }
        int year = fullYear(Integer.parseInt(yymmdd.substring(0, 2)), currentYear);
        int month = Integer.parseInt(yymmdd.substring(2, 4));
        int day = Integer.parseInt(yymmdd.substring(4, 6));
        if (month < 1 || month > 12) {
            throw new IllegalArgumentException("date " + yymmdd + " has month " + yymmdd.substring(2, 4) + ", expected 01-12");
        }
        YearMonth yearMonth = YearMonth.of(year, month);
        if (day == 0) {
            return yearMonth.atEndOfMonth();
        }
        if (day > yearMonth.lengthOfMonth()) {
            throw new IllegalArgumentException("date " + yymmdd + " has day " + yymmdd.substring(4, 6) + ", but " + yearMonth
                    + " has " + yearMonth.lengthOfMonth() + " days");
        }
        return yearMonth.atDay(day);
    }

    /** Validates YYMMDDHHMM (AI 7003). */
    static void checkDateTime(String value, int currentYear) {
        if (value.length() != 10 || !CheckDigit.isDigits(value)) {
            throw new IllegalArgumentException("date and time '" + value + "' must be ten digits YYMMDDHHMM");
        }
        LocalDate date = parseYymmdd(value.substring(0, 6), currentYear);
        if (value.startsWith("00", 4)) {
            throw new IllegalArgumentException("date and time " + value + " needs a day, 00 is not allowed here");
        }
        try {
            date.atTime(Integer.parseInt(value.substring(6, 8)), Integer.parseInt(value.substring(8, 10)));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("date and time " + value + " has no valid time of day HHMM");
        }
    }

    /**
     * GS1 General Specifications 7.12: a two-digit year more than 50 years ahead of the current year belongs to the
     * previous century, more than 49 years behind it to the next one.
     */
    public static int fullYear(int yy, int currentYear) {
        int century = currentYear / 100 * 100;
        int difference = yy - currentYear % 100;
        if (difference > 50) {
            return century - 100 + yy;
        }
        if (difference < -49) {
            return century + 100 + yy;
        }
        return century + yy;
    }
}
