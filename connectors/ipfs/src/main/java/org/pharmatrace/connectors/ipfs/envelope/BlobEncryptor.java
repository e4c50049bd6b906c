package org.pharmatrace.connectors.ipfs.envelope;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;

/**
 * Envelope encryption of attachments: each blob gets a fresh AES-256 data key and a random 96-bit nonce, is sealed
 * in AES-GCM segments (so blobs of any size stream through in constant memory), and carries its data key wrapped by
 * the {@link KeyWrapper}. See {@link EnvelopeHeader} for the format.
 */
public final class BlobEncryptor {

  /** Plaintext bytes per segment: 16 bytes of tag per 64 KiB is 0.02 % overhead. */
  public static final int DEFAULT_SEGMENT_SIZE = 64 << 10;

  private final KeyWrapper keyWrapper;
  private final int segmentSize;
  private final SecureRandom random;

  public BlobEncryptor(KeyWrapper keyWrapper) {
    this(keyWrapper, DEFAULT_SEGMENT_SIZE, new SecureRandom());
  }

  public BlobEncryptor(KeyWrapper keyWrapper, int segmentSize, SecureRandom random) {
    this.keyWrapper = keyWrapper;
    this.segmentSize = segmentSize;
    this.random = random;
  }

  /** Seals the whole plaintext stream into {@code envelope}; neither stream is closed. */
  public SealedBlob encrypt(InputStream plaintext, OutputStream envelope) throws IOException {
    try {
      KeyGenerator generator = KeyGenerator.getInstance("AES");
      generator.init(256, random);
      SecretKey dataKey = generator.generateKey();
      byte[] nonce = new byte[EnvelopeHeader.NONCE_LENGTH];
      random.nextBytes(nonce);
      EnvelopeHeader header = new EnvelopeHeader(segmentSize, keyWrapper.wrap(dataKey), nonce);
      byte[] encodedHeader = header.encode();
      envelope.write(encodedHeader);
      long envelopeSize = encodedHeader.length;

      SegmentCipher cipher = new SegmentCipher(dataKey, encodedHeader, nonce);
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      long plaintextSize = 0;
      byte[] current = plaintext.readNBytes(segmentSize);
      for (long index = 0; ; index++) {
        // The last segment is flagged, so a segment is held back until we know whether more follow.
        byte[] next = current.length == segmentSize ? plaintext.readNBytes(segmentSize) : new byte[0];
        boolean last = next.length == 0;
        sha256.update(current);
        byte[] sealed = cipher.seal(index, last, current, current.length);
        envelope.write(sealed);
        plaintextSize += current.length;
        envelopeSize += sealed.length;
        if (last) {
          break;
        }
        current = next;
      }
      return new SealedBlob(header.wrappedKey().keyId(), plaintextSize, HexFormat.of().formatHex(sha256.digest()),
          envelopeSize);
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot seal the blob: " + e.getMessage(), e);
    }
  }

  /**
   * Opens an envelope: reads its header and unwraps its data key now, then decrypts segment by segment as the
   * returned stream is read. A tampered segment fails the read that reaches it, before its bytes are returned.
   */
  public InputStream decrypt(InputStream envelope) throws IOException {
    EnvelopeHeader header = EnvelopeHeader.read(envelope);
    SecretKey dataKey;
    try {
      dataKey = keyWrapper.unwrap(header.wrappedKey());
    } catch (GeneralSecurityException e) {
      throw new EnvelopeException("cannot unwrap the blob's data key: " + e.getMessage(), e);
    }
    try {
      return new DecryptingStream(envelope, header.segmentSize(),
          new SegmentCipher(dataKey, header.encode(), header.baseNonce()));
    } catch (GeneralSecurityException e) {
      throw new EnvelopeException("cannot open the blob: " + e.getMessage(), e);
    }
  }

  /** Reads the header of an envelope without opening it, e.g. to learn which key it needs. */
  public static EnvelopeHeader readHeader(InputStream envelope) throws IOException {
    return EnvelopeHeader.read(envelope);
  }
}
