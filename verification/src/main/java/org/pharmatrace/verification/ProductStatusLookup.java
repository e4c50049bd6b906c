package org.pharmatrace.verification;

/**
 * Where a pack's status comes from. In production the traceability chaincode's {@code verify} transaction
 * ({@link LedgerProductStatusLookup}); the ledger decides the precedence when several statuses apply (a lot or expiry
 * mismatch first, then recalled, dispensed, decommissioned, destroyed, expired).
 */
public interface ProductStatusLookup {

    /**
     * The status of the pack with this identifier. The lot and expiry are compared with the commissioned ones only
     * when the identifier carries them.
     *
     * @throws ProductStatusUnavailableException when the source cannot answer now
     * @throws InvalidProductIdentifierException when the source refuses the identifier as malformed
     */
    ProductStatus statusOf(ProductIdentifier pack);
}
