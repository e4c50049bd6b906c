package org.pharmatrace.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pharmatrace.epcis.formats.EpcisReaders;
import org.pharmatrace.epcis.hash.EventHashGenerator;
import org.pharmatrace.epcis.io.EpcisEventReader;
import org.pharmatrace.epcis.jsonld.EpcisJsonLdWriter;
import org.pharmatrace.epcis.model.EpcisDocumentInfo;
import org.pharmatrace.epcis.model.EpcisEvent;

/**
 * Events as the hub puts them on the ledger: the canonical JSON-LD event object (routes' CanonicalEventRecords does
 * the same), with the Event Hash ID as eventID.
 */
public final class LedgerEvents {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final EventHashGenerator HASHES = new EventHashGenerator();

    private LedgerEvents() {
    }

    public static String hash(EpcisEvent event) {
        return HASHES.eventHashId(event);
    }

    /** The event object the ledger holds, with eventID = hash (and no recordTime: the ledger's time is that). */
    public static String canonicalJson(EpcisEvent event, String hash) {
        event.setEventId(hash);
        event.setRecordTime(null);
        ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
        try (EpcisJsonLdWriter writer = new EpcisJsonLdWriter(out)) {
            writer.start(new EpcisDocumentInfo());
            writer.write(event);
        }
        try {
            JsonNode document = JSON.readTree(out.toByteArray());
            return JSON.writeValueAsString(document.path("epcisBody").path("eventList").path(0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the event's canonical JSON reads back to an event with the same Event Hash ID. */
    public static boolean roundTrips(EpcisEvent event) {
        try {
            String hash = hash(event);
            return hash(org.pharmatrace.query.index.EventJson.read(canonicalJson(event, hash))).equals(hash);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Every event of a document in any syntax the hub reads (EPCIS 2.0 XML or JSON-LD, 1.2 XML). */
    public static List<EpcisEvent> read(Path document) {
        List<EpcisEvent> events = new ArrayList<>();
        try (InputStream in = Files.newInputStream(document); EpcisEventReader reader = EpcisReaders.open(in)) {
            reader.forEachRemaining(events::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return events;
    }
}
