package org.pharmatrace.chaincode;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pharmatrace.chaincode.batch.BatchEvent;
import org.pharmatrace.chaincode.batch.EpcisBatchReader;
import org.pharmatrace.chaincode.batch.MalformedBatchException;
import org.pharmatrace.chaincode.batch.EventHashCalculator;
import org.pharmatrace.epcis.model.EpcisEvent;

/**
 * Hands the contract events built in the test: a batch is registered under a token, and the token is the document
 * the transaction carries. Events without an eventID get their Event Hash ID, as a conforming partner would send.
 * JSON-LD documents through the hub's reader are covered by JsonLdBatchReaderTest and JsonLdRecordingTest.
 */
final class TestBatches implements EpcisBatchReader {

    private final Map<String, List<EpcisEvent>> batches = new HashMap<>();
    private final EventHashCalculator hashes;

    TestBatches(EventHashCalculator hashes) {
        this.hashes = hashes;
    }

    String register(EpcisEvent... events) {
        List<EpcisEvent> list = new ArrayList<>();
        for (EpcisEvent event : events) {
            if (event.getEventId() == null) {
                event.setEventId(hashes.eventHashId(event));
            }
            list.add(event);
        }
        String token = "test-batch-" + batches.size();
        batches.put(token, list);
        return token;
    }

    @Override
    public List<BatchEvent> read(String document) {
        List<EpcisEvent> events = batches.get(document);
        if (events == null) {
            throw new MalformedBatchException("the batch is not JSON");
        }
        List<BatchEvent> batch = new ArrayList<>();
        for (EpcisEvent event : events) {
            batch.add(new BatchEvent(event, json(event)));
        }
        return batch;
    }

    /** The members a JSON-LD document would carry for the fields the tests use. */
    private static ObjectNode json(EpcisEvent event) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode node = f.objectNode();
        node.put("type", event.getType().localName());
        node.put("eventID", event.getEventId());
        node.put("eventTime", event.getEventTime());
        if (event.getAction() != null) {
            node.put("action", event.getAction().name());
        }
        if (event.getBizStep() != null) {
            node.put("bizStep", event.getBizStep());
        }
        if (event.getParentId() != null) {
            node.put("parentID", event.getParentId());
        }
        if (!event.getEpcList().isEmpty()) {
            ArrayNode epcs = node.putArray("epcList");
            event.getEpcList().forEach(epcs::add);
        }
        if (!event.getChildEpcs().isEmpty()) {
            ArrayNode epcs = node.putArray("childEPCs");
            event.getChildEpcs().forEach(epcs::add);
        }
        return node;
    }
}
