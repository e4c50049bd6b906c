package org.pharmatrace.connectors.ipfs;

import java.net.URI;
import org.pharmatrace.connectors.ipfs.cid.Cid;

/**
 * An attachment as the pipeline records it: where it lives ({@code ipfs://} CID of its encrypted envelope), what it
 * was (plaintext size, SHA-256 and media type) and which key-encryption key can open it.
 */
public record StoredBlob(Cid cid, long size, String sha256, String mediaType, String keyId, long storedSize) {

  public URI uri() {
    return cid.toUri();
  }
}
