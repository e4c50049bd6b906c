package org.pharmatrace.hub.documents;

import java.io.IOException;
import java.io.InputStream;
import org.pharmatrace.connectors.ipfs.EncryptedBlobStore;
import org.pharmatrace.connectors.ipfs.StoredBlob;
import org.pharmatrace.connectors.ipfs.kubo.KuboHealth;

/** Originals on IPFS, encrypted, through the IPFS connector; the reference is the envelope's {@code ipfs://} CID. */
public final class IpfsDocumentStore implements OriginalDocumentStore {

    private final EncryptedBlobStore blobs;

    public IpfsDocumentStore(EncryptedBlobStore blobs) {
        this.blobs = blobs;
    }

    @Override
    public String store(InputStream content, String sha256, String mediaType) throws IOException {
        StoredBlob blob = blobs.put(content, mediaType);
        if (!blob.sha256().equalsIgnoreCase(sha256)) {
            throw new IOException("the IPFS store read other bytes than the hub received: SHA-256 " + blob.sha256()
                    + " instead of " + sha256);
        }
        return blob.uri().toString();
    }

    /** One pass: the connector encrypts while it reads and reports the plaintext's SHA-256 and size. */
    @Override
    public StoredContent store(InputStream content, String mediaType) throws IOException {
        StoredBlob blob = blobs.put(content, mediaType);
        return new StoredContent(blob.uri().toString(), blob.sha256(), blob.size());
    }

    @Override
    public InputStream open(String reference) throws IOException {
        return blobs.get(reference);
    }

    public KuboHealth health() {
        return blobs.health();
    }
}
