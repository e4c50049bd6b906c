package org.pharmatrace.hub.ledger;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * What the ledger did with some events of one capture, as the compacted topic {@code hub.ledger-outcomes} keeps it
 * (key: {@link #key()}): committed by a transaction, found there already (recorded by an earlier transaction), or
 * rejected by the chaincode (then dead-lettered).
 *
 * @param eventIndexes the events' positions in their capture, as ranges ({@link EventIndexRanges})
 * @param transactionId the transaction that recorded the events; for a rejection, the refused one when known
 * @param blockNumber the block of {@code transactionId}; null for a rejection
 * @param code the contract's error code, for a rejection
 * @param deadLetter the DLQ entry of a rejected event
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LedgerOutcome(
        @JsonProperty("captureID") String captureId,
        String status,
        String eventIndexes,
        String organisation,
        String transactionId,
        Long blockNumber,
        String code,
        String reason,
        String deadLetter,
        Instant recordedAt,
        long version) {

    public static final String COMMITTED = "committed";
    public static final String DUPLICATE = "duplicate";
    public static final String REJECTED = "rejected";

    /** One record per capture and transaction (per event for rejections, which have no transaction of their own). */
    public String key() {
        return captureId + '/' + status + '/' + (REJECTED.equals(status) ? eventIndexes : transactionId);
    }

    /** Which of two outcomes for the same event stands: what is on the ledger beats a rejection (reprocessed). */
    static int precedence(String status) {
        return switch (status) {
            case COMMITTED -> 3;
            case DUPLICATE -> 2;
            default -> 1;
        };
    }
}
