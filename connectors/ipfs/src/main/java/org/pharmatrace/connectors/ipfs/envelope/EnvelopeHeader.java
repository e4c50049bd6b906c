package org.pharmatrace.connectors.ipfs.envelope;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The clear-text head of an envelope, everything needed to open it given access to the key-encryption key:
 *
 * <pre>
 * "PTBE" | version 1 | suite 1 (AES-256-GCM, segmented) | segment size u32
 *        | key id length u16, key id UTF-8 | wrap algorithm length u8, ASCII | wrapped key length u16, bytes
 *        | base nonce 12 bytes
 * </pre>
 *
 * All integers are big-endian. The encoded header is the associated data of every segment, so changing any
 * field of it (the key id included) makes the envelope fail to open.
 */
public record EnvelopeHeader(int segmentSize, WrappedKey wrappedKey, byte[] baseNonce) {

  static final byte[] MAGIC = {'P', 'T', 'B', 'E'};
  static final int VERSION = 1;
  static final int SUITE_AES_256_GCM_SEGMENTED = 1;
  static final int NONCE_LENGTH = 12;
  static final int MIN_SEGMENT_SIZE = 1;
  // Bounded so a forged header cannot make the reader allocate without limit.
  static final int MAX_SEGMENT_SIZE = 16 << 20;
  private static final int MAX_WRAPPED_KEY_LENGTH = 8192;

  public EnvelopeHeader {
    if (segmentSize < MIN_SEGMENT_SIZE || segmentSize > MAX_SEGMENT_SIZE) {
      throw new IllegalArgumentException("segment size must be 1 B..16 MiB, not " + segmentSize);
    }
    if (baseNonce.length != NONCE_LENGTH) {
      throw new IllegalArgumentException("the nonce has 96 bits");
    }
    baseNonce = baseNonce.clone();
  }

  @Override
  public byte[] baseNonce() {
    return baseNonce.clone();
  }

  byte[] encode() {
    byte[] keyId = wrappedKey.keyId().getBytes(StandardCharsets.UTF_8);
    byte[] algorithm = wrappedKey.algorithm().getBytes(StandardCharsets.US_ASCII);
    byte[] wrapped = wrappedKey.bytes();
    if (keyId.length > 0xffff || algorithm.length > 0xff || wrapped.length > MAX_WRAPPED_KEY_LENGTH) {
      throw new IllegalArgumentException("key id, wrap algorithm or wrapped key too long for the envelope");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 + keyId.length + wrapped.length);
    out.writeBytes(MAGIC);
    out.write(VERSION);
    out.write(SUITE_AES_256_GCM_SEGMENTED);
    out.writeBytes(ByteBuffer.allocate(4).putInt(segmentSize).array());
    out.writeBytes(ByteBuffer.allocate(2).putShort((short) keyId.length).array());
    out.writeBytes(keyId);
    out.write(algorithm.length);
    out.writeBytes(algorithm);
    out.writeBytes(ByteBuffer.allocate(2).putShort((short) wrapped.length).array());
    out.writeBytes(wrapped);
    out.writeBytes(baseNonce);
    return out.toByteArray();
  }

  /** Reads a header from the start of an envelope; the stream is left at the first segment. */
  static EnvelopeHeader read(InputStream envelope) throws IOException {
    DataInputStream in = new DataInputStream(envelope);
    try {
      byte[] magic = in.readNBytes(MAGIC.length);
      if (!Arrays.equals(magic, MAGIC)) {
        throw new EnvelopeException("not a hub blob envelope (magic is not \"PTBE\")");
      }
      int version = in.readUnsignedByte();
      if (version != VERSION) {
        throw new EnvelopeException("envelope version " + version + " is not supported (this reader knows 1)");
      }
      int suite = in.readUnsignedByte();
      if (suite != SUITE_AES_256_GCM_SEGMENTED) {
        throw new EnvelopeException("envelope cipher suite " + suite + " is not supported (this reader knows 1)");
      }
      int segmentSize = in.readInt();
      if (segmentSize < MIN_SEGMENT_SIZE || segmentSize > MAX_SEGMENT_SIZE) {
        throw new EnvelopeException("envelope segment size " + segmentSize + " is out of range");
      }
      String keyId = new String(in.readNBytes(in.readUnsignedShort()), StandardCharsets.UTF_8);
      String algorithm = new String(in.readNBytes(in.readUnsignedByte()), StandardCharsets.US_ASCII);
      int wrappedLength = in.readUnsignedShort();
      if (wrappedLength > MAX_WRAPPED_KEY_LENGTH) {
        throw new EnvelopeException("envelope wrapped key of " + wrappedLength + " bytes is out of range");
      }
      byte[] wrapped = in.readNBytes(wrappedLength);
      byte[] nonce = in.readNBytes(NONCE_LENGTH);
      if (wrapped.length != wrappedLength || nonce.length != NONCE_LENGTH) {
        throw new EOFException();
      }
      return new EnvelopeHeader(segmentSize, new WrappedKey(keyId, algorithm, wrapped), nonce);
    } catch (EOFException e) {
      throw new EnvelopeException("envelope truncated inside its header", e);
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof EnvelopeHeader that && segmentSize == that.segmentSize
        && wrappedKey.equals(that.wrappedKey) && Arrays.equals(baseNonce, that.baseNonce);
  }

  @Override
  public int hashCode() {
    return 31 * wrappedKey.hashCode() + Arrays.hashCode(baseNonce);
  }

  @Override
  public String toString() {
    return "EnvelopeHeader[segmentSize=" + segmentSize + ", " + wrappedKey + "]";
  }
}
