package org.pharmatrace.hub.documents;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Where the hub keeps every original document it receives, before anything else happens to it, so that accepted
 * documents can be ingested again after a restart and dead letters can point at what was sent.
 */
public interface OriginalDocumentStore {

    /**
     * Stores the document as it is read from the stream, never holding all of it in memory, and answers the reference
     * it is known by from now on ({@code ipfs://<CID>} for IPFS). Fails, storing nothing under that reference, when
     * what was read does not have the SHA-256 given.
     *
     * @param content read to its end; the caller closes it
     * @param sha256 the hex SHA-256 of the content, which the caller has already computed
     */
    String store(InputStream content, String sha256, String mediaType) throws IOException;

    /**
     * Stores content whose SHA-256 nobody knows yet (an upload streamed straight from its sender), computing it while
     * the content is stored, in one pass and never holding all of it in memory.
     *
     * @param content read to its end; the caller closes it. A failure while reading it stores nothing.
     */
    StoredContent store(InputStream content, String mediaType) throws IOException;

    /** What {@link #store(InputStream, String)} stored: its reference, and the SHA-256 and size of what was read. */
    record StoredContent(String reference, String sha256, long size) {
    }

    /** The same, for a document the hub holds in memory anyway (an HTTP body, an HL7 message). */
    default String store(byte[] content, String sha256, String mediaType) throws IOException {
        return store(new ByteArrayInputStream(content), sha256, mediaType);
    }

    /** The document's content; fails if it is not (or no longer) there or does not verify. */
    InputStream open(String reference) throws IOException;
}
