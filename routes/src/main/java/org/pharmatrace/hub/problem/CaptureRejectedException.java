package org.pharmatrace.hub.problem;

import java.util.List;

/**
 * A capture refused as a whole: the problem the caller gets, and the pipeline stage that refused it, under which
 * the document is kept in the dead-letter queue.
 */
public class CaptureRejectedException extends RuntimeException {

    private final transient Problem problem;
    private final String stage;
    private final List<EventProblem> problems;

    public CaptureRejectedException(Problem problem, String stage, List<EventProblem> problems) {
        super(problem.getDetail());
        this.problem = problem;
        this.stage = stage;
        this.problems = List.copyOf(problems);
    }

    public Problem problem() {
        return problem;
    }

    public String stage() {
        return stage;
    }

    public List<EventProblem> problems() {
        return problems;
    }
}
