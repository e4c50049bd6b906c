package org.pharmatrace.mapping.hl7;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** HL7 v2 TS/DTM values ({@code YYYY[MM[DD[HH[MM[SS[.S[S[S[S]]]]]]]]][+/-ZZZZ]}) and the EPCIS time text made from them. */
final class Hl7Time {

    private static final Pattern DTM = Pattern.compile(
            "(\\d{4})(\\d{2})?(\\d{2})?(\\d{2})?(\\d{2})?(\\d{2})?(?:\\.(\\d{1,4}))?([+-]\\d{4})?");

    private Hl7Time() {
    }

    /**
     * A dispense time, which must name at least the day; without a zone it is local time at {@code defaultOffset}.
     *
     * @return the time, or null when the text is no such DTM
     */
    static OffsetDateTime dateTime(String text, ZoneOffset defaultOffset) {
        Matcher m = DTM.matcher(text);
        if (!m.matches() || m.group(3) == null) {
            return null;
        }
        try {
            int nanos = 0;
            if (m.group(7) != null) {
                nanos = Integer.parseInt((m.group(7) + "000000000").substring(0, 9));
            }
            LocalDateTime local = LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)), number(m.group(4)), number(m.group(5)), number(m.group(6)), nanos);
            ZoneOffset offset = defaultOffset;
            if (m.group(8) != null) {
                String z = m.group(8);
                offset = ZoneOffset.ofHoursMinutes(Integer.parseInt(z.substring(0, 3)),
                        (z.charAt(0) == '-' ? -1 : 1) * Integer.parseInt(z.substring(3)));
            }
            return local.atOffset(offset);
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    /**
     * An expiry date (RXD-19): the date part of a DTM; a value with year and month only means the end of that month,
     * as GS1 expiry dates with day 00 do.
     *
     * @return the date, or null when the text is no DTM with at least year and month
     */
    static LocalDate expiryDate(String text) {
        Matcher m = DTM.matcher(text);
        if (!m.matches() || m.group(2) == null) {
            return null;
        }
        try {
            YearMonth month = YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            return m.group(3) == null ? month.atEndOfMonth() : month.atDay(Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** EPCIS eventTime text: seconds always, milliseconds when there are any, offset as ±hh:mm. */
    static String epcisTime(OffsetDateTime t) {
        StringBuilder s = new StringBuilder(String.format("%04d-%02d-%02dT%02d:%02d:%02d", t.getYear(), t.getMonthValue(),
                t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond()));
        if (t.getNano() != 0) {
            s.append(String.format(".%03d", t.getNano() / 1_000_000));
        }
        return s.append(epcisOffset(t.getOffset())).toString();
    }

    /** ±hh:mm, with +00:00 rather than Z as eventTimeZoneOffset requires. */
    static String epcisOffset(ZoneOffset offset) {
        return offset.getTotalSeconds() == 0 ? "+00:00" : offset.getId();
    }

    private static int number(String digits) {
        return digits == null ? 0 : Integer.parseInt(digits);
    }
}
