package org.pharmatrace.epcis.io;

/**
 * An EPCIS document that cannot be read or written: malformed syntax, an unknown element, a hostile construct.
 * The message says what is wrong and where (line and column, or the event index and field).
 */
public class EpcisFormatException extends RuntimeException {

    private final long eventIndex;
    private final String field;

    public EpcisFormatException(String message) {
        this(message, -1, null, null);
    }

    public EpcisFormatException(String message, Throwable cause) {
        this(message, -1, null, cause);
    }

    public EpcisFormatException(String message, long eventIndex, String field, Throwable cause) {
        super(message, cause);
        this.eventIndex = eventIndex;
        this.field = field;
    }

    /** Zero-based index of the event being read when it failed, -1 when outside any event. */
    public long eventIndex() {
        return eventIndex;
    }

    /** The field (element or JSON member) concerned, or {@code null}. */
    public String field() {
        return field;
    }
}
