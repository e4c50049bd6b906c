package org.pharmatrace.query.ledger;

import java.time.Instant;

/**
 * An event as the chaincode's {@code getEvent(hash)} returns it.
 *
 * @param eventHash the key it is recorded under
 * @param transactionId the transaction that recorded it
 * @param timestamp that transaction's timestamp
 * @param recordedBy the MSP id of the submitter
 * @param eventJson the event as recorded (EPCIS 2.0 JSON-LD event object)
 */
public record LedgerRecord(String eventHash, String transactionId, Instant timestamp, String recordedBy,
        String eventJson) {
}
