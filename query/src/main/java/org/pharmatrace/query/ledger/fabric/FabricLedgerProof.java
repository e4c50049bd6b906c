package org.pharmatrace.query.ledger.fabric;

import java.util.Optional;
import org.pharmatrace.connectors.fabric.LedgerQueries;
import org.pharmatrace.query.ledger.LedgerProof;
import org.pharmatrace.query.ledger.LedgerRecord;

/** The ledger's word about an event: the chaincode's {@code getEvent}, evaluated on a peer of {@code organisation}. */
public final class FabricLedgerProof implements LedgerProof {

    private final LedgerQueries queries;
    private final String organisation;

    public FabricLedgerProof(LedgerQueries queries, String organisation) {
        this.queries = queries;
        this.organisation = organisation;
    }

    @Override
    public Optional<LedgerRecord> recordedEvent(String eventHash) throws Exception {
        Optional<String> stored = queries.event(organisation, eventHash);
        return stored.isEmpty() ? Optional.empty() : Optional.of(StoredEvents.one(stored.get()));
    }
}
