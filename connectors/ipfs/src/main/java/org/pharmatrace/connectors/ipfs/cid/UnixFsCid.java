package org.pharmatrace.connectors.ipfs.cid;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * Computes, from the bytes alone, the CID Kubo's {@code ipfs add} gives a file under an {@link ImportProfile}, so
 * the hub never has to trust the CID Kubo reports. Write the file's bytes, then {@link #finish()}; memory stays at
 * one chunk plus one pending node per DAG level, whatever the file size.
 */
public final class UnixFsCid extends OutputStream {

  private final BalancedDag dag;
  private final byte[] chunk;
  private int filled;
  private long size;
  private DagLink root;

  public UnixFsCid(ImportProfile profile) {
    this.dag = new BalancedDag(profile);
    this.chunk = new byte[profile.chunkSize()];
  }

  /** The CID of a whole stream under the hub's profile. */
  public static Cid of(InputStream file) throws IOException {
    return of(file, ImportProfile.HUB);
  }

  public static Cid of(InputStream file, ImportProfile profile) throws IOException {
    UnixFsCid cid = new UnixFsCid(profile);
    file.transferTo(cid);
    return cid.finish();
  }

  public static Cid of(byte[] file, ImportProfile profile) {
    UnixFsCid cid = new UnixFsCid(profile);
    cid.write(file, 0, file.length);
    return cid.finish();
  }

  @Override
  public void write(int b) {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] bytes, int offset, int length) {
    if (root != null) {
      throw new IllegalStateException("the CID is already computed");
    }
    int position = offset;
    int remaining = length;
    while (remaining > 0) {
      int taken = Math.min(remaining, chunk.length - filled);
      System.arraycopy(bytes, position, chunk, filled, taken);
      filled += taken;
      position += taken;
      remaining -= taken;
      // Like Kubo's size splitter: a chunk is cut only when full, or at the end of the file.
      if (filled == chunk.length) {
        dag.addLeaf(chunk, filled);
        filled = 0;
      }
    }
    size += length;
  }

  /** Ends the file and returns the CID of its root; later calls return the same CID. */
  public Cid finish() {
    if (root == null) {
      if (filled > 0) {
        dag.addLeaf(chunk, filled);
        filled = 0;
      }
      root = dag.finish();
    }
    return root.cid();
  }

  /** The number of file bytes written. */
  public long size() {
    return size;
  }

  /** The CIDs of every block of the DAG (leaves and nodes); call after {@link #finish()}. */
  public List<Cid> blocks() {
    return dag.blocks();
  }
}
