package org.pharmatrace.mapping.asn;

import org.pharmatrace.mapping.PartnerProfile;

/**
 * The partner-profile convention keys the ship-notice mappings read, with their defaults (documented in the
 * module README). Partners differ in how they use X12 and EDIFACT; these keys say how one partner does.
 */
public final class AsnConventions {

    /** REF01 qualifier of the REF segments carrying one serial number each in an item loop. Default {@code SE}. */
    public static final String X12_SERIAL_QUALIFIER = "x12.serialQualifier";
    /** Whether CTT01 must equal the number of HL (or LIN) segments. Default {@code true}. */
    public static final String X12_CHECK_LINE_COUNT = "x12.checkLineCount";
    /** {@code 997} (default) or {@code 999}; a 999 is only sent for 005010 groups, a 997 otherwise. */
    public static final String X12_ACK_TYPE = "x12.ackType";
    /** Largest document accepted, in bytes. Default 64 MiB. */
    public static final String MAX_BYTES = "asn.maxBytes";
    /** How owning parties are identified in source/destination lists: {@code pgln} (default) or {@code sgln}. */
    public static final String PARTY_IDENTIFIER = "asn.partyIdentifier";
    /** Lot and expiry of the shipped lines on the shipping event: {@code extension} (default) or {@code none}. */
    public static final String LOT_MASTER_DATA = "asn.lotMasterData";
    /**
     * What to do with a GS1 key whose company prefix length the profile does not know: {@code error} (default) or
     * {@code digital-link} (identify it by its GS1 Digital Link URI instead of an EPC URN).
     */
    public static final String UNKNOWN_COMPANY_PREFIX = "asn.unknownCompanyPrefix";

    static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;

    private AsnConventions() {
    }

    static String serialQualifier(PartnerProfile profile) {
        return profile.convention(X12_SERIAL_QUALIFIER, "SE");
    }

    static boolean checkLineCount(PartnerProfile profile) {
        return Boolean.parseBoolean(profile.convention(X12_CHECK_LINE_COUNT, "true"));
    }

    static long maxBytes(PartnerProfile profile) {
        String value = profile.convention(MAX_BYTES, null);
        if (value == null) {
            return DEFAULT_MAX_BYTES;
        }
        try {
            long max = Long.parseLong(value.trim());
            if (max <= 0) {
                throw new NumberFormatException();
            }
            return max;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("convention " + MAX_BYTES + " must be a positive number of bytes, was '" + value + "'");
        }
    }

    static String choice(PartnerProfile profile, String key, String defaultValue, String... allowed) {
        String value = profile.convention(key, defaultValue).trim();
        for (String a : allowed) {
            if (a.equalsIgnoreCase(value)) {
                return a;
            }
        }
        throw new IllegalArgumentException("convention " + key + " must be one of " + String.join(", ", allowed) + ", was '" + value + "'");
    }
}
