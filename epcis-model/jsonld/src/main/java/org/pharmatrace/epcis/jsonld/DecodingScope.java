package org.pharmatrace.epcis.jsonld;

import java.util.ArrayList;
import java.util.List;
import org.pharmatrace.epcis.io.EpcisFormatException;
import org.pharmatrace.epcis.jsonld.JsonValue.JsonArray;
import org.pharmatrace.epcis.jsonld.JsonValue.JsonObject;
import org.pharmatrace.epcis.jsonld.JsonValue.JsonScalar;

/**
 * What decoding a part of a document needs to know about where it is: which event (for error messages) and which
 * JSON-LD context applies. Typed accessors fail with the member path, the event index and the line and column.
 */
record DecodingScope(long eventIndex, JsonLdContext context) {

    static DecodingScope outsideEvents(JsonLdContext context) {
        return new DecodingScope(-1, context);
    }

    DecodingScope withContext(JsonValue localContext) {
        return new DecodingScope(eventIndex, context.with(localContext, null));
    }

    EpcisFormatException fail(JsonValue at, String member, String problem) {
        return new EpcisFormatException(where(at, member) + ": " + problem, eventIndex, member, null);
    }

    UndeclaredPrefixException undeclaredPrefix(JsonValue at, String member, String prefix) {
        String remotes = context.unresolvedRemoteContexts().isEmpty() ? ""
                : " (remote contexts are not fetched: " + String.join(", ", context.unresolvedRemoteContexts()) + ")";
        return new UndeclaredPrefixException(where(at, member) + ": prefix '" + prefix
                + "' is not declared by any @context in scope" + remotes, prefix, eventIndex, member);
    }

    private String where(JsonValue at, String member) {
        String subject = eventIndex >= 0 ? "JSON-LD event " + eventIndex : "JSON-LD document";
        return subject + ", member '" + member + "' at line " + at.line() + ", column " + at.column();
    }

    String string(JsonValue value, String member) {
        if (value instanceof JsonScalar s && s.kind() == JsonScalar.Kind.STRING) {
            return s.text();
        }
        throw fail(value, member, "expected a string, found " + value.describe());
    }

    /** The text of a string, number or boolean (JSON-LD writers differ in how they type simple values). */
    String scalarText(JsonValue value, String member) {
        if (value instanceof JsonScalar s && s.kind() != JsonScalar.Kind.NULL) {
            return s.text();
        }
        throw fail(value, member, "expected a string, number or boolean, found " + value.describe());
    }

    JsonObject object(JsonValue value, String member) {
        if (value instanceof JsonObject o) {
            return o;
        }
        throw fail(value, member, "expected an object, found " + value.describe());
    }

    List<JsonValue> array(JsonValue value, String member) {
        if (value instanceof JsonArray a) {
            return a.items();
        }
        throw fail(value, member, "expected an array, found " + value.describe());
    }

    List<String> strings(JsonValue value, String member) {
        List<JsonValue> items = array(value, member);
        List<String> strings = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            strings.add(string(items.get(i), member + "[" + i + "]"));
        }
        return strings;
    }

    /** A required member of an object. */
    JsonValue required(JsonObject object, String name, String objectPath) {
        JsonValue value = object.get(name);
        if (value == null) {
            throw fail(object, objectPath, "required member '" + name + "' is missing");
        }
        return value;
    }
}
