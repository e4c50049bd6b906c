package org.pharmatrace.query.ledger;

import java.time.Instant;
import java.util.Objects;

/**
 * One event of a committed {@code recordEvents} transaction, as read from the ledger: the only input of the index.
 *
 * @param eventHash the Event Hash ID under which the chaincode recorded the event ({@code ni:///sha-256;...?ver=CBV2.0}),
 *        which is also its eventID
 * @param transactionId the Fabric transaction that recorded it
 * @param blockNumber the block that transaction was committed in
 * @param recordedBy the MSP id of the organisation that submitted the transaction
 * @param recordTime the transaction's timestamp, which becomes the event's EPCIS recordTime
 * @param eventJson the event as recorded: one EPCIS 2.0 JSON-LD event object, possibly with its own {@code @context}
 */
public record CommittedEvent(String eventHash, String transactionId, long blockNumber, String recordedBy,
        Instant recordTime, String eventJson) {

    public CommittedEvent {
        Objects.requireNonNull(eventHash, "eventHash");
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(recordedBy, "recordedBy");
        Objects.requireNonNull(recordTime, "recordTime");
        Objects.requireNonNull(eventJson, "eventJson");
    }
}
