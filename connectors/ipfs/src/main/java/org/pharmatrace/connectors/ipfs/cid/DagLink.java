package org.pharmatrace.connectors.ipfs.cid;

/** A child of a UnixFS file node: its CID, its cumulative block size (Tsize) and the file bytes under it. */
record DagLink(Cid cid, long cumulativeSize, long fileSize) {
}
