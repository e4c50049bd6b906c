package org.pharmatrace.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.pharmatrace.epcis.validation.EpcisValidator;
import org.pharmatrace.epcis.validation.ValidationError;
import org.pharmatrace.epcis.validation.ValidationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code hub epcis validate FILE...}: schema and EPCIS/CBV rule checks; exit code 1 when any file is invalid. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Validate EPCIS documents: the official XSD or JSON Schema, then the rules the schemas miss",
                "(CBV vocabulary, actions per event type, time zone offsets, GS1 check digits).",
                "Exit code 0 when every file is valid, 1 otherwise; errors go to stderr."})
final class ValidateCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "EPCIS documents (XML 1.2/2.0 or JSON-LD)")
    List<Path> files;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        EpcisValidator validator = new EpcisValidator();
        boolean allValid = true;
        for (Path file : files) {
            ValidationReport report = validator.validate(file);
            if (report.isValid()) {
                spec.commandLine().getOut().printf("%s: valid %s, %d events%n", file, report.formatName(), report.eventCount());
            } else {
                allValid = false;
                for (ValidationError error : report.errors()) {
                    spec.commandLine().getErr().println(file + ": " + error);
                }
                if (report.errorCount() > report.errors().size()) {
                    spec.commandLine().getErr().printf("%s: ... and %d more errors%n", file,
                            report.errorCount() - report.errors().size());
                }
                spec.commandLine().getErr().printf("%s: INVALID, %d errors%n", file, report.errorCount());
            }
        }
        spec.commandLine().getOut().flush();
        return allValid ? 0 : ErrorReporter.EXIT_INVALID_INPUT;
    }
}
