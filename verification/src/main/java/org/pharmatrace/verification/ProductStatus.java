package org.pharmatrace.verification;

/**
 * What the ledger says about a pack's product identifier, and how each answer reads in the GS1 Lightweight Messaging
 * Standard for verification of product identifiers: {@code verified}, the failure reason and the additional
 * information code. Only an active pack, whose identifier matches what was commissioned, is verified.
 */
public enum ProductStatus {

    /** Commissioned with this lot and expiry, still in the supply chain, not recalled, not expired. */
    ACTIVE("active", null, null, "the product identifier matches a commissioned pack that is in the supply chain"),
    /** GTIN and serial were never commissioned. */
    UNKNOWN("unknown", FailureReason.NO_MATCH_GTIN_SERIAL, null,
            "no pack with this GTIN and serial number was commissioned"),
    /** GTIN and serial were commissioned with another lot. */
    MISMATCHED_LOT("mismatched-lot", FailureReason.NO_MATCH_GTIN_SERIAL_LOT, null,
            "the pack with this GTIN and serial number was commissioned with another lot"),
    /** GTIN and serial were commissioned with another expiry date. */
    MISMATCHED_EXPIRY("mismatched-expiry", FailureReason.NO_MATCH_GTIN_SERIAL_EXPIRY, null,
            "the pack with this GTIN and serial number was commissioned with another expiry date"),
    /** GTIN and serial were commissioned with another lot and another expiry date. */
    MISMATCHED_LOT_AND_EXPIRY("mismatched-lot-expiry", FailureReason.NO_MATCH_GTIN_SERIAL_LOT_EXPIRY, null,
            "the pack with this GTIN and serial number was commissioned with another lot and expiry date"),
    /** The pack, its lot or its whole GTIN is recalled. */
    RECALLED("recalled", FailureReason.MANUFACTURER_POLICY, AdditionalInfo.RECALLED,
            "the pack, its lot or its product is recalled"),
    /** The pack's expiry date has passed. */
    EXPIRED("expired", FailureReason.MANUFACTURER_POLICY, AdditionalInfo.EXPIRED, "the pack has expired"),
    /** The pack was dispensed to a patient: it should not be back in the supply chain. */
    DISPENSED("dispensed", FailureReason.NOT_FOR_REDISTRIBUTION, AdditionalInfo.SUSPECT,
            "the pack was dispensed to a patient"),
    /** The pack's identifier was decommissioned. */
    DECOMMISSIONED("decommissioned", FailureReason.NOT_FOR_REDISTRIBUTION, AdditionalInfo.SUSPECT,
            "the pack's identifier was decommissioned"),
    /** The pack was destroyed. */
    DESTROYED("destroyed", FailureReason.NOT_FOR_REDISTRIBUTION, AdditionalInfo.SUSPECT, "the pack was destroyed");

    /** Verification failure reason codes of the Lightweight Messaging Standard. */
    public static final class FailureReason {
        public static final String NO_MATCH_GTIN_SERIAL = "No_match_GTIN_Serial";
        public static final String NO_MATCH_GTIN_SERIAL_LOT = "No_match_GTIN_Serial_Lot";
        public static final String NO_MATCH_GTIN_SERIAL_EXPIRY = "No_match_GTIN_Serial_Expiry";
        public static final String NO_MATCH_GTIN_SERIAL_LOT_EXPIRY = "No_match_GTIN_Serial_Lot_Expiry";
        public static final String MANUFACTURER_POLICY = "Manufacturer_policy";
        public static final String NOT_FOR_REDISTRIBUTION = "Not_for_re-distribution";

        private FailureReason() {
        }
    }

    /** Additional information codes of the Lightweight Messaging Standard. */
    public static final class AdditionalInfo {
        public static final String RECALLED = "Recalled";
        public static final String EXPIRED = "Expired";
        public static final String SUSPECT = "Suspect";

        private AdditionalInfo() {
        }
    }

    private final String code;
    private final String failureReason;
    private final String additionalInfo;
    private final String description;

    ProductStatus(String code, String failureReason, String additionalInfo, String description) {
        this.code = code;
        this.failureReason = failureReason;
        this.additionalInfo = additionalInfo;
        this.description = description;
    }

    /** The status as the hub's answer names it: {@code active}, {@code recalled}, {@code mismatched-lot}, … */
    public String code() {
        return code;
    }

    public boolean verified() {
        return this == ACTIVE;
    }

    /** The Lightweight Messaging Standard's {@code verificationFailureReason}; null when verified. */
    public String failureReason() {
        return failureReason;
    }

    /** The Lightweight Messaging Standard's {@code additionalInfo}, or null. */
    public String additionalInfo() {
        return additionalInfo;
    }

    /**
     * Why, in words. Never what the ledger holds beyond the status: a mismatch does not tell the commissioned lot or
     * expiry, which would help whoever is labelling counterfeit packs.
     */
    public String description() {
        return description;
    }
}
