package org.pharmatrace.query.ledger.fabric;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.pharmatrace.query.ledger.LedgerRecord;

/** The chaincode's stored events ({@code getEvent}, {@code getEvents}) read into {@link LedgerRecord}s. */
final class StoredEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StoredEvents() {
    }

    static LedgerRecord one(String storedJson) throws IOException {
        return record(JSON.readTree(storedJson));
    }

    static List<LedgerRecord> list(String storedArrayJson) throws IOException {
        JsonNode array = JSON.readTree(storedArrayJson);
        if (!array.isArray()) {
            throw new IOException("getEvents answered something other than a JSON array");
        }
        List<LedgerRecord> records = new ArrayList<>(array.size());
        for (JsonNode stored : array) {
            records.add(record(stored));
        }
        return records;
    }

    private static LedgerRecord record(JsonNode stored) throws IOException {
        JsonNode event = stored.get("event");
        if (event == null || !event.isObject()) {
            throw new IOException("stored event " + stored.path("hash").asText("?") + " has no event");
        }
        return new LedgerRecord(text(stored, "hash"), text(stored, "txId"), Instant.parse(text(stored, "timestamp")),
                text(stored, "submitter"), JSON.writeValueAsString(event));
    }

    private static String text(JsonNode stored, String field) throws IOException {
        JsonNode value = stored.get(field);
        if (value == null || !value.isTextual()) {
            throw new IOException("stored event has no " + field);
        }
        return value.asText();
    }
}
