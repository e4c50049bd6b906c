package org.pharmatrace.chaincode.batch;

/** The submitted batch is not an EPCIS document the contract can read. */
public class MalformedBatchException extends RuntimeException {
    public MalformedBatchException(String message) {
        super(message);
    }

    public MalformedBatchException(String message, Throwable cause) {
        super(message, cause);
    }
}
