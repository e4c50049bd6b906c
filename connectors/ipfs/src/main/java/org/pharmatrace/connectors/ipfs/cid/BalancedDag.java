package org.pharmatrace.connectors.ipfs.cid;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds Kubo's balanced DAG bottom-up while the leaves stream in, keeping one pending node per level. Boxo builds
 * it top-down (fill a node of depth d, then grow a new root over it); both give the same tree: every node is filled
 * to {@code maxLinks} before the next one opens, and the last, partial nodes close upward at the end.
 */
final class BalancedDag {

  private final ImportProfile profile;
  /** levels.get(k): the children gathered for the open node whose children are at depth k from the leaves. */
  private final List<List<DagLink>> levels = new ArrayList<>();
  private final List<Cid> blocks = new ArrayList<>();

  BalancedDag(ImportProfile profile) {
    this.profile = profile;
  }

  void addLeaf(byte[] chunk, int length) {
    add(0, leaf(chunk, length));
  }

  /** The root: the only leaf of a one-chunk file, else the node that closes the top level. */
  DagLink finish() {
    if (levels.isEmpty()) {
      return leaf(null, 0);
    }
    for (int level = 0; ; level++) {
      List<DagLink> pending = levels.get(level);
      boolean top = level == levels.size() - 1;
      if (top && pending.size() == 1) {
        return pending.get(0);
      }
      if (!pending.isEmpty()) {
        DagLink node = node(List.copyOf(pending));
        pending.clear();
        // A lone partial node below the top is still wrapped: boxo's fillNodeRec opens a node per depth.
        add(level + 1, node);
      }
    }
  }

  /** Every block of the DAG, leaves and nodes, in the order they were made. */
  List<Cid> blocks() {
    return List.copyOf(blocks);
  }

  private void add(int level, DagLink link) {
    while (levels.size() <= level) {
      levels.add(new ArrayList<>(profile.maxLinks()));
    }
    List<DagLink> pending = levels.get(level);
    pending.add(link);
    if (pending.size() == profile.maxLinks()) {
      DagLink node = node(List.copyOf(pending));
      pending.clear();
      add(level + 1, node);
    }
  }

  private DagLink leaf(byte[] chunk, int length) {
    Cid cid;
    long blockSize;
    if (profile.rawLeaves()) {
      byte[] bytes = chunk == null ? new byte[0] : chunk;
      cid = Cid.ofBlock(profile.cidVersion(), Cid.RAW, bytes, 0, length);
      blockSize = length;
    } else {
      byte[] block = UnixFsBlocks.wrappedLeaf(chunk, 0, length);
      cid = Cid.ofBlock(profile.cidVersion(), Cid.DAG_PB, block);
      blockSize = block.length;
    }
    blocks.add(cid);
    return new DagLink(cid, blockSize, length);
  }

  private DagLink node(List<DagLink> children) {
    byte[] block = UnixFsBlocks.fileNode(children);
    Cid cid = Cid.ofBlock(profile.cidVersion(), Cid.DAG_PB, block);
    blocks.add(cid);
    long cumulative = block.length + children.stream().mapToLong(DagLink::cumulativeSize).sum();
    return new DagLink(cid, cumulative, children.stream().mapToLong(DagLink::fileSize).sum());
  }
}
