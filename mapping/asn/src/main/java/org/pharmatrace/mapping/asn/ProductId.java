package org.pharmatrace.mapping.asn;

/**
 * A product identifier as a ship notice sent it, before any check: the mapping turns it into a GTIN-14.
 *
 * @param type how the value is to be read
 * @param value the value as sent (an NDC may be hyphenated)
 * @param source the segment and element it came from
 */
public record ProductId(Type type, String value, SegmentRef source) {

    public enum Type {
        /** GTIN-8, -12, -13 or -14 (X12 UK = GTIN-14, EDIFACT SRV). */
        GTIN,
        /** UPC-A, 12 digits (X12 UP). */
        UPC,
        /** EAN-13 (X12 EN). */
        EAN,
        /** NDC whose segmentation is given by the qualifier or hyphens (X12 N4, ND: any form; N1 4-4-2; N2 5-3-2; N3 5-4-1). */
        NDC,
        NDC_4_4_2,
        NDC_5_3_2,
        NDC_5_4_1
    }
}
