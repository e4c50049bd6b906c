package org.pharmatrace.chaincode.response;

/**
 * What became of one event of a batch.
 *
 * @param status {@code committed}, {@code duplicate} (already on the ledger: nothing written) or {@code alert}
 *     (committed, with alerts)
 */
public record EventResult(String hash, String status) {
    public static final String COMMITTED = "committed";
    public static final String DUPLICATE = "duplicate";
    public static final String ALERT = "alert";
}
