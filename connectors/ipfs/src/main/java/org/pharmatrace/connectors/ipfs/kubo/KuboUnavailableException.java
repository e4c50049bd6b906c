package org.pharmatrace.connectors.ipfs.kubo;

/** Kubo did not answer, or kept failing on its side, through every attempt the retry policy allowed. */
public final class KuboUnavailableException extends KuboException {

  public KuboUnavailableException(String operation, int attempts, Throwable lastFailure) {
    super(operation, "Kubo " + operation + " failed after " + attempts + " attempt" + (attempts == 1 ? "" : "s")
        + ": " + lastFailure.getMessage(), lastFailure);
  }
}
