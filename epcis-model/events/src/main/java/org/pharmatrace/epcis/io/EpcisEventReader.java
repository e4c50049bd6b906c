package org.pharmatrace.epcis.io;

import java.io.Closeable;
import java.util.Iterator;
import org.pharmatrace.epcis.model.EpcisDocumentInfo;
import org.pharmatrace.epcis.model.EpcisEvent;

/**
 * Pulls the events of one EPCIS document one at a time, so a document of any size is read in bounded memory.
 * {@link #document()} is available as soon as the reader is open (header, master data, namespaces). Reading errors
 * surface from {@link #hasNext()}/{@link #next()} as {@link EpcisFormatException}.
 */
public interface EpcisEventReader extends Iterator<EpcisEvent>, Closeable {

    /** The document's envelope: everything read before the first event. */
    EpcisDocumentInfo document();

    /** The syntax being read. */
    EpcisFormat format();

    /** Zero-based index of the event last returned by {@link #next()}, -1 before the first. */
    long eventIndex();

    @Override
    void close();
}
