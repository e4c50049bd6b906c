package org.pharmatrace.hub.deadletter;

import java.util.List;
import org.pharmatrace.hub.problem.EventProblem;

/**
 * A {@link DeadLetterReprocessor}'s answer that the payload is still refused as a whole: the entry stays open with
 * this stage, reason and problems, and one more attempt.
 */
public class ReprocessingRefusedException extends RuntimeException {

    private final String stage;
    private final List<EventProblem> problems;

    /**
     * @param stage {@link Stage#VALIDATION}, {@link Stage#AUTHORISATION}, {@link Stage#RECEIVE} ...
     * @param reason the entry's new reason, in the words the channel used when it refused it first
     */
    public ReprocessingRefusedException(String stage, String reason, List<EventProblem> problems) {
        super(reason);
        this.stage = stage;
        this.problems = List.copyOf(problems);
    }

    public String stage() {
        return stage;
    }

    public List<EventProblem> problems() {
        return problems;
    }
}
