package org.pharmatrace.chaincode.batch;

import java.util.List;

/** Reads the document a {@code recordEvents} transaction carries into its events, in document order. */
public interface EpcisBatchReader {

    /** @throws MalformedBatchException when the document cannot be read or holds no event */
    List<BatchEvent> read(String document);
}
