package org.pharmatrace.query.ledger.fabric;

import java.util.ArrayList;
import java.util.List;
import org.hyperledger.fabric.client.InMemoryCheckpointer;
import org.pharmatrace.connectors.fabric.LedgerEventReader;
import org.pharmatrace.connectors.fabric.LedgerGateway;
import org.pharmatrace.connectors.fabric.LedgerQueries;
import org.pharmatrace.connectors.fabric.RecordedEvents;
import org.pharmatrace.query.ledger.CommittedBatchSink;
import org.pharmatrace.query.ledger.CommittedEvent;
import org.pharmatrace.query.ledger.LedgerEventFeed;
import org.pharmatrace.query.ledger.LedgerPosition;
import org.pharmatrace.query.ledger.LedgerRecord;

/**
 * The committed events of the traceability chaincode, for the query index: its {@code EventsRecorded} chaincode
 * events (which name the Event Hash IDs a transaction recorded) followed from the index's checkpoint, and the events
 * themselves fetched with {@code getEvents}, in slices of at most {@value #SLICE}. Everything the index holds thus
 * comes from committed ledger data.
 */
public final class FabricLedgerEventFeed implements LedgerEventFeed {

    static final int SLICE = 500;

    private final LedgerGateway gateway;
    private final LedgerQueries queries;
    private final String organisation;
    private volatile LedgerEventReader reader;
    private volatile boolean closed;

    /** Reads as {@code organisation}: every member of the channel sees every organisation's events. */
    public FabricLedgerEventFeed(LedgerGateway gateway, LedgerQueries queries, String organisation) {
        this.gateway = gateway;
        this.queries = queries;
        this.organisation = organisation;
    }

    @Override
    public void follow(LedgerPosition after, CommittedBatchSink sink) throws Exception {
        closed = false;
        InMemoryCheckpointer checkpoint = new InMemoryCheckpointer();
        if (!after.isStart()) {
            checkpoint.checkpointTransaction(after.blockNumber(), after.transactionId());
        }
        LedgerEventReader current = new LedgerEventReader(gateway, organisation, checkpoint, 0);
        reader = current;
        try {
            if (closed) {
                return;
            }
            current.run(recorded -> sink.accept(new LedgerPosition(recorded.blockNumber(), recorded.transactionId()),
                    events(recorded)));
        } finally {
            reader = null;
            current.close();
        }
    }

    private List<CommittedEvent> events(RecordedEvents recorded) throws Exception {
        List<CommittedEvent> events = new ArrayList<>(recorded.committed().size());
        List<String> hashes = recorded.committed();
        for (int from = 0; from < hashes.size(); from += SLICE) {
            List<String> slice = hashes.subList(from, Math.min(hashes.size(), from + SLICE));
            List<LedgerRecord> stored = StoredEvents.list(queries.events(organisation, slice));
            if (stored.size() != slice.size()) {
                throw new IllegalStateException("transaction " + recorded.transactionId() + " recorded " + slice.size()
                        + " events of which getEvents returns " + stored.size());
            }
            for (LedgerRecord record : stored) {
                events.add(new CommittedEvent(record.eventHash(), recorded.transactionId(), recorded.blockNumber(),
                        record.recordedBy(), record.timestamp(), record.eventJson()));
            }
        }
        return events;
    }

    @Override
    public void close() {
        closed = true;
        LedgerEventReader current = reader;
        if (current != null) {
            current.close();
        }
    }
}
