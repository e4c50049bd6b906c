package org.pharmatrace.hub.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.pharmatrace.epcis.cbv.EpcisNamespaces;
import org.pharmatrace.epcis.jsonld.EpcisJsonLdWriter;
import org.pharmatrace.epcis.model.EpcisDocumentInfo;
import org.pharmatrace.epcis.model.EpcisEvent;
import org.pharmatrace.epcis.model.QuantityElement;
import org.pharmatrace.hub.HubProperties;
import org.springframework.stereotype.Component;

/**
 * The record format of the canonical-events topic. The value is one EPCIS 2.0 JSON-LD event object whose eventID is
 * its Event Hash ID; namespaces it needs beyond the standard context are declared in its own {@code @context}, so
 * a batch is the events of N records placed in the eventList of an EPCISDocument whose {@code @context} is the
 * standard one ({@link #batchDocument}). The key decides the partition, hence what stays in order.
 */
@Component
public class CanonicalEventRecords {

    public static final String ORGANISATION_KEY = "organisation";
    public static final String ITEM_KEY = "item";

    private final ObjectMapper json = new ObjectMapper();
    private final String partitionKey;

    public CanonicalEventRecords(HubProperties properties) {
        this.partitionKey = properties.ingest().partitionKey();
        if (!ORGANISATION_KEY.equals(partitionKey) && !ITEM_KEY.equals(partitionKey)) {
            throw new IllegalStateException("hub.ingest.partition-key: '" + partitionKey + "' is neither '"
                    + ORGANISATION_KEY + "' nor '" + ITEM_KEY + "'");
        }
    }

    /** The event as one JSON-LD event object (UTF-8), with an {@code @context} of its own when it needs one. */
    public String eventJson(EpcisEvent event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
        try (EpcisJsonLdWriter writer = new EpcisJsonLdWriter(out)) {
            writer.start(new EpcisDocumentInfo());
            writer.write(event);
        }
        try {
            JsonNode document = json.readTree(out.toByteArray());
            return json.writeValueAsString(document.path("epcisBody").path("eventList").path(0));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot re-read the JSON-LD written for " + event, e);
        }
    }

    /**
     * The Kafka key. {@code organisation}: the MSP id of the partner's organisation, so all events an organisation
     * captures are in one partition in capture order (commission, pack, ship of one document stay in that order,
     * and the ledger submitter, which submits as one organisation, batches one partition). {@code item}: the
     * parentID, else the first EPC, else the first EPC class, else the hash, so each item's events stay in order
     * across organisations but events of one document about different items may be reordered.
     */
    public String partitionKey(EpcisEvent event, String organisation, String eventHashId) {
        if (ORGANISATION_KEY.equals(partitionKey)) {
            return organisation;
        }
        List<String> epcs = event.allInstanceEpcs();
        if (!epcs.isEmpty()) {
            return epcs.get(0);
        }
        for (List<QuantityElement> quantities : List.of(event.getQuantityList(), event.getChildQuantityList(),
                event.getInputQuantityList(), event.getOutputQuantityList())) {
            if (!quantities.isEmpty()) {
                return quantities.get(0).epcClass();
            }
        }
        return eventHashId;
    }

    /** What the ledger submitter builds from a batch of record values: one EPCIS 2.0 JSON-LD document. */
    public static String batchDocument(List<String> eventJsons, String creationDate) {
        StringBuilder document = new StringBuilder(64 + eventJsons.stream().mapToInt(String::length).sum());
        document.append("{\"@context\":[\"").append(EpcisNamespaces.EPCIS_JSONLD_CONTEXT)
                .append("\"],\"type\":\"EPCISDocument\",\"schemaVersion\":\"2.0\",\"creationDate\":\"")
                .append(creationDate).append("\",\"epcisBody\":{\"eventList\":[");
        for (int i = 0; i < eventJsons.size(); i++) {
            document.append(i == 0 ? "" : ",").append(eventJsons.get(i));
        }
        return document.append("]}}").toString();
    }
}
