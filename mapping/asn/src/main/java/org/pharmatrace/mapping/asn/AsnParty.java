package org.pharmatrace.mapping.asn;

/**
 * A party named by a ship notice (X12 N1, EDIFACT NAD).
 *
 * @param role what the party does in this shipment
 * @param roleCode the code as sent (N101, NAD 3035), e.g. {@code SF}, {@code ST}, {@code BY}
 * @param name the party name when sent, else null
 * @param gln the 13-digit GLN as sent (N103 = UL, NAD 3055 = 9), not yet validated; null when the party has none
 * @param idQualifier the qualifier of a non-GLN identifier (e.g. {@code 1} = DUNS, {@code 92} = assigned by buyer)
 * @param id that identifier, null when none
 * @param source the segment, pointing at the identifier element
 */
public record AsnParty(PartyRole role, String roleCode, String name, String gln, String idQualifier, String id,
                       SegmentRef source) {

    /** The roles the mapping distinguishes; anything else is kept as {@link #OTHER}. */
    public enum PartyRole {
        /** Ship-from location (X12 SF, or SH when no SF; EDIFACT SF). */
        SHIP_FROM,
        /** Ship-to location (X12 ST; EDIFACT ST or DP). */
        SHIP_TO,
        /** The selling party (X12 SU, VN, SE; EDIFACT SU). */
        SELLER,
        /** The buying party (X12 BY; EDIFACT BY). */
        BUYER,
        OTHER
    }
}
