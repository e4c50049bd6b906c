package org.pharmatrace.query.ledger;

import java.util.Optional;

/**
 * The ledger's own word about one event, for the verification of indexed events. The Fabric implementation
 * evaluates the chaincode's {@code getEvent(hash)}.
 */
public interface LedgerProof {

    /**
     * What the ledger holds under this Event Hash ID, or empty when the ledger has no such event.
     *
     * @throws Exception when the ledger cannot be asked (the verification then says so rather than "not found")
     */
    Optional<LedgerRecord> recordedEvent(String eventHash) throws Exception;
}
