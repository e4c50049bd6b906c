package org.pharmatrace.query.index;

/** Told by the indexer when the index changes: subscriptions deliver what is new. */
public interface IndexListener {

    /** New events were committed to the index; {@code maxId} is the highest index id now. */
    void eventsIndexed(long maxId);

    /** The index was emptied for a rebuild; ids of replayed events will differ from before. */
    default void indexRebuilt() {
    }
}
