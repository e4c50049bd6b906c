package org.pharmatrace.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The query side against the EPCIS 2.0 REST binding's own OpenAPI document ({@code shared/corpus/epcis/standard/
 * openapi.yaml}): every query parameter and header it lists for {@code GET /events} is accepted with a value of its
 * schema, every query resource it defines answers, with the media types it lists.
 */
class OpenApiConformanceTest extends QueryIntegrationTest {

    private static Map<String, Object> openApi;

    private String subscriptionId;

    @BeforeEach
    void readTheDocument() throws IOException {
        if (openApi == null) {
            Path file = Fixture.corpus().resolve("epcis/standard/openapi.yaml");
            try (InputStream in = Files.newInputStream(file)) {
                openApi = new Yaml().load(in);
            }
        }
    }

    @Test
    void everyQueryParameterListedForGetEventsIsAccepted() {
        fixture();
        List<String> checked = new ArrayList<>();
        for (Map<String, Object> parameter : parameters("/events", "get")) {
            if (!"query".equals(parameter.get("in"))) {
                continue;
            }
            String name = (String) parameter.get("name");
            String url = "/events?" + parameterWithValue(name, schema(parameter), parameter.get("example"));
            HttpResponse<String> response = get(REGULATOR, url);
            assertThat(response.statusCode()).as(name + ": " + url + " -> " + response.body()).isEqualTo(200);
            assertThat(json(response).path("type").asText()).as(name).isEqualTo("EPCISQueryDocument");
            checked.add(name);
        }
        // The document lists 55 query parameters for GET /events (2 of them paging).
        assertThat(checked).hasSizeGreaterThanOrEqualTo(55).contains("MATCH_epc", "EQ_bizStep", "nextPageToken",
                "EQ_booleanValue", "EQ_persistentDisposition_set", "maxEventCount", "GE_startTime");
    }

    @Test
    void everyHeaderListedForGetEventsIsAcceptedWithEachOfItsValues() {
        fixture();
        int checked = 0;
        for (Map<String, Object> parameter : parameters("/events", "get")) {
            if (!"header".equals(parameter.get("in"))) {
                continue;
            }
            String name = (String) parameter.get("name");
            Map<String, Object> schema = resolve(schema(parameter));
            List<String> values = new ArrayList<>();
            if (schema.get("enum") instanceof List<?> e) {
                e.forEach(v -> values.add(v.toString()));
            } else {
                values.add(headerExample(name, schema));
            }
            for (String value : values) {
                for (String accept : List.of("application/json", "application/xml")) {
                    HttpResponse<String> response = get(REGULATOR, "/events?perPage=2", name, value, "Accept", accept);
                    assertThat(response.statusCode()).as(name + ": " + value + " -> " + response.body()).isEqualTo(200);
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(14);
    }

    @Test
    void everyQueryResourceOfTheDocumentAnswers() {
        fixture();
        Map<String, Object> paths = map(openApi.get("paths"));
        int checked = 0;
        for (Map.Entry<String, Object> path : paths.entrySet()) {
            if (path.getKey().startsWith("/capture")) {
                continue; // the capture side (routes)
            }
            Map<String, Object> operations = map(path.getValue());
            if (operations.containsKey("get")) {
                String url = instantiate(path.getKey());
                HttpResponse<String> response = get(REGULATOR, url);
                assertThat(response.statusCode()).as("GET " + url + " -> " + response.body()).isEqualTo(200);
                assertThat(response.headers().firstValue("Content-Type").orElse("")).as(url).contains("json");
                checked++;
                for (String mediaType : mediaTypes(operations.get("get"))) {
                    HttpResponse<String> typed = get(REGULATOR, url, "Accept", mediaType);
                    assertThat(typed.statusCode()).as("GET " + url + " as " + mediaType).isEqualTo(200);
                    assertThat(typed.headers().firstValue("Content-Type").orElse("")).startsWith(mediaType);
                }
            }
            if (operations.containsKey("options")) {
                assertThat(send(REGULATOR, "OPTIONS", instantiate(path.getKey()), null).statusCode())
                        .as("OPTIONS " + path.getKey()).isEqualTo(204);
            }
            if (path.getKey().startsWith("/nextPageToken")) {
                assertThat(send(REGULATOR, "DELETE", instantiate(path.getKey()), null).statusCode()).isEqualTo(204);
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(22);
    }

    @Test
    void errorsUseTheDocumentsProblemTypes() {
        fixture();
        assertThat(json(get(null, "/events")).path("type").asText()).isEqualTo("epcisException:SecurityException");
        assertThat(json(get(REGULATOR, "/events?EQ_action=NONE")).path("type").asText())
                .isEqualTo("epcisException:QueryParameterException");
        assertThat(json(get(REGULATOR, "/queries/no-such-query")).path("type").asText())
                .isEqualTo("epcisException:NoSuchNameException");
        assertThat(json(get(REGULATOR, "/events?maxEventCount=0")).path("type").asText())
                .isEqualTo("epcisException:QueryTooLargeException");
        assertThat(json(get(REGULATOR, "/events", "Accept", "image/png")).path("type").asText())
                .isEqualTo("epcisException:NotAcceptableException");
    }

    // ------------------------------------------------------------------ values from the document's schemas

    private String parameterWithValue(String name, Map<String, Object> schema, Object example) {
        return switch (name) {
            case "nextPageToken" -> {
                HttpResponse<String> first = get(REGULATOR, "/events?perPage=1");
                String next = EventsApiTest.next(first.headers().firstValue("Link").orElseThrow());
                yield next.substring(next.indexOf('?') + 1);
            }
            case "perPage" -> "perPage=3";
            case "eventCountLimit" -> "orderBy=eventTime&eventCountLimit=2";
            case "orderDirection" -> "orderBy=eventTime&orderDirection=ASC";
            case "maxEventCount" -> "MATCH_epc=" + encode(Lifecycle.pack(3)) + "&maxEventCount=100";
            default -> name + "=" + encode(value(name, resolve(schema), example));
        };
    }

    /** A valid value for a parameter: its example when the document gives one, else one that fits its meaning. */
    private String value(String name, Map<String, Object> schema, Object example) {
        if (example != null && !name.startsWith("EQ_bizStep") && !name.startsWith("EQ_disposition")) {
            return example.toString();
        }
        String type = String.valueOf(schema.get("type"));
        String format = String.valueOf(schema.get("format"));
        if (type.equals("boolean")) {
            return "true";
        }
        if (type.equals("integer") || type.equals("number")) {
            return "10";
        }
        if (format.equals("date-time")) {
            return "2024-01-01T00:00:00Z";
        }
        if (name.startsWith("MATCH_") && name.contains("Class")) {
            return "urn:epc:class:lgtin:0312345.067890." + Lifecycle.LOT;
        }
        if (name.startsWith("MATCH_")) {
            return Lifecycle.pack(3);
        }
        return switch (name) {
            case "eventType" -> "ObjectEvent";
            case "EQ_action" -> "OBSERVE";
            case "EQ_bizStep" -> "shipping|urn:epcglobal:cbv:bizstep:receiving";
            case "EQ_disposition", "EQ_persistentDisposition_set", "EQ_persistentDisposition_unset" -> "in_transit";
            case "EQ_readPoint", "WD_readPoint", "EQ_bizLocation", "WD_bizLocation" -> Lifecycle.WHOLESALER_DC;
            case "EQ_eventID", "EQ_correctiveEventID" -> fixture().lifecycle.get(0).events().get(0).eventHash();
            case "EQ_errorReason" -> "incorrect_data";
            case "EQ_type" -> "Temperature";
            case "EQ_stringValue", "EQ_hexBinaryValue" -> "A1";
            case "orderBy" -> "eventTime";
            default -> "urn:example:" + name;
        };
    }

    private String headerExample(String name, Map<String, Object> schema) {
        if (name.equals("GS1-Extensions")) {
            return "example-epc-ext=http://org1.example.com/epcis/";
        }
        Object example = schema.get("example");
        if (example == null && schema.get("allOf") instanceof List<?> all) {
            for (Object part : all) {
                if (part instanceof Map<?, ?> m && m.get("example") != null) {
                    example = m.get("example");
                }
            }
        }
        return example == null ? "" : example.toString();
    }

    private String instantiate(String template) {
        Fixture f = fixture();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("eventID", encode(f.lifecycle.get(1).events().get(2).eventHash()));
        values.put("eventType", "ObjectEvent");
        values.put("epc", encode(Lifecycle.pack(3)));
        values.put("bizStep", "shipping");
        values.put("bizLocation", encode(Lifecycle.WHOLESALER_DC));
        values.put("readPoint", encode(Lifecycle.WHOLESALER_DC));
        values.put("disposition", "in_transit");
        values.put("token", "anything");
        if (template.contains("{queryName}")) {
            values.put("queryName", namedQuery());
        }
        if (template.contains("{subscriptionID}")) {
            values.put("subscriptionID", subscription());
        }
        String url = template;
        for (Map.Entry<String, String> v : values.entrySet()) {
            url = url.replace("{" + v.getKey() + "}", v.getValue());
        }
        return url;
    }

    private String namedQuery() {
        if (get(REGULATOR, "/queries/conformance").statusCode() == 404) {
            HttpResponse<String> created = send(REGULATOR, "POST", "/queries",
                    "{\"name\": \"conformance\", \"query\": {\"EQ_bizStep\": [\"shipping\"]}}", "Content-Type", "application/json");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        }
        return "conformance";
    }

    private String subscription() {
        if (subscriptionId == null) {
            namedQuery();
            HttpResponse<String> subscribed = send(REGULATOR, "POST", "/queries/conformance/subscriptions",
                    "{\"dest\": \"http://127.0.0.1:9/never-called\", \"schedule\": {\"hour\": \"3\", \"minute\": \"0\"}}",
                    "Content-Type", "application/json");
            assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(201);
            subscriptionId = json(subscribed).path("subscriptionID").asText();
        }
        return subscriptionId;
    }

    private static List<String> mediaTypes(Object operation) {
        Map<String, Object> ok = map(map(map(operation).get("responses")).get("200"));
        if (ok == null) {
            return List.of();
        }
        ok = resolve(ok);
        Map<String, Object> content = map(ok.get("content"));
        return content == null ? List.of() : new ArrayList<>(content.keySet());
    }

    private static List<Map<String, Object>> parameters(String path, String method) {
        Map<String, Object> item = map(map(openApi.get("paths")).get(path));
        List<Map<String, Object>> all = new ArrayList<>();
        for (Object source : List.of(item.getOrDefault("parameters", List.of()),
                map(item.get(method)).getOrDefault("parameters", List.of()))) {
            for (Object p : (List<?>) source) {
                all.add(resolve(map(p)));
            }
        }
        return all;
    }

    private static Map<String, Object> schema(Map<String, Object> parameter) {
        Map<String, Object> schema = map(parameter.get("schema"));
        return schema == null ? Map.of() : schema;
    }

    /** Follows a local {@code $ref} (#/components/...); external references are left as they are. */
    private static Map<String, Object> resolve(Map<String, Object> node) {
        Object ref = node.get("$ref");
        if (!(ref instanceof String r) || !r.startsWith("#/")) {
            return node;
        }
        Object target = openApi;
        for (String part : r.substring(2).split("/")) {
            target = map(target).get(part);
        }
        return resolve(map(target));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }
}
