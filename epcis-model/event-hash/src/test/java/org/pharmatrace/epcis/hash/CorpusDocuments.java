package org.pharmatrace.epcis.hash;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.namespace.QName;
import org.pharmatrace.epcis.formats.EpcisReaders;
import org.pharmatrace.epcis.io.EpcisEventReader;
import org.pharmatrace.epcis.model.EpcisDocumentInfo;
import org.pharmatrace.epcis.model.EpcisEvent;
import org.pharmatrace.epcis.model.ExtensionElement;

/** The shared test corpus: where it is, and its documents read into events with their hashes. */
final class CorpusDocuments {

    /**
     * The reference implementation's private convention for repositories: a document-level
     * {@code repository-x:ignoreFields} lists event extensions the repository added and that must not be hashed.
     */
    static final String REPOSITORY_X = "https://repository-x.example.com/";

    private CorpusDocuments() {
    }

    static Path corpus() {
        String dir = System.getProperty("hub.corpus.dir");
        if (dir == null) {
            throw new IllegalStateException("system property hub.corpus.dir is not set (surefire sets it)");
        }
        return Path.of(dir).toAbsolutePath().normalize();
    }

    static Path eventHash(String folder) {
        return corpus().resolve("epcis/event-hash").resolve(folder);
    }

    static List<Path> list(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean isXml(Path file) {
        return file.getFileName().toString().endsWith(".xml");
    }

    static boolean isJson(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".json") || name.endsWith(".jsonld");
    }

    /** A document read in full: its events and, per event, the hash and pre-hash string. */
    record Hashed(List<EpcisEvent> events, List<String> hashes, List<String> preHashes) {
    }

    static Hashed hash(Path file, EventHashGenerator generator) {
        try (InputStream in = Files.newInputStream(file); EpcisEventReader reader = EpcisReaders.open(in)) {
            EventHashGenerator g = generator.ignoringExtensions(ignoredFields(reader.document()));
            List<EpcisEvent> events = new ArrayList<>();
            List<String> hashes = new ArrayList<>();
            List<String> preHashes = new ArrayList<>();
            while (reader.hasNext()) {
                EpcisEvent e = reader.next();
                events.add(e);
                hashes.add(g.eventHashId(e));
                preHashes.add(g.preHashString(e));
            }
            // fields listed after the events (JSON-LD may put them last) are only known now
            Set<QName> late = ignoredFields(reader.document());
            if (!late.isEmpty()) {
                EventHashGenerator again = generator.ignoringExtensions(late);
                for (int k = 0; k < events.size(); k++) {
                    hashes.set(k, again.eventHashId(events.get(k)));
                    preHashes.set(k, again.preHashString(events.get(k)));
                }
            }
            return new Hashed(events, hashes, preHashes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The names in a {@code repository-x:ignoreFields} element: in XML its child elements, in JSON-LD an array of
     * CURIEs (which the reader gives as one element per value).
     */
    static Set<QName> ignoredFields(EpcisDocumentInfo document) {
        Set<QName> names = new LinkedHashSet<>();
        for (ExtensionElement x : document.getExtensions()) {
            if (!REPOSITORY_X.equals(x.name().getNamespaceURI()) || !"ignoreFields".equals(x.name().getLocalPart())) {
                continue;
            }
            for (ExtensionElement child : x.children()) {
                names.add(new QName(child.name().getNamespaceURI(), child.name().getLocalPart()));
            }
            if (x.text() != null && !x.text().isBlank()) {
                names.add(curie(x.text().strip(), document.getNamespaces()));
            }
        }
        return names;
    }

    private static QName curie(String value, Map<String, String> namespaces) {
        int colon = value.indexOf(':');
        if (colon > 0 && namespaces.containsKey(value.substring(0, colon))) {
            return new QName(namespaces.get(value.substring(0, colon)), value.substring(colon + 1));
        }
        return new QName(value);
    }
}
