package org.pharmatrace.connectors.ipfs;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.pharmatrace.connectors.ipfs.cid.Cid;
import org.pharmatrace.connectors.ipfs.cid.ImportProfile;
import org.pharmatrace.connectors.ipfs.cid.UnixFsCid;
import org.pharmatrace.connectors.ipfs.envelope.BlobEncryptor;
import org.pharmatrace.connectors.ipfs.envelope.SealedBlob;
import org.pharmatrace.connectors.ipfs.kubo.KuboClient;
import org.pharmatrace.connectors.ipfs.kubo.KuboHealth;

/**
 * The pipeline's attachment store: blobs go to IPFS encrypted, under a CID the hub computed itself, pinned; and come
 * back decrypted only if Kubo served exactly the bytes that CID names. Thread-safe.
 */
public final class EncryptedBlobStore {

  private final KuboClient kubo;
  private final BlobEncryptor encryptor;
  private final Path spoolDirectory;
  private final ImportProfile profile = ImportProfile.HUB;

  /**
   * @param spoolDirectory where envelopes wait while they are uploaded: only ciphertext is written there, and a
   *                       file on disk is what lets an upload be retried without holding the blob in memory
   */
  public EncryptedBlobStore(KuboClient kubo, BlobEncryptor encryptor, Path spoolDirectory) {
    this.kubo = kubo;
    this.encryptor = encryptor;
    this.spoolDirectory = spoolDirectory;
  }

  /**
   * Encrypts the plaintext, computes the envelope's CID, adds the envelope to Kubo, refuses Kubo's CID unless it is
   * the same, then pins it. The media type is returned, not stored: the envelope's header is readable by anyone.
   */
  public StoredBlob put(InputStream plaintext, String mediaType) throws IOException {
    Objects.requireNonNull(mediaType, "mediaType");
    Files.createDirectories(spoolDirectory);
    Path envelope = Files.createTempFile(spoolDirectory, "blob-", ".envelope");
    try {
      UnixFsCid localCid = new UnixFsCid(profile);
      SealedBlob sealed;
      try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(envelope), 1 << 16);
           OutputStream both = new Tee(file, localCid)) {
        sealed = encryptor.encrypt(plaintext, both);
      }
      Cid computed = localCid.finish();
      Cid reported = kubo.add(envelope, profile);
      if (!reported.equals(computed)) {
        // Not pinned: what Kubo made of the bytes is not what the hub will record, so Kubo may collect it.
        throw new CidMismatchException("Kubo added the envelope as " + reported + " but the hub computes "
            + computed + " from its bytes; refusing Kubo's CID", computed, reported);
      }
      kubo.pin(computed);
      return new StoredBlob(computed, sealed.plaintextSize(), sealed.plaintextSha256(), mediaType, sealed.keyId(),
          sealed.envelopeSize());
    } finally {
      Files.deleteIfExists(envelope);
    }
  }

  /**
   * The plaintext of a stored blob, decrypted as it streams. Reading fails, at the latest when the end is reached,
   * if Kubo's bytes do not hash to the CID or do not authenticate under the blob's key.
   */
  public InputStream get(String cid) throws IOException {
    Cid wanted = Cid.parse(cid);
    return encryptor.decrypt(new CidVerifyingStream(kubo.cat(wanted), wanted, profile));
  }

  public KuboHealth health() {
    return kubo.health();
  }

  /** Writes each byte to the spool file and to the CID computation, in one pass over the ciphertext. */
  private static final class Tee extends OutputStream {

    private final OutputStream file;
    private final UnixFsCid cid;

    Tee(OutputStream file, UnixFsCid cid) {
      this.file = file;
      this.cid = cid;
    }

    @Override
    public void write(int b) throws IOException {
      file.write(b);
      cid.write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      file.write(bytes, offset, length);
      cid.write(bytes, offset, length);
    }

    @Override
    public void close() throws IOException {
      file.close();
    }
  }
}
