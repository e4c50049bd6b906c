package org.pharmatrace.hub.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.pharmatrace.epcis.validation.ValidationError;

/**
 * One thing wrong with one event (or, with index -1, with the document): what a partner needs to fix it.
 *
 * @param eventIndex zero-based position of the event in its document, -1 for the document itself
 * @param eventId the eventID the partner gave the event, if any
 * @param field the field concerned, e.g. {@code bizStep} or {@code sourceList[0]}
 * @param message what is wrong
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventProblem(long eventIndex, @JsonProperty("eventID") String eventId, String field, String message) {

    public static EventProblem of(ValidationError error) {
        String message = error.line() > 0 ? error.message() + " (line " + error.line() + ")" : error.message();
        return new EventProblem(error.eventIndex(), error.eventId(), error.field(), message);
    }

    /** "event 3 (eventID x): bizStep: 'y' is not a CBV business step" */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        if (eventIndex >= 0) {
            s.append("event ").append(eventIndex);
            if (eventId != null) {
                s.append(" (eventID ").append(eventId).append(')');
            }
        } else {
            s.append("document");
        }
        s.append(": ");
        if (field != null) {
            s.append(field).append(": ");
        }
        return s.append(message).toString();
    }
}
