package org.pharmatrace.chaincode.response;

/**
 * The answer to a product identifier verification request (DSCSA): does the ledger know this GTIN + serial, with
 * this lot and expiry, as a saleable product?
 *
 * @param verified true only when the status is {@code active}
 * @param status {@code active}, {@code unknown}, {@code mismatch} (lot or expiry differ from commissioning),
 *     {@code recalled}, {@code dispensed}, {@code decommissioned}, {@code destroyed} or {@code expired}
 * @param detail why, in words
 */
public record Verification(boolean verified, String status, String epc, String gtin, String serial, String lot,
                           String expiry, String detail) {
    public static final String ACTIVE = "active";
    public static final String UNKNOWN = "unknown";
    public static final String MISMATCH = "mismatch";
    public static final String RECALLED = "recalled";
    public static final String DISPENSED = "dispensed";
    public static final String DECOMMISSIONED = "decommissioned";
    public static final String DESTROYED = "destroyed";
    public static final String EXPIRED = "expired";
}
