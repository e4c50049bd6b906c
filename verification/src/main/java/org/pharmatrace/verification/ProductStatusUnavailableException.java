package org.pharmatrace.verification;

/** The pack's status cannot be told now: the ledger is unreachable, or the hub is not connected to it; answered 503. */
public class ProductStatusUnavailableException extends RuntimeException {

    private final boolean transientCause;

    /** @param transientCause true when asking again shortly may succeed (a Retry-After is sent) */
    public ProductStatusUnavailableException(String message, boolean transientCause, Throwable cause) {
        super(message, cause);
        this.transientCause = transientCause;
    }

    public boolean transientCause() {
        return transientCause;
    }
}
