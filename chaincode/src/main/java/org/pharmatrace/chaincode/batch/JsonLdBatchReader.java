package org.pharmatrace.chaincode.batch;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.pharmatrace.chaincode.state.CanonicalJson;
import org.pharmatrace.epcis.io.EpcisEventReader;
import org.pharmatrace.epcis.model.EpcisEvent;

/**
 * Reads an EPCIS 2.0 JSON-LD document (EPCISDocument, or an EPCISQueryDocument's results) twice: as JSON, to keep
 * each event's members as submitted for storage, and through the hub's JSON-LD reader into the canonical model,
 * which the lifecycle rules and the Event Hash ID are computed on. The two views are paired by position.
 */
public final class JsonLdBatchReader implements EpcisBatchReader {

    private final Function<InputStream, EpcisEventReader> modelReaders;

    /** @param modelReaders opens the hub's JSON-LD event reader on a document */
    public JsonLdBatchReader(Function<InputStream, EpcisEventReader> modelReaders) {
        this.modelReaders = modelReaders;
    }

    @Override
    public List<BatchEvent> read(String document) {
        if (document == null || document.isBlank()) {
            throw new MalformedBatchException("the batch is empty");
        }
        JsonNode eventList = eventList(document);
        List<EpcisEvent> events = new ArrayList<>(eventList.size());
        try (EpcisEventReader reader = modelReaders.apply(
                new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8)))) {
            reader.forEachRemaining(events::add);
        } catch (RuntimeException e) {
            // The reader reports syntax and content problems as EpcisFormatException; any failure means the same here.
            throw new MalformedBatchException("the EPCIS document cannot be read: " + e.getMessage(), e);
        }
        if (events.size() != eventList.size()) {
            throw new MalformedBatchException("the document lists " + eventList.size() + " events but "
                    + events.size() + " could be read");
        }
        List<BatchEvent> batch = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            batch.add(new BatchEvent(events.get(i), CanonicalJson.sorted(eventList.get(i))));
        }
        return batch;
    }

    private static JsonNode eventList(String document) {
        JsonNode root;
        try {
            root = CanonicalJson.readTree(document);
        } catch (IOException e) {
            throw new MalformedBatchException("the batch is not JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new MalformedBatchException("the batch is not a JSON object");
        }
        String type = root.path("type").asText("");
        JsonNode body = root.path("epcisBody");
        JsonNode list;
        if ("EPCISDocument".equals(type)) {
            list = body.path("eventList");
        } else if ("EPCISQueryDocument".equals(type)) {
            list = body.path("queryResults").path("resultsBody").path("eventList");
        } else {
            throw new MalformedBatchException("the batch is not an EPCISDocument (type '" + type + "')");
        }
        if (!list.isArray() || list.isEmpty()) {
            throw new MalformedBatchException("the document has no eventList or it is empty");
        }
        for (int i = 0; i < list.size(); i++) {
            if (!list.get(i).isObject()) {
                throw new MalformedBatchException("event #" + i + " is not a JSON object");
            }
        }
        return list;
    }
}
