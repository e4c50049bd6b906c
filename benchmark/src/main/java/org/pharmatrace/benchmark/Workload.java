package org.pharmatrace.benchmark;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** One thing the benchmark times: a full pass over a document. */
interface Workload {

    /** The buffer every workload reads through, so none is favoured by its I/O. */
    int READ_BUFFER = 64 * 1024;

    /** Short name used on the command line and in the table. */
    String name();

    /** What is measured, in a line. */
    String description();

    /** Processes the whole document once. */
    Outcome run(Path document) throws Exception;

    /**
     * What a pass produced.
     *
     * @param events events processed
     * @param checksum folds in every result, so the JIT cannot drop the work
     * @param note anything the reader of the results should know (bytes written, validation errors), or empty
     */
    record Outcome(long events, long checksum, String note) {
    }

    static InputStream open(Path document) throws IOException {
        return new BufferedInputStream(Files.newInputStream(document), READ_BUFFER);
    }
}
