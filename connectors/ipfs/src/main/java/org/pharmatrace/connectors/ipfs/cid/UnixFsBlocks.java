package org.pharmatrace.connectors.ipfs.cid;

import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * Encodes the blocks of a UnixFS file exactly as Kubo (boxo) does, because one differing byte is a different CID:
 * dag-pb PBNode with Links (field 2) before Data (field 1); each PBLink with Hash, an empty Name and Tsize; UnixFS
 * Data with Type=File, Data only on wrapped leaves, filesize always, one blocksizes entry per link (not packed).
 */
final class UnixFsBlocks {

  private static final int WIRE_VARINT = 0;
  private static final int WIRE_BYTES = 2;
  private static final int UNIXFS_FILE = 2;

  private UnixFsBlocks() {
  }

  /** A dag-pb leaf wrapping file bytes ({@code data} null for the empty file, as boxo leaves the field unset). */
  static byte[] wrappedLeaf(byte[] data, int offset, int length) {
    ByteArrayOutputStream unixfs = new ByteArrayOutputStream(length + 16);
    field(unixfs, 1, WIRE_VARINT);
    Varint.write(unixfs, UNIXFS_FILE);
    if (data != null) {
      bytesField(unixfs, 2, data, offset, length);
    }
    field(unixfs, 3, WIRE_VARINT);
    Varint.write(unixfs, length);
    return node(List.of(), unixfs.toByteArray());
  }

  /** An inner file node over {@code links}. */
  static byte[] fileNode(List<DagLink> links) {
    ByteArrayOutputStream unixfs = new ByteArrayOutputStream(16 + links.size() * 5);
    field(unixfs, 1, WIRE_VARINT);
    Varint.write(unixfs, UNIXFS_FILE);
    field(unixfs, 3, WIRE_VARINT);
    Varint.write(unixfs, links.stream().mapToLong(DagLink::fileSize).sum());
    for (DagLink link : links) {
      field(unixfs, 4, WIRE_VARINT);
      Varint.write(unixfs, link.fileSize());
    }
    return node(links, unixfs.toByteArray());
  }

  private static byte[] node(List<DagLink> links, byte[] unixfsData) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(unixfsData.length + links.size() * 48 + 8);
    for (DagLink link : links) {
      ByteArrayOutputStream pbLink = new ByteArrayOutputStream(48);
      byte[] hash = link.cid().toBytes();
      bytesField(pbLink, 1, hash, 0, hash.length);
      bytesField(pbLink, 2, new byte[0], 0, 0);
      field(pbLink, 3, WIRE_VARINT);
      Varint.write(pbLink, link.cumulativeSize());
      byte[] encoded = pbLink.toByteArray();
      bytesField(out, 2, encoded, 0, encoded.length);
    }
    bytesField(out, 1, unixfsData, 0, unixfsData.length);
    return out.toByteArray();
  }

  private static void field(ByteArrayOutputStream out, int number, int wireType) {
    Varint.write(out, ((long) number << 3) | wireType);
  }

  private static void bytesField(ByteArrayOutputStream out, int number, byte[] bytes, int offset, int length) {
    field(out, number, WIRE_BYTES);
    Varint.write(out, length);
    out.write(bytes, offset, length);
  }
}
