package org.pharmatrace.epcis.validation;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;

/**
 * Validates an EPCIS JSON-LD document against the official EPCIS JSON Schema without holding the document: each event
 * is checked on its own against the schema's event definition, and the rest of the document (with an empty event list)
 * against the document schema.
 */
final class JsonSchemaCheck {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String SCHEMA_RESOURCE = "gs1/EPCIS-JSON-Schema.json";
    private static final Schemas SCHEMAS = Schemas.load();

    private JsonSchemaCheck() {
    }

    /** Returns the number of events seen. */
    static long check(InputStream in, ErrorCollector errors) throws IOException {
        Walk walk = new Walk(errors);
        try (JsonParser p = MAPPER.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                errors.add(-1, null, null, "an EPCIS JSON-LD document must be a JSON object");
                return 0;
            }
            ObjectNode skeleton = walk.object(p, "");
            report(SCHEMAS.document.validate(skeleton), -1, null, errors);
        } catch (JsonParseException e) {
            errors.add(new ValidationError(walk.eventCount - 1, null, null, "malformed JSON: " + e.getOriginalMessage(),
                    e.getLocation() == null ? -1 : e.getLocation().getLineNr()));
        }
        return walk.eventCount;
    }

    private static void report(Set<ValidationMessage> messages, long eventIndex, String eventId, ErrorCollector errors) {
        for (ValidationMessage m : messages) {
            String location = m.getInstanceLocation() == null ? null : m.getInstanceLocation().toString();
            String field = location == null || location.equals("$") ? null : location.replaceFirst("^\\$\\.?", "");
            errors.add(eventIndex, eventId, field, m.getMessage().replaceFirst("^\\$[^:]*: ", ""));
        }
    }

    /** Reads the document, streaming through event lists and building everything else as a small tree. */
    private static final class Walk {
        private final ErrorCollector errors;
        private long eventCount;

        Walk(ErrorCollector errors) {
            this.errors = errors;
        }

        ObjectNode object(JsonParser p, String path) throws IOException {
            ObjectNode node = MAPPER.createObjectNode();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                String childPath = path + "/" + name;
                if (value == JsonToken.START_ARRAY && name.equals("eventList")) {
                    node.set(name, events(p));
                } else if (value == JsonToken.START_OBJECT && isEnvelope(childPath)) {
                    node.set(name, object(p, childPath));
                } else {
                    node.set(name, p.readValueAsTree());
                }
            }
            return node;
        }

        private static boolean isEnvelope(String path) {
            return path.equals("/epcisBody") || path.equals("/epcisBody/queryResults")
                    || path.equals("/epcisBody/queryResults/resultsBody");
        }

        private ArrayNode events(JsonParser p) throws IOException {
            while (p.nextToken() != JsonToken.END_ARRAY) {
                JsonNode event = p.readValueAsTree();
                long index = eventCount++;
                JsonNode id = event.get("eventID");
                report(SCHEMAS.event.validate(event), index, id == null ? null : id.asText(), errors);
            }
            return MAPPER.createArrayNode();
        }
    }

    /** The document schema and, derived from it, a schema for one event of a document. */
    private record Schemas(JsonSchema document, JsonSchema event) {
        static Schemas load() {
            try (InputStream in = JsonSchemaCheck.class.getResourceAsStream(SCHEMA_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the EPCIS JSON Schema is missing from the classpath: " + SCHEMA_RESOURCE);
                }
                ObjectNode root = (ObjectNode) MAPPER.readTree(in);
                JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
                ObjectNode eventRoot = MAPPER.createObjectNode();
                eventRoot.put("$schema", root.path("$schema").asText());
                eventRoot.put("$ref", "#/definitions/EPCIS-Document-Event");
                eventRoot.set("definitions", root.get("definitions"));
                root.remove("$id");
                return new Schemas(factory.getSchema(root), factory.getSchema(eventRoot));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
