package org.pharmatrace.connectors.ipfs;

import java.io.IOException;
import org.pharmatrace.connectors.ipfs.cid.Cid;

/** Kubo named or served content under a CID other than the one the hub computed from the bytes itself. */
public final class CidMismatchException extends IOException {

  private final Cid computed;
  private final Cid reported;

  public CidMismatchException(String message, Cid computed, Cid reported) {
    super(message);
    this.computed = computed;
    this.reported = reported;
  }

  /** The CID the hub computed from the bytes. */
  public Cid computed() {
    return computed;
  }

  /** The CID Kubo reported for, or was asked for, the bytes. */
  public Cid reported() {
    return reported;
  }
}
