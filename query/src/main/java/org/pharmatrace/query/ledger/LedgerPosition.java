package org.pharmatrace.query.ledger;

/**
 * How far the index has read the ledger: the last transaction whose events are all in the index. Kept in PostgreSQL
 * in the same database transaction as the rows of that ledger transaction, so that the index never holds a
 * transaction without its checkpoint, nor the reverse.
 *
 * <p>The shape follows Fabric's own checkpoints: a feed resuming after {@code (block, txId)} starts in that block,
 * skips the transactions up to and including {@code txId}, and goes on from there.
 *
 * @param blockNumber the block of the last indexed transaction; -1 before anything was indexed
 * @param transactionId the last indexed transaction in that block; {@code null} for {@link #START}
 */
public record LedgerPosition(long blockNumber, String transactionId) {

    /** Nothing indexed yet: the feed replays the ledger from block 0. */
    public static final LedgerPosition START = new LedgerPosition(-1, null);

    public boolean isStart() {
        return blockNumber < 0;
    }

    @Override
    public String toString() {
        return isStart() ? "start of the ledger" : "block " + blockNumber + " transaction " + transactionId;
    }
}
