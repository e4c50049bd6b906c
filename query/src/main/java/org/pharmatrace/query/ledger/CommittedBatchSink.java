package org.pharmatrace.query.ledger;

import java.util.List;

/** Takes one committed ledger transaction at a time, in ledger order: what the index does with the feed. */
@FunctionalInterface
public interface CommittedBatchSink {

    /**
     * Indexes the events of one committed {@code recordEvents} transaction and records {@code position} as the new
     * checkpoint, in one database transaction. Returns once both are durable. A transaction delivered twice (a feed
     * resuming slightly before its checkpoint) is recognised by its transaction ID and skipped.
     *
     * @param position the position of this transaction: its block and transaction ID
     * @param events the events the chaincode recorded in it, in the order it recorded them (may be empty, e.g. when
     *        every event of the batch was a duplicate the chaincode skipped); all carry this transaction ID and block
     * @throws Exception when the index cannot take it; the feed must then stop delivering (and {@code follow} throw),
     *         and the indexer resumes from its checkpoint
     */
    void accept(LedgerPosition position, List<CommittedEvent> events) throws Exception;
}
