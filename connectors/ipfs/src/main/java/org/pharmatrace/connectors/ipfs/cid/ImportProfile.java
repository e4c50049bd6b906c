package org.pharmatrace.connectors.ipfs.cid;

/**
 * The parameters of {@code ipfs add} that decide a file's CID: CID version, raw or wrapped leaves, fixed chunk
 * size and the widest node of the balanced DAG. The hub adds and recomputes with {@link #HUB}.
 */
public record ImportProfile(int cidVersion, boolean rawLeaves, int chunkSize, int maxLinks) {

  /** What the hub asks Kubo for: CIDv1, raw leaves, 1 MiB chunks, 174 links per node (Kubo's default width). */
  public static final ImportProfile HUB = new ImportProfile(1, true, 1 << 20, 174);
  /** IPIP-499's "unixfs-v1-2025": as {@link #HUB} but 1024 links per node. */
  public static final ImportProfile UNIXFS_V1_2025 = new ImportProfile(1, true, 1 << 20, 1024);
  /** IPIP-499's "unixfs-v0-2015", Kubo's historical default: CIDv0, dag-pb leaves, 256 KiB chunks. */
  public static final ImportProfile UNIXFS_V0_2015 = new ImportProfile(0, false, 256 << 10, 174);

  public ImportProfile {
    if (cidVersion != 0 && cidVersion != 1) {
      throw new IllegalArgumentException("CID version must be 0 or 1");
    }
    if (cidVersion == 0 && rawLeaves) {
      throw new IllegalArgumentException("raw leaves need CIDv1");
    }
    // Kubo refuses blocks over 1 MiB, and a chunk becomes one block.
    if (chunkSize < 1 || chunkSize > 1 << 20) {
      throw new IllegalArgumentException("chunk size must be 1 B..1 MiB");
    }
    if (maxLinks < 2) {
      throw new IllegalArgumentException("a DAG node needs room for at least 2 links");
    }
  }

  /** Kubo's name for the chunker: {@code size-<bytes>}. */
  public String chunker() {
    return "size-" + chunkSize;
  }
}
