package org.pharmatrace.gs1;

import java.time.LocalDate;
import java.time.Year;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The AI → value pairs read from one GS1 barcode, in barcode order (see {@link GS1ElementStrings#parse(String)}).
 *
 * @param values AI → data field, ordered as read
 */
public record ElementString(Map<String, String> values) {

    public ElementString {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The value of an AI, or null when the barcode does not carry it. */
    public String get(String ai) {
        return values.get(ai);
    }

    public boolean has(String ai) {
        return values.containsKey(ai);
    }

    /** AI (01) GTIN-14, or null. */
    public String gtin() {
        return values.get("01");
    }

    /** AI (21) serial number, or null. */
    public String serial() {
        return values.get("21");
    }

    /** AI (10) batch/lot, or null. */
    public String lot() {
        return values.get("10");
    }

    /** AI (00) SSCC, or null. */
    public String sscc() {
        return values.get("00");
    }

    /** AI (17) expiry date; day 00 means the last day of the month. Null when absent. */
    public LocalDate expiry() {
        return date("17");
    }

    /** A date AI (11, 12, 13, 15, 16, 17) as a date, the century resolved against the current year; null when absent. */
    public LocalDate date(String ai) {
        return date(ai, Year.now().getValue());
    }

    /** As {@link #date(String)}, resolving the century against {@code currentYear}. */
    public LocalDate date(String ai, int currentYear) {
        String value = values.get(ai);
        return value == null ? null : Gs1Date.parseYymmdd(value.substring(0, 6), currentYear);
    }

    /**
     * The EPC-level GS1 key this barcode identifies: SGTIN for (01)+(21), LGTIN for (01)+(10), GTIN for (01) alone,
     * SSCC, SGLN (414 + 254), and the other keys. The company prefix length comes from {@code lengths}.
     *
     * @throws Gs1IdentifierException when the barcode holds no GS1 key
     */
    public Gs1Key toGs1Key(CompanyPrefixLengths lengths) {
        Gs1KeyType type;
        if (has("01")) {
            type = has("21") ? Gs1KeyType.SGTIN : has("235") ? Gs1KeyType.UPUI : has("10") ? Gs1KeyType.LGTIN : Gs1KeyType.GTIN;
        } else if (has("8006") && has("21")) {
            type = Gs1KeyType.ITIP;
        } else {
            type = null;
            for (Gs1KeyType candidate : Gs1KeyType.values()) {
                String qualifierAi = Gs1Key.qualifierAi(candidate);
                boolean qualifierOk = qualifierAi == null || candidate == Gs1KeyType.SGLN || has(qualifierAi);
                if (candidate != Gs1KeyType.ITIP && !"01".equals(candidate.primaryAi()) && has(candidate.primaryAi()) && qualifierOk) {
                    type = candidate;
                    break;
                }
            }
            if (type == null) {
                throw new Gs1IdentifierException("GS1 element string " + toHumanReadable(), toHumanReadable(),
                        "holds no GS1 key with an EPC (expected e.g. (01), (00), (414), (8003))");
            }
        }
        String qualifierAi = Gs1Key.qualifierAi(type);
        Gs1Key key = Gs1Key.of(type, get(type.primaryAi()), qualifierAi == null ? null : get(qualifierAi), 0);
        return key.withCompanyPrefixLengths(lengths);
    }

    /** {@link #toGs1Key(CompanyPrefixLengths)} with {@link CompanyPrefixLengths#defaults()}. */
    public Gs1Key toGs1Key() {
        return toGs1Key(CompanyPrefixLengths.defaults());
    }

    /** Human-readable form with AIs in parentheses: (01)00312345678906(21)ABC. */
    public String toHumanReadable() {
        StringBuilder s = new StringBuilder();
        values.forEach((ai, value) -> s.append('(').append(ai).append(')').append(value));
        return s.toString();
    }

    /**
     * Barcode data as a printer encodes it (without the leading FNC1): AIs and values concatenated, GS after each
     * field that has no predefined length unless it is the last.
     */
    public String toBarcodeData() {
        StringBuilder s = new StringBuilder();
        int i = 0;
        for (Map.Entry<String, String> e : values.entrySet()) {
            s.append(e.getKey()).append(e.getValue());
            boolean last = ++i == values.size();
            if (!last && ApplicationIdentifiers.predefinedDataLength(e.getKey()) < 0) {
                s.append(GS1ElementStrings.GS);
            }
        }
        return s.toString();
    }

    @Override
    public String toString() {
        return toHumanReadable();
    }
}
