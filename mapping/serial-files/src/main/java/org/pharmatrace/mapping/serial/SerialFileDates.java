package org.pharmatrace.mapping.serial;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * The dates of a serial file: ISO {@code YYYY-MM-DD}, or the GS1 barcode form {@code YYMMDD} that some packaging
 * lines export, where the century follows the GS1 sliding window and day 00 stands for the end of the month.
 */
final class SerialFileDates {

    private static final DateTimeFormatter ISO_STRICT = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    private SerialFileDates() {
    }

    /**
     * @param allowDayZero whether {@code YYMMDD} may end in 00 (expiry dates: end of month)
     * @return the date, or {@code null} when the text is no valid date in either form
     */
    static LocalDate parse(String text, boolean allowDayZero, int currentYear) {
        if (text.length() == 10) {
            try {
                return LocalDate.parse(text, ISO_STRICT);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        if (text.length() != 6 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        int year = gs1FullYear(Integer.parseInt(text.substring(0, 2)), currentYear);
        int month = Integer.parseInt(text.substring(2, 4));
        int day = Integer.parseInt(text.substring(4, 6));
        try {
            YearMonth yearMonth = YearMonth.of(year, month);
            if (day == 0) {
                return allowDayZero ? yearMonth.atEndOfMonth() : null;
            }
            return yearMonth.atDay(day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** GS1 General Specifications 7.12: more than 50 years ahead is last century, more than 49 behind the next. */
    static int gs1FullYear(int yy, int currentYear) {
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
