package org.pharmatrace.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens a command's FILE argument; "-" means standard input. */
final class Inputs {

    private Inputs() {
    }

    static InputStream open(String file) throws IOException {
        if ("-".equals(file)) {
            // the reader closes what it reads; standard input must stay open for the JVM
            return new FilterInputStream(System.in) {
                @Override
                public void close() {
                }
            };
        }
        return Files.newInputStream(Path.of(file));
    }
}
