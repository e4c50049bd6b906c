package org.pharmatrace.mapping.hl7;

import org.pharmatrace.mapping.PartnerFormatException;

/**
 * A dispense message that cannot be mapped, with its place in the message kept in structured form for the ACK's ERR
 * segment. Messages never quote patient data (PID, NK1, PV1…), and no parser exception is attached as cause, since
 * their messages may quote any segment.
 */
public final class Hl7DispenseException extends PartnerFormatException {

    private static final long serialVersionUID = 1L;

    private final transient Hl7Location hl7Location;
    private final Hl7ErrorCode errorCode;

    public Hl7DispenseException(Hl7Location location, Hl7ErrorCode code, String message) {
        super(location == null ? "message" : location.toString(), code.name(), message);
        this.hl7Location = location;
        this.errorCode = code;
    }

    /** Where in the message, or null for problems of the message as a whole (encoding, size). */
    public Hl7Location hl7Location() {
        return hl7Location;
    }

    public Hl7ErrorCode errorCode() {
        return errorCode;
    }
}
