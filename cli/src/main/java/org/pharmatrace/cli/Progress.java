package org.pharmatrace.cli;

import java.io.PrintStream;

/**
 * Progress of long work, on stderr and only for a person at a terminal, so that piped output stays clean.
 * Prints at most every two seconds.
 */
final class Progress {

    private final PrintStream err;
    private final String what;
    private final boolean enabled;
    private long lastPrint = System.nanoTime();

    Progress(PrintStream err, String what) {
        this.err = err;
        this.what = what;
        this.enabled = System.console() != null || Boolean.getBoolean("hub.progress");
    }

    void events(long count) {
        long now = System.nanoTime();
        if (enabled && now - lastPrint > 2_000_000_000L) {
            lastPrint = now;
            err.printf("%s: %,d events%n", what, count);
        }
    }
}
