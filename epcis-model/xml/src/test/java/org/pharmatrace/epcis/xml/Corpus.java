package org.pharmatrace.epcis.xml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** The shared test corpus (system property {@code hub.corpus.dir}): its EPCIS XML documents and their roots. */
final class Corpus {

    /** A corpus file, named by its path below corpus/epcis so parameterized tests read well. */
    record CorpusFile(String name, Path path) {
        @Override
        public String toString() {
            return name;
        }
    }

    private Corpus() {
    }

    static Path epcisDir() {
        String dir = System.getProperty("hub.corpus.dir");
        if (dir == null) {
            throw new IllegalStateException("hub.corpus.dir is not set (surefire sets it from the parent pom)");
        }
        return Path.of(dir).resolve("epcis").toAbsolutePath().normalize();
    }

    /** The XML documents the brief names: GS1 examples (2.0 and 1.2), OpenEPCIS XML pairs, the DSCSA file. */
    static List<CorpusFile> xmlDocuments() {
        Path epcis = epcisDir();
        return Stream.of("gs1-examples/XML", "gs1-examples/EPCIS-1.2", "openepcis-pairs", "dscsa")
                .map(epcis::resolve)
                .flatMap(Corpus::walk)
                .filter(p -> p.toString().endsWith(".xml"))
                .filter(p -> !p.toString().contains("/JSON/"))
                .filter(p -> !p.toString().contains("/Invalid/"))
                .sorted()
                .map(p -> new CorpusFile(epcis.relativize(p).toString(), p))
                .toList();
    }

    private static Stream<Path> walk(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The document element's name (files here carry no DTD beyond GS1's bare {@code <!DOCTYPE project>}). */
    static QName rootElement(Path file) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader xml = factory.createXMLStreamReader(in);
            while (xml.next() != XMLStreamConstants.START_ELEMENT) {
                // skip prolog
            }
            return xml.getName();
        } catch (IOException | XMLStreamException e) {
            throw new IllegalStateException("Cannot read " + file, e);
        }
    }

    static boolean isEpcisEventDocument(QName root) {
        return ("EPCISDocument".equals(root.getLocalPart()) && root.getNamespaceURI().startsWith("urn:epcglobal:epcis:xsd:"))
                || ("EPCISQueryDocument".equals(root.getLocalPart())
                && root.getNamespaceURI().startsWith("urn:epcglobal:epcis-query:xsd:"));
    }
}
