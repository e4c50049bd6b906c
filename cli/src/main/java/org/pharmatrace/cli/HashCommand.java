package org.pharmatrace.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.pharmatrace.epcis.formats.EpcisReaders;
import org.pharmatrace.epcis.hash.EventHashGenerator;
import org.pharmatrace.epcis.io.EpcisEventReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code hub epcis hash FILE...}: one Event Hash ID per event, in document order. */
@Command(name = "hash", mixinStandardHelpOptions = true,
        description = "Print the CBV 2.0 Event Hash ID of every event, one per line, in document order.")
final class HashCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "EPCIS documents (XML 1.2/2.0 or JSON-LD); - for stdin")
    List<String> files;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        EventHashGenerator generator = new EventHashGenerator();
        PrintWriter out = spec.commandLine().getOut();
        for (String file : files) {
            Progress progress = new Progress(System.err, file);
            try (InputStream in = Inputs.open(file); EpcisEventReader reader = EpcisReaders.open(in)) {
                long count = 0;
                while (reader.hasNext()) {
                    out.println(generator.eventHashId(reader.next()));
                    progress.events(++count);
                }
            }
        }
        out.flush();
        return 0;
    }
}
