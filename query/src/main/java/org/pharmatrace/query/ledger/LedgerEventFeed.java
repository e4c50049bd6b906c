package org.pharmatrace.query.ledger;

/**
 * The committed events of the ledger, in ledger order: the index's only source. The Fabric implementation reads the
 * traceability chaincode's events (and fills gaps with its {@code getEvents} query); tests use one in memory.
 *
 * <p>The indexer calls {@link #follow} from one thread of its own and calls it again (from its latest checkpoint)
 * whenever it returns or throws. {@link #close} is called from another thread to stop following: on index rebuild
 * and on shutdown.
 */
public interface LedgerEventFeed extends AutoCloseable {

    /**
     * Delivers every committed transaction after {@code after} to {@code sink}, one at a time and in ledger order,
     * then keeps waiting for new ones. Blocks until {@link #close} is called (then returns normally, and a later
     * {@code follow} starts afresh) or until delivery fails (the sink's exception, or the ledger's, is thrown).
     *
     * @param after the last transaction already indexed; {@link LedgerPosition#START} replays the ledger from block 0
     */
    void follow(LedgerPosition after, CommittedBatchSink sink) throws Exception;

    /** Ends a {@link #follow} in progress, from any thread. Following again afterwards must be possible. */
    @Override
    void close();
}
