package org.hyperledger.fabric.client;

/**
 * {@link CommitException}'s constructor is package-private (the client raises it from {@code submitTransaction});
 * this fixture lives in the client's package to build one as a peer's commit status would.
 */
public final class CommitExceptions {

  private CommitExceptions() {
  }

  public static CommitException of(Status status) {
    return new CommitException(status);
  }
}
