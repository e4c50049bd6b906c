package org.pharmatrace.gs1;

/** A GS1 identifier, EPC URN, Digital Link, element string or NDC that is malformed; the message names the input and the fault. */
public final class Gs1IdentifierException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String input;
    private final String problem;

    /**
     * @param subject what was being read, e.g. "SGTIN urn:epc:id:sgtin:0614141.107346.2017"
     * @param input   the offending input as given (kept for callers that report it separately)
     * @param problem what is wrong with it
     */
    public Gs1IdentifierException(String subject, String input, String problem) {
        super(subject + ": " + problem);
        this.input = input;
        this.problem = problem;
    }

    /** Convenience for when the subject is just the input itself. */
    public Gs1IdentifierException(String input, String problem) {
        this(String.valueOf(input), input, problem);
    }

    /** The input that was rejected. */
    public String input() {
        return input;
    }

    /** What is wrong with the input, without the input itself. */
    public String problem() {
        return problem;
    }
}
