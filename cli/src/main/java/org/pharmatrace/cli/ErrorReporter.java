package org.pharmatrace.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import org.pharmatrace.epcis.io.EpcisFormatException;
import org.pharmatrace.mapping.PartnerFormatException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Turns failures into one clear line on stderr and a non-zero exit code, instead of a stack trace. */
final class ErrorReporter implements IExecutionExceptionHandler {

    static final int EXIT_INVALID_INPUT = 1;
    static final int EXIT_IO_ERROR = 3;

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, ParseResult parseResult) {
        cli.getErr().println("hub: " + describe(e));
        if (Boolean.getBoolean("hub.debug")) {
            e.printStackTrace(cli.getErr());
        }
        return isInvalidInput(e) ? EXIT_INVALID_INPUT : EXIT_IO_ERROR;
    }

    /** Input the user can fix (a malformed document or partner file), as opposed to the machine failing us. */
    static boolean isInvalidInput(Exception e) {
        return e instanceof EpcisFormatException || e instanceof PartnerFormatException
                || e instanceof IllegalArgumentException;
    }

    static String describe(Throwable e) {
        if (e instanceof UncheckedIOException u) {
            e = u.getCause();
        }
        if (e instanceof NoSuchFileException n) {
            return n.getFile() + ": no such file";
        }
        if (e instanceof IOException && e.getMessage() != null) {
            return e.getMessage();
        }
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }
}
