package org.pharmatrace.mapping;

/**
 * A partner document that cannot be mapped. Says where (segment and position, or line) and what is wrong, in words
 * the partner can act on; acknowledgements (X12 997/999, EDIFACT CONTRL, HL7 ACK) are built from it.
 */
public class PartnerFormatException extends RuntimeException {

    private final String location;
    private final String code;

    /**
     * @param location where in the document: e.g. "segment 14 (LIN)", "line 7", "RXD-2"
     * @param code a short machine-readable reason, e.g. "UNKNOWN_NDC", "BAD_CHECK_DIGIT", "MISSING_LOT"
     */
    public PartnerFormatException(String location, String code, String message) {
        this(location, code, message, null);
    }

    public PartnerFormatException(String location, String code, String message, Throwable cause) {
        super(location == null ? message : location + ": " + message, cause);
        this.location = location;
        this.code = code;
    }

    public String location() {
        return location;
    }

    public String code() {
        return code;
    }
}
