package org.pharmatrace.connectors.fabric;

import org.hyperledger.fabric.client.ChaincodeEvent;

/** Reading chaincode events stopped; the checkpoint is at the last event handled, so reading again resumes there. */
public final class LedgerEventReadException extends Exception {

  private final transient ChaincodeEvent event;

  public LedgerEventReadException(String message, ChaincodeEvent event, Throwable cause) {
    super(message, cause);
    this.event = event;
  }

  /** The event that could not be handled; null when the stream itself failed. */
  public ChaincodeEvent event() {
    return event;
  }
}
