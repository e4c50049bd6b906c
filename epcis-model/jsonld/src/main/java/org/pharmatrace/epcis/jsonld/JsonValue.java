package org.pharmatrace.epcis.jsonld;

import java.util.List;
import java.util.Map;

/**
 * A small JSON tree for one event (or one envelope member) that keeps where each value started and the lexical text
 * of numbers, so that errors can name a line and column and numbers reach the model exactly as written.
 */
sealed interface JsonValue {

    int line();

    int column();

    /** What the value is, as an error message would name it. */
    String describe();

    /** An object: members in document order. */
    record JsonObject(Map<String, JsonValue> members, int line, int column) implements JsonValue {
        JsonValue get(String name) {
            return members.get(name);
        }

        @Override
        public String describe() {
            return "an object";
        }
    }

    record JsonArray(List<JsonValue> items, int line, int column) implements JsonValue {
        @Override
        public String describe() {
            return "an array";
        }
    }

    /** A string, number, boolean or null; {@code text} is the string, the number as written, or true/false. */
    record JsonScalar(Kind kind, String text, int line, int column) implements JsonValue {
        enum Kind { STRING, NUMBER, BOOLEAN, NULL }

        @Override
        public String describe() {
            return switch (kind) {
                case STRING -> "string \"" + abbreviate(text) + "\"";
                case NUMBER -> "number " + abbreviate(text);
                case BOOLEAN -> "boolean " + text;
                case NULL -> "null";
            };
        }

        private static String abbreviate(String s) {
            return s.length() <= 60 ? s : s.substring(0, 57) + "...";
        }
    }
}
