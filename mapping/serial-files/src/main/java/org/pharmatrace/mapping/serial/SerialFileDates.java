package org.pharmatrace.mapping.serial;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import org.pharmatrace.gs1.Gs1Date;

/**
 * The dates of a serial file: ISO {@code YYYY-MM-DD}, or the GS1 barcode form {@code YYMMDD} that some packaging
 * lines export, read by {@link Gs1Date#parseYymmdd} (GS1 century window, day 00 for the end of the month).
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
        if (text.length() != 6 || (!allowDayZero && text.endsWith("00"))) {
            return null;
        }
        try {
            return Gs1Date.parseYymmdd(text, currentYear);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
