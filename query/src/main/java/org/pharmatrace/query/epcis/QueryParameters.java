package org.pharmatrace.query.epcis;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The parameters of one EPCIS query, as the REST binding carries them: from a URL query string (list values
 * pipe-delimited, one occurrence per name) or from the JSON query object of a named query (lists as arrays). Values
 * stay raw here; {@link EventQuery} gives them their meaning.
 */
public final class QueryParameters {

    private final Map<String, List<String>> values;
    private final boolean pipeDelimited;
    private final Map<String, String> prefixes;

    private QueryParameters(Map<String, List<String>> values, boolean pipeDelimited, Map<String, String> prefixes) {
        this.values = Collections.unmodifiableMap(values);
        this.pipeDelimited = pipeDelimited;
        this.prefixes = Map.copyOf(prefixes);
    }

    /**
     * From a URL query string, as the servlet container decoded it. A name given twice is refused (list values are
     * pipe-delimited in one occurrence); {@code skip} names parameters that are not query parameters (perPage, ...).
     */
    public static QueryParameters fromUrl(Map<String, String[]> parameters, List<String> skip) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (Map.Entry<String, String[]> p : parameters.entrySet()) {
            if (skip.contains(p.getKey())) {
                continue;
            }
            if (p.getValue().length != 1) {
                throw QueryException.parameter(p.getKey(), "query parameter '" + p.getKey()
                        + "' is given " + p.getValue().length + " times; give it once, with list values separated by '|'");
            }
            values.put(p.getKey(), List.of(p.getValue()[0]));
        }
        return new QueryParameters(values, true, Map.of());
    }

    /** From an EPCIS query object ({@code {"eventType": ["ObjectEvent"], "EQ_bizStep": ["shipping"], ...}}). */
    public static QueryParameters fromJson(JsonNode query) {
        if (query == null || !query.isObject()) {
            throw QueryException.validation("the query must be a JSON object of EPCIS query parameters", "query");
        }
        Map<String, List<String>> values = new LinkedHashMap<>();
        Map<String, String> prefixes = new LinkedHashMap<>();
        var fields = query.fields();
        while (fields.hasNext()) {
            var field = fields.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (name.equals("@context")) {
                readContext(value, prefixes);
                continue;
            }
            List<String> list = new ArrayList<>();
            if (value.isArray()) {
                for (JsonNode item : value) {
                    if (!item.isValueNode() || item.isNull()) {
                        throw QueryException.parameter(name, "'" + name + "' must be a list of strings or numbers");
                    }
                    list.add(item.asText());
                }
            } else if (value.isValueNode() && !value.isNull()) {
                list.add(value.asText());
            } else if (value.isNull()) {
                list.add(""); // EXISTS_ parameters take a null value
            } else {
                throw QueryException.parameter(name, "'" + name + "' must be a string, a number, a boolean or a list");
            }
            values.put(name, list);
        }
        return new QueryParameters(values, false, prefixes);
    }

    private static void readContext(JsonNode context, Map<String, String> prefixes) {
        if (context.isArray()) {
            context.forEach(item -> readContext(item, prefixes));
        } else if (context.isObject()) {
            context.fields().forEachRemaining(f -> {
                if (f.getValue().isTextual() && !f.getKey().startsWith("@")) {
                    prefixes.put(f.getKey(), f.getValue().asText());
                }
            });
        }
    }

    public Map<String, List<String>> raw() {
        return values;
    }

    public boolean pipeDelimited() {
        return pipeDelimited;
    }

    /** Prefixes declared by the query's own {@code @context}. */
    public Map<String, String> prefixes() {
        return prefixes;
    }

    /**
     * The parameters in a canonical text (sorted names, values as given): page tokens are bound to it, so a token
     * cannot be replayed with other filters.
     */
    public String canonical() {
        StringBuilder s = new StringBuilder();
        new TreeMap<>(values).forEach((name, list) -> s.append(name).append('=').append(String.join("|", list)).append('\n'));
        new TreeMap<>(prefixes).forEach((prefix, uri) -> s.append('@').append(prefix).append('=').append(uri).append('\n'));
        return s.toString();
    }
}
