package org.pharmatrace.epcis.jsonld;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pharmatrace.epcis.io.EpcisFormatException;
import org.pharmatrace.epcis.jsonld.JsonValue.JsonArray;
import org.pharmatrace.epcis.jsonld.JsonValue.JsonObject;
import org.pharmatrace.epcis.jsonld.JsonValue.JsonScalar;
import org.pharmatrace.epcis.jsonld.JsonValue.JsonScalar.Kind;

/**
 * Builds a {@link JsonValue} from the parser's current token, so only one event is ever held as a tree. Counts the
 * values it creates: Jackson bounds depth and string length, this bounds the breadth a hostile event could have.
 */
final class JsonTreeReader {

    private final JsonParser parser;
    private final long maxValues;
    private long values;

    JsonTreeReader(JsonParser parser, long maxValues) {
        this.parser = parser;
        this.maxValues = maxValues;
    }

    /** Reads the value starting at the current token; afterwards the parser is on its last token. */
    JsonValue readCurrent() throws IOException {
        values = 0;
        return read();
    }

    private JsonValue read() throws IOException {
        JsonToken token = parser.currentToken();
        JsonLocation at = parser.currentTokenLocation();
        int line = at.getLineNr();
        int column = at.getColumnNr();
        if (++values > maxValues) {
            throw new EpcisFormatException("JSON value at line " + line + ", column " + column + " has more than "
                    + maxValues + " nested values; the reader's limit guards against hostile input");
        }
        if (token == null) {
            throw new EpcisFormatException("Unexpected end of JSON input at line " + line + ", column " + column);
        }
        return switch (token) {
            case START_OBJECT -> readObject(line, column);
            case START_ARRAY -> readArray(line, column);
            case VALUE_STRING -> new JsonScalar(Kind.STRING, parser.getText(), line, column);
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new JsonScalar(Kind.NUMBER, parser.getText(), line, column);
            case VALUE_TRUE, VALUE_FALSE -> new JsonScalar(Kind.BOOLEAN, parser.getText(), line, column);
            case VALUE_NULL -> new JsonScalar(Kind.NULL, null, line, column);
            default -> throw new EpcisFormatException("Unexpected JSON token " + token + " at line " + line
                    + ", column " + column);
        };
    }

    private JsonObject readObject(int line, int column) throws IOException {
        Map<String, JsonValue> members = new LinkedHashMap<>();
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            members.put(name, read());
        }
        if (token != JsonToken.END_OBJECT) {
            throw new EpcisFormatException("Unexpected end of JSON input inside the object opened at line " + line
                    + ", column " + column);
        }
        return new JsonObject(members, line, column);
    }

    private JsonArray readArray(int line, int column) throws IOException {
        List<JsonValue> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            items.add(read());
        }
        return new JsonArray(items, line, column);
    }
}
