package org.pharmatrace.hub.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Set;
import org.pharmatrace.epcis.cbv.EpcisNamespaces;
import org.pharmatrace.epcis.jsonld.EpcisJsonLdReader;
import org.pharmatrace.epcis.model.EpcisEvent;

/** Single JSON-LD events as documents: the EPCIS readers and the validator take documents, not bare events. */
public final class JsonLdEvents {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> EVENT_TYPES = Set.of("ObjectEvent", "AggregationEvent", "TransactionEvent",
            "TransformationEvent", "AssociationEvent");

    private JsonLdEvents() {
    }

    /** Whether this JSON is a bare event (its {@code type} is an EPCIS event type). */
    public static boolean isEvent(JsonNode node) {
        return EVENT_TYPES.contains(node.path("type").asText(""));
    }

    /**
     * An EPCISDocument with the standard context whose only event is this one; the event keeps its own
     * {@code @context}, which JSON-LD scopes to it.
     */
    public static byte[] asDocument(JsonNode event) {
        ObjectNode document = JSON.createObjectNode();
        document.putArray("@context").add(EpcisNamespaces.EPCIS_JSONLD_CONTEXT);
        document.put("type", "EPCISDocument").put("schemaVersion", "2.0").put("creationDate", Instant.now().toString());
        document.putObject("epcisBody").putArray("eventList").add(event);
        try {
            return JSON.writeValueAsBytes(document);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a one-event document", e);
        }
    }

    public static byte[] asDocument(String eventJson) {
        try {
            return asDocument(JSON.readTree(eventJson));
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + e.getMessage(), e);
        }
    }

    /** Reads the one event of a document made by {@link #asDocument}. */
    public static EpcisEvent read(byte[] document) {
        try (EpcisJsonLdReader reader = new EpcisJsonLdReader(new ByteArrayInputStream(document))) {
            return reader.next();
        }
    }
}
