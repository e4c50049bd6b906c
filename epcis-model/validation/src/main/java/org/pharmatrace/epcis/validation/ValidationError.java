package org.pharmatrace.epcis.validation;

/**
 * One thing wrong with an EPCIS document, located as precisely as we can: the event (index and eventID), the field,
 * and the line in the source where the schema pass found it.
 *
 * @param eventIndex zero-based index of the event in document order, -1 for the document itself (header, envelope)
 * @param eventId the event's eventID when it has one, else {@code null}
 * @param field the field concerned (e.g. {@code bizStep}, {@code epcList[2]}), or {@code null}
 * @param message what is wrong, in words a sender can act on
 * @param line the source line, or -1 when unknown
 */
public record ValidationError(long eventIndex, String eventId, String field, String message, int line) {

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        if (line > 0) {
            s.append("line ").append(line).append(": ");
        }
        if (eventIndex >= 0) {
            s.append("event ").append(eventIndex);
            if (eventId != null) {
                s.append(" (eventID ").append(eventId).append(')');
            }
            s.append(": ");
        } else {
            s.append("document: ");
        }
        if (field != null) {
            s.append(field).append(": ");
        }
        return s.append(message).toString();
    }
}
