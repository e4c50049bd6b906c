package org.pharmatrace.hub.documents;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where the hub keeps every original document it receives, before anything else happens to it, so that accepted
 * documents can be ingested again after a restart and dead letters can point at what was sent.
 */
public interface OriginalDocumentStore {

    /**
     * Stores the document and answers the reference it is known by from now on ({@code ipfs://<CID>} for IPFS).
     *
     * @param sha256 the hex SHA-256 of the content, which the caller has already computed
     */
    String store(byte[] content, String sha256, String mediaType) throws IOException;

    /** The document's content; fails if it is not (or no longer) there or does not verify. */
    InputStream open(String reference) throws IOException;
}
