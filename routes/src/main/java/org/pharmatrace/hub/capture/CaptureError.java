package org.pharmatrace.hub.capture;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.pharmatrace.hub.problem.EventProblem;
import org.pharmatrace.hub.problem.Problem;

/**
 * One error of a capture job, in the RFC 7807 shape the EPCIS REST binding asks for, located by event index and
 * field, with the dead-letter entry that keeps the rejected event.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "title", "status", "detail"})
public record CaptureError(String type, String title, int status, String detail, long eventIndex,
                           @JsonProperty("eventID") String eventId, String field, String stage, String deadLetter) {

    public static CaptureError of(EventProblem problem, String stage, String deadLetter) {
        boolean security = "authorisation".equals(stage);
        boolean invalid = security || "validation".equals(stage);
        return new CaptureError(
                security ? Problem.SECURITY : invalid ? Problem.VALIDATION : Problem.IMPLEMENTATION,
                security ? "Event not entitled" : invalid ? "Invalid event" : "Event could not be processed",
                security ? 403 : invalid ? 400 : 500,
                problem.toString(), problem.eventIndex(), problem.eventId(), problem.field(), stage, deadLetter);
    }
}
