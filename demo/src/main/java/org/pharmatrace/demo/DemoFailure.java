package org.pharmatrace.demo;

/** A step of the demo that did not go through: which step, over which channel, and what the hub answered. */
final class DemoFailure extends Exception {

    private final String step;
    private final String answer;

    DemoFailure(String step, String message, String answer) {
        super(message);
        this.step = step;
        this.answer = answer;
    }

    DemoFailure(String step, String message, Throwable cause) {
        super(message + ": " + describe(cause), cause);
        this.step = step;
        this.answer = null;
    }

    String step() {
        return step;
    }

    /** The hub's answer (problem, MDN, ACK, reason file) when there was one. */
    String answer() {
        return answer;
    }

    static String describe(Throwable t) {
        StringBuilder s = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (!s.isEmpty()) {
                s.append(" <- ");
            }
            s.append(c.getClass().getSimpleName());
            if (c.getMessage() != null) {
                s.append(": ").append(c.getMessage());
            }
        }
        return s.toString();
    }
}
