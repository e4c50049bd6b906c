package org.pharmatrace.hub;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.pharmatrace.epcis.formats.EpcisReaders;
import org.pharmatrace.epcis.hash.EventHashGenerator;
import org.pharmatrace.epcis.io.EpcisEventReader;

/** Test inputs: corpus files (from -Dhub.corpus.dir) and generated JSON-LD documents with fresh serial numbers. */
final class TestDocuments {

    static final String DSCSA = "epcis/dscsa/GS1_US_Pharma_Example_2_2_1_1.xml";
    static final String GS1_OBJECT_EVENTS = "epcis/gs1-examples/JSON/Example_9.6.1-ObjectEvent.jsonld";

    private TestDocuments() {
    }

    static Path corpus(String relative) {
        String dir = System.getProperty("hub.corpus.dir");
        if (dir == null) {
            throw new IllegalStateException("-Dhub.corpus.dir is not set (the shared corpus, e.g. ../shared/corpus)");
        }
        Path file = Path.of(dir).resolve(relative);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("corpus file missing: " + file);
        }
        return file;
    }

    static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The Event Hash IDs of a document's events, in document order, as the hub's hash library computes them. */
    static List<String> eventHashIds(byte[] document) {
        EventHashGenerator hashes = new EventHashGenerator();
        List<String> ids = new ArrayList<>();
        try (InputStream in = new java.io.ByteArrayInputStream(document); EpcisEventReader reader = EpcisReaders.open(in)) {
            while (reader.hasNext()) {
                ids.add(hashes.eventHashId(reader.next()));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return ids;
    }

    /**
     * A JSON-LD document of commissioning events by acme (company prefix 0614141, as in the GS1 examples), each on
     * a fresh serial number so that every call makes a document the hub has never seen.
     *
     * @param badBizStep indexes whose bizStep is misspelt ("comissioning")
     * @param badEpc indexes whose EPC is not an SGTIN (the serial is missing)
     */
    static String commissioning(int count, Set<Integer> badBizStep, Set<Integer> badEpc) {
        long run = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);
        StringBuilder events = new StringBuilder();
        for (int i = 0; i < count; i++) {
            String epc = badEpc.contains(i) ? "urn:epc:id:sgtin:0614141.107346" : "urn:epc:id:sgtin:0614141.107346." + run + i;
            events.append(i == 0 ? "" : ",").append("""
                    {"type": "ObjectEvent", "eventTime": "2026-03-01T10:%02d:00.000Z", "eventTimeZoneOffset": "+01:00",
                     "epcList": ["%s"], "action": "ADD", "bizStep": "%s", "disposition": "active",
                     "readPoint": {"id": "urn:epc:id:sgln:0614141.07346.1234"},
                     "bizLocation": {"id": "urn:epc:id:sgln:0614141.07346.0"}}
                    """.formatted(i % 60, epc, badBizStep.contains(i) ? "comissioning" : "commissioning"));
        }
        return """
                {"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"],
                 "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2026-03-01T11:00:00Z",
                 "epcisBody": {"eventList": [%s]}}
                """.formatted(events);
    }

    static String commissioning(int count) {
        return commissioning(count, Set.of(), Set.of());
    }
}
