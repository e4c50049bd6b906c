package org.pharmatrace.connectors.ipfs.cid;

import java.io.ByteArrayOutputStream;

/** Unsigned LEB128 varints, shared by multiformats (CID prefixes) and protobuf (dag-pb, UnixFS). */
final class Varint {

  private Varint() {
  }

  static void write(ByteArrayOutputStream out, long value) {
    long rest = value;
    while ((rest & ~0x7fL) != 0) {
      out.write((int) ((rest & 0x7f) | 0x80));
      rest >>>= 7;
    }
    out.write((int) rest);
  }

  /** Reads the varint at {@code position[0]} and advances it past the varint. */
  static long read(byte[] bytes, int[] position) {
    long value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (position[0] >= bytes.length) {
        throw new IllegalArgumentException("truncated varint");
      }
      int b = bytes[position[0]++] & 0xff;
      value |= (long) (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        return value;
      }
    }
    throw new IllegalArgumentException("varint longer than 64 bits");
  }
}
