package org.pharmatrace.connectors.ipfs.kubo;

import java.io.IOException;

/** A Kubo RPC call that failed: names the operation, and Kubo's own message when Kubo answered. */
public class KuboException extends IOException {

  private final String operation;
  private final int httpStatus;
  private final String kuboMessage;

  public KuboException(String operation, int httpStatus, String kuboMessage) {
    super("Kubo " + operation + " failed: HTTP " + httpStatus + ": " + kuboMessage);
    this.operation = operation;
    this.httpStatus = httpStatus;
    this.kuboMessage = kuboMessage;
  }

  protected KuboException(String operation, String message, Throwable cause) {
    super(message, cause);
    this.operation = operation;
    this.httpStatus = 0;
    this.kuboMessage = null;
  }

  public String operation() {
    return operation;
  }

  /** The HTTP status Kubo answered with, 0 when it did not answer. */
  public int httpStatus() {
    return httpStatus;
  }

  /** Kubo's error message, null when it did not answer. */
  public String kuboMessage() {
    return kuboMessage;
  }

  /** Whether trying again may succeed: Kubo unreachable or failing on its side. */
  boolean isTransient() {
    return httpStatus >= 500;
  }
}
