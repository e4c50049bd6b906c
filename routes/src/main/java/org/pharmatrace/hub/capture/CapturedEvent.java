package org.pharmatrace.hub.capture;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One accepted event of a capture job.
 *
 * @param eventIndex position in the source document
 * @param eventHashId the CBV Event Hash ID, which is also the event's eventID on the canonical topic and the ledger
 * @param originalEventId the eventID the partner gave, when different from the hash (it is replaced)
 * @param status {@code published}: on the canonical-events topic, waiting for the ledger submitter; then
 *        {@code committed} (recorded by {@code transactionId}), {@code duplicate} (on the ledger already, recorded by
 *        {@code transactionId}) or {@code rejected} (by the chaincode; see the job's errors)
 * @param partition the canonical-events partition
 * @param offset the record's offset there
 * @param deadLetter the dead-letter entry this event was reprocessed from, if it was
 * @param transactionId the Fabric transaction that recorded the event
 * @param blockNumber the block of that transaction
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CapturedEvent(long eventIndex, String eventHashId, @JsonProperty("originalEventID") String originalEventId,
                            String status, Integer partition, Long offset, String deadLetter,
                            String transactionId, Long blockNumber) {

    public static final String PUBLISHED = "published";

    public CapturedEvent onLedger(String ledgerStatus, String transaction, Long block) {
        return new CapturedEvent(eventIndex, eventHashId, originalEventId, ledgerStatus, partition, offset, deadLetter,
                transaction, block);
    }
}
