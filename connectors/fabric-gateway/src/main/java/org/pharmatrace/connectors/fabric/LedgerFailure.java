package org.pharmatrace.connectors.fabric;

/**
 * The batch could not be recorded for a reason that is not the batch's fault: the ledger stayed unreachable or
 * conflicted through every attempt, or the hub's connection is misconfigured (unknown channel, identity refused).
 * The pipeline keeps the batch (does not commit its Kafka offsets) and tries again later. Resubmitting is safe even
 * when the outcome is unknown: the contract answers {@code duplicate} for events it already holds.
 */
public final class LedgerFailure extends Exception {

  private final String organisation;
  private final String transactionId;
  private final int attempts;
  private final boolean transientCause;

  public LedgerFailure(String organisation, String message, String transactionId, int attempts,
                       boolean transientCause, Throwable cause) {
    super(organisation + ": " + message + (transactionId == null ? "" : " (last transaction " + transactionId + ")")
        + " after " + attempts + (attempts == 1 ? " attempt" : " attempts"), cause);
    this.organisation = organisation;
    this.transactionId = transactionId;
    this.attempts = attempts;
    this.transientCause = transientCause;
  }

  public String organisation() {
    return organisation;
  }

  /** The last transaction tried, whose outcome may be unknown; null when none got that far. */
  public String transactionId() {
    return transactionId;
  }

  public int attempts() {
    return attempts;
  }

  /** True when every attempt failed transiently (worth trying later), false when retrying cannot help as configured. */
  public boolean transientCause() {
    return transientCause;
  }
}
