package org.pharmatrace.epcis.validation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Locates the shared test corpus (GS1 examples, OpenEPCIS pairs, DSCSA file). */
final class Corpus {

    static final Path ROOT = Path.of(System.getProperty("hub.corpus.dir", "../../../shared/corpus"));

    private Corpus() {
    }

    static Path file(String relative) {
        Path p = ROOT.resolve(relative);
        if (!Files.exists(p)) {
            throw new IllegalStateException("corpus file missing: " + p.toAbsolutePath());
        }
        return p;
    }

    static List<Path> files(String folder, String... extensions) {
        try (Stream<Path> s = Files.walk(file(folder))) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> Stream.of(extensions).anyMatch(ext -> p.toString().endsWith(ext)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
