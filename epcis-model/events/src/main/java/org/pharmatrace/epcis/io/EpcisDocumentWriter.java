package org.pharmatrace.epcis.io;

import java.io.Closeable;
import org.pharmatrace.epcis.model.EpcisDocumentInfo;
import org.pharmatrace.epcis.model.EpcisEvent;

/**
 * Writes one EPCIS document event by event: {@link #start}, any number of {@link #write}, then {@link #close}, which
 * completes the document. Writers never hold more than one event.
 */
public interface EpcisDocumentWriter extends Closeable {

    void start(EpcisDocumentInfo document);

    void write(EpcisEvent event);

    /** Ends the document and flushes; does not close the underlying stream unless the writer opened it. */
    @Override
    void close();
}
