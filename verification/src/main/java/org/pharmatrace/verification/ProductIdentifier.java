package org.pharmatrace.verification;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pharmatrace.gs1.CheckDigit;
import org.pharmatrace.gs1.ElementString;
import org.pharmatrace.gs1.Gs1Characters;
import org.pharmatrace.gs1.Gs1Date;
import org.pharmatrace.gs1.Gs1Key;

/**
 * A DSCSA product identifier as read from a pack: GTIN (AI 01) and serial number (AI 21), with the batch/lot (AI 10)
 * and expiry date (AI 17) when they were read too. Every value has passed the GS1 rules.
 *
 * @param gtin GTIN-14 (shorter GTINs are padded with leading zeros)
 * @param serial the serial number, 1 to 20 characters of GS1 character set 82
 * @param lot the batch/lot, 1 to 20 characters of set 82, or null
 * @param expiryYymmdd the expiry as the barcode carries it (YYMMDD, DD 00 = the month's last day), or null
 * @param expiry the date {@code expiryYymmdd} stands for, or null
 */
public record ProductIdentifier(String gtin, String serial, String lot, String expiryYymmdd, LocalDate expiry) {

    static final String GTIN_AI = "01";
    static final String SERIAL_AI = "21";
    static final String LOT_AI = "10";
    static final String EXPIRY_AI = "17";

    /**
     * Checks and normalises the values of a request; {@code lot} and {@code expiry} may be null or empty.
     *
     * @param currentYear the year two-digit expiry years are resolved against (GS1 sliding window)
     * @throws InvalidProductIdentifierException naming the first field that breaks its GS1 rule
     */
    public static ProductIdentifier of(String gtin, String serial, String lot, String expiry, int currentYear) {
        String lotGiven = lot == null || lot.isEmpty() ? null : checkSerialOrLot("lot", LOT_AI, "batch/lot", lot);
        String expiryGiven = expiry == null || expiry.isEmpty() ? null : expiry;
        return new ProductIdentifier(gtin14(gtin), checkSerialOrLot("serial", SERIAL_AI, "serial number", serial),
                lotGiven, expiryGiven, expiryGiven == null ? null : expiryDate(expiryGiven, currentYear));
    }

    /**
     * The identifier as a GS1 Digital Link on {@code resolverBase}: key qualifiers in the path (lot before serial, as
     * the standard orders them), the expiry as the {@code 17} query attribute; values percent-encoded as GS1 Digital
     * Link encodes them.
     */
    public String digitalLink(String resolverBase) {
        String serialLink = Gs1Key.sgtin(gtin, serial, 0).toDigitalLink(resolverBase);
        String link = lot == null
                ? serialLink
                : Gs1Key.lgtin(gtin, lot, 0).toDigitalLink(resolverBase)
                        + serialLink.substring(serialLink.lastIndexOf("/" + SERIAL_AI + "/"));
        return expiryYymmdd == null ? link : link + "?" + EXPIRY_AI + "=" + expiryYymmdd;
    }

    /**
     * The element string a DSCSA 2D barcode carries, in the customary order (01)(17)(10)(21): the fixed-length fields
     * first, so that only the lot needs a separator before the serial.
     */
    public ElementString elementString() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(GTIN_AI, gtin);
        if (expiryYymmdd != null) {
            values.put(EXPIRY_AI, expiryYymmdd);
        }
        if (lot != null) {
            values.put(LOT_AI, lot);
        }
        values.put(SERIAL_AI, serial);
        return new ElementString(values);
    }

    private static String gtin14(String gtin) {
        if (gtin == null || !gtin.matches("\\d{8}|\\d{12,14}")) {
            throw new InvalidProductIdentifierException("gtin", GTIN_AI,
                    "gtin (AI 01): '" + shown(gtin) + "' is not a GTIN (8, 12, 13 or 14 digits)");
        }
        String padded = "0".repeat(14 - gtin.length()) + gtin;
        if (!CheckDigit.isValid(padded)) {
            int expected = CheckDigit.compute(padded.substring(0, 13));
            throw new InvalidProductIdentifierException("gtin", GTIN_AI, "gtin (AI 01): GTIN " + gtin
                    + " has check digit " + padded.charAt(13) + ", expected " + expected);
        }
        return padded;
    }

    /** A value as quoted in a message: long input is cut, it is the caller's own and only needs recognising. */
    static String shown(String value) {
        return value == null || value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }

    private static String checkSerialOrLot(String field, String ai, String what, String value) {
        if (value == null || value.isEmpty()) {
            throw new InvalidProductIdentifierException(field, ai, field + " (AI " + ai + "): the " + what
                    + " is required");
        }
        if (value.length() > Gs1Key.MAX_SERIAL_OR_LOT_LENGTH) {
            throw new InvalidProductIdentifierException(field, ai, field + " (AI " + ai + "): the " + what + " has "
                    + value.length() + " characters, at most " + Gs1Key.MAX_SERIAL_OR_LOT_LENGTH + " are allowed");
        }
        int outside = Gs1Characters.firstOutsideSet82(value);
        if (outside >= 0) {
            throw new InvalidProductIdentifierException(field, ai, field + " (AI " + ai + "): the " + what + " holds "
                    + Gs1Characters.describe(value.charAt(outside)) + " at position " + (outside + 1)
                    + ", which is not in GS1 character set 82");
        }
        return value;
    }

    private static LocalDate expiryDate(String yymmdd, int currentYear) {
        try {
            return Gs1Date.parseYymmdd(yymmdd, currentYear);
        } catch (IllegalArgumentException e) {
            throw new InvalidProductIdentifierException("expiry", EXPIRY_AI, "expiry (AI 17): " + e.getMessage());
        }
    }
}
