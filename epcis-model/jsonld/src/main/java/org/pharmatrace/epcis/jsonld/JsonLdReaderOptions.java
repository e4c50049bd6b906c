package org.pharmatrace.epcis.jsonld;

/**
 * How {@link EpcisJsonLdReader} treats hostile or sloppy input. The limits keep a document from exhausting the hub:
 * how deep values may nest, how long one string may be, how many values one event (or envelope member) may hold,
 * and how many events the reader may hold back when a document puts its {@code @context} after its events.
 *
 * @param rejectDuplicateMembers whether an object naming a member twice is an error; when {@code false} the last
 *        one wins, as with JSON-LD processors and JavaScript (one of the standard's own examples repeats eventID)
 */
public record JsonLdReaderOptions(int maxNestingDepth, int maxStringLength, long maxValuesPerEvent,
                                  int maxDeferredEvents, boolean rejectDuplicateMembers) {

    /** Generous for real EPCIS events (a few levels deep, short strings), tight for attacks. */
    public static final JsonLdReaderOptions DEFAULTS = new JsonLdReaderOptions(64, 1_000_000, 1_000_000, 10_000,
            false);

    public JsonLdReaderOptions {
        if (maxNestingDepth < 8 || maxStringLength < 1024 || maxValuesPerEvent < 100 || maxDeferredEvents < 0) {
            throw new IllegalArgumentException("limits too small to read EPCIS: depth " + maxNestingDepth
                    + ", string length " + maxStringLength + ", values per event " + maxValuesPerEvent
                    + ", deferred events " + maxDeferredEvents);
        }
    }

    public JsonLdReaderOptions withRejectDuplicateMembers(boolean reject) {
        return new JsonLdReaderOptions(maxNestingDepth, maxStringLength, maxValuesPerEvent, maxDeferredEvents, reject);
    }
}
