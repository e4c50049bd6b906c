package org.pharmatrace.connectors.ipfs.envelope;

import java.io.IOException;

/** An envelope that cannot be opened: malformed, truncated, tampered with, or sealed under another key. */
public final class EnvelopeException extends IOException {

  public EnvelopeException(String message) {
    super(message);
  }

  public EnvelopeException(String message, Throwable cause) {
    super(message, cause);
  }
}
