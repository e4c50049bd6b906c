package org.pharmatrace.connectors.ipfs.cid;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/** A content identifier (CIDv0 or CIDv1 over a sha2-256 multihash), printed the way Kubo prints it. */
public final class Cid {

  /** Multicodec of a raw block: the bytes of a UnixFS raw leaf. */
  public static final long RAW = 0x55;
  /** Multicodec of a dag-pb block: a UnixFS node with links. */
  public static final long DAG_PB = 0x70;

  private static final int SHA2_256 = 0x12;
  private static final int SHA2_256_LENGTH = 32;

  private final int version;
  private final long codec;
  private final byte[] digest;

  private Cid(int version, long codec, byte[] digest) {
    if (version == 0 && codec != DAG_PB) {
      throw new IllegalArgumentException("a CIDv0 is always dag-pb");
    }
    this.version = version;
    this.codec = codec;
    this.digest = digest.clone();
  }

  /** The CID of a block: sha2-256 of its bytes. */
  public static Cid ofBlock(int version, long codec, byte[] block) {
    return ofBlock(version, codec, block, 0, block.length);
  }

  /** The CID of {@code length} bytes of a block starting at {@code offset}. */
  public static Cid ofBlock(int version, long codec, byte[] block, int offset, int length) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update(block, offset, length);
      return new Cid(version, codec, sha256.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** Parses a CID as Kubo prints it ("Qm..." or "b..."), or an {@code ipfs://} URI of one. */
  public static Cid parse(String text) {
    String cid = text.startsWith("ipfs://") ? text.substring("ipfs://".length()) : text;
    if (cid.length() == 46 && cid.startsWith("Qm")) {
      return fromMultihash(0, DAG_PB, Multibase.fromBase58(cid), text);
    }
    if (!cid.startsWith("b") || cid.length() < 2) {
      throw new IllegalArgumentException("not a CIDv0 (Qm...) nor a base32 CIDv1 (b...): " + text);
    }
    byte[] bytes = Multibase.fromBase32(cid.substring(1));
    int[] position = {0};
    long version = Varint.read(bytes, position);
    if (version != 1) {
      throw new IllegalArgumentException("unsupported CID version " + version + ": " + text);
    }
    long codec = Varint.read(bytes, position);
    return fromMultihash(1, codec, Arrays.copyOfRange(bytes, position[0], bytes.length), text);
  }

  private static Cid fromMultihash(int version, long codec, byte[] multihash, String text) {
    if (multihash.length != 2 + SHA2_256_LENGTH || multihash[0] != SHA2_256 || multihash[1] != SHA2_256_LENGTH) {
      throw new IllegalArgumentException("only sha2-256 multihashes are supported: " + text);
    }
    return new Cid(version, codec, Arrays.copyOfRange(multihash, 2, multihash.length));
  }

  public int version() {
    return version;
  }

  public long codec() {
    return codec;
  }

  /** The binary form dag-pb links carry. */
  public byte[] toBytes() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(4 + SHA2_256_LENGTH);
    if (version == 1) {
      Varint.write(out, 1);
      Varint.write(out, codec);
    }
    out.write(SHA2_256);
    out.write(SHA2_256_LENGTH);
    out.writeBytes(digest);
    return out.toByteArray();
  }

  public URI toUri() {
    return URI.create("ipfs://" + this);
  }

  @Override
  public String toString() {
    return version == 0 ? Multibase.base58(toBytes()) : "b" + Multibase.base32(toBytes());
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Cid that && version == that.version && codec == that.codec
        && Arrays.equals(digest, that.digest);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(digest);
  }
}
