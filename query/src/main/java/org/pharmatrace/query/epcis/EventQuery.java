package org.pharmatrace.query.epcis;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pharmatrace.epcis.cbv.CbvVocabulary;
import org.pharmatrace.epcis.cbv.EpcisNamespaces;
import org.pharmatrace.gs1.Gs1Key;
import org.pharmatrace.gs1.Gs1KeyType;
import org.pharmatrace.query.index.EventIndexEntry;
import org.pharmatrace.query.index.Identifiers;

/**
 * An EPCIS SimpleEventQuery compiled to SQL over the index: each parameter becomes a predicate on
 * {@code epcis_event e} (directly, through a child table, or on the stored JSON for the rarely used sensor and error
 * declaration parameters), and orderBy, orderDirection, eventCountLimit and maxEventCount are kept for the pager.
 *
 * <p>Every parameter the REST binding's OpenAPI document lists for {@code GET /events} is understood, as are the
 * families with names of their own: {@code EQ_bizTransaction_type}, {@code EQ_source_type},
 * {@code EQ_destination_type}, {@code EQ|GT|GE|LT|LE|EXISTS_[INNER_][ILMD_|ERROR_DECLARATION_|readPoint_|bizLocation_]prefix:name},
 * {@code EQ|GT|GE|LT|LE_quantity_UOM} and the sensor value families ({@code GE_value_CEL}, ...). Anything else
 * is a QueryParameterException naming the parameter. Identifiers are compared in canonical form (EPC URN or GS1
 * Digital Link alike), CBV values in any spelling (bare, URN, Web URI).
 */
public final class EventQuery {

    /** What the answer is ordered by; NONE keeps ledger order (the index id). */
    public enum Order {
        NONE("e.id"), EVENT_TIME("e.event_time"), RECORD_TIME("e.record_time");

        final String column;

        Order(String column) {
            this.column = column;
        }
    }

    /** One SQL condition with its JDBC parameters. */
    public record Predicate(String sql, List<Object> params) {
    }

    /** Namespaces known without a query {@code @context}. */
    public static final Map<String, String> KNOWN_PREFIXES = Map.of(
            "cbvmda", EpcisNamespaces.CBV_MASTER_DATA_ATTRIBUTES,
            "gs1", EpcisNamespaces.GS1_WEB_VOCABULARY,
            "gs1ushc", EpcisNamespaces.GS1_US_HEALTHCARE,
            "cbv", CbvVocabulary.WEB_URI_BASE,
            "epcis", EpcisNamespaces.EPCIS_TERMS,
            "sbdh", EpcisNamespaces.SBDH);

    private static final Set<String> LIST_PARAMETERS = Set.of("eventType", "EQ_action", "EQ_bizStep",
            "EQ_disposition", "EQ_persistentDisposition_set", "EQ_persistentDisposition_unset", "EQ_readPoint",
            "WD_readPoint", "EQ_bizLocation", "WD_bizLocation", "EQ_transformationID", "MATCH_epc", "MATCH_parentID",
            "MATCH_inputEPC", "MATCH_outputEPC", "MATCH_anyEPC", "MATCH_epcClass", "MATCH_inputEPCClass",
            "MATCH_outputEPCClass", "MATCH_anyEPCClass", "EQ_eventID", "EQ_errorReason", "EQ_correctiveEventID",
            "EQ_type", "EQ_deviceID", "EQ_dataProcessingMethod", "EQ_microorganism", "EQ_chemicalSubstance",
            "EQ_bizRules", "EQ_stringValue", "EQ_hexBinaryValue", "EQ_uriValue");

    private static final Set<String> EVENT_TYPES = Set.of("ObjectEvent", "AggregationEvent", "TransactionEvent",
            "TransformationEvent", "AssociationEvent");

    private static final Pattern BIZ_TRANSACTION = Pattern.compile("EQ_bizTransaction_(.+)");
    private static final Pattern SOURCE = Pattern.compile("EQ_source_(.+)");
    private static final Pattern DESTINATION = Pattern.compile("EQ_destination_(.+)");
    private static final Pattern FIELD = Pattern.compile(
            "(EQ|GT|GE|LT|LE|EXISTS)_(INNER_)?(ILMD_|ERROR_DECLARATION_|readPoint_|bizLocation_)?([A-Za-z][A-Za-z0-9]*):(\\w+)");
    private static final Pattern QUANTITY_UOM = Pattern.compile("(EQ|GT|GE|LT|LE)_quantity_([A-Z0-9]{2,4})");
    private static final Pattern SENSOR_VALUE = Pattern.compile(
            "(EQ|GT|GE|LT|LE)_(value|minValue|maxValue|meanValue|sDev|percValue)_([A-Z0-9]{2,4})");
    private static final Pattern PERC_RANK = Pattern.compile("(GT|GE|LT|LE)_percRank");
    private static final Pattern SENSOR_TIME = Pattern.compile("(GE|LT)_(time|startTime|endTime)");
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Pattern CANONICAL_NUMBER = Pattern.compile("-?(0|[1-9]\\d*)(\\.\\d+)?");
    private static final Pattern SPACED_OFFSET = Pattern.compile("(.*\\d) (\\d{2}:?\\d{2})$");

    private static final Map<String, String> SENSOR_ATTRIBUTES = Map.of(
            "EQ_type", "type", "EQ_deviceID", "deviceID", "EQ_dataProcessingMethod", "dataProcessingMethod",
            "EQ_microorganism", "microorganism", "EQ_chemicalSubstance", "chemicalSubstance", "EQ_bizRules", "bizRules",
            "EQ_stringValue", "stringValue", "EQ_hexBinaryValue", "hexBinaryValue", "EQ_uriValue", "uriValue");

    private final List<Predicate> predicates = new ArrayList<>();
    private Order order = Order.NONE;
    private boolean descending = true;
    private Integer eventCountLimit;
    private Integer maxEventCount;
    private String canonical;
    private boolean literalValues;

    private final QueryParameters parameters;
    private final Map<String, String> prefixes;

    private EventQuery(QueryParameters parameters, Map<String, String> configuredPrefixes) {
        this.parameters = parameters;
        this.prefixes = new LinkedHashMap<>(KNOWN_PREFIXES);
        prefixes.putAll(configuredPrefixes);
        parameters.prefixes().forEach((prefix, uri) -> prefixes.put(prefix, xmlNamespace(uri)));
        this.canonical = parameters.canonical();
        String orderDirection = null;
        for (Map.Entry<String, List<String>> p : parameters.raw().entrySet()) {
            String name = p.getKey();
            if (name.equals("orderDirection")) {
                orderDirection = single(name, p.getValue());
            } else {
                compile(name, p.getValue());
            }
        }
        if (orderDirection != null) {
            if (!orderDirection.equals("ASC") && !orderDirection.equals("DESC")) {
                throw QueryException.parameter("orderDirection", "orderDirection must be ASC or DESC, not '" + orderDirection + "'");
            }
            descending = orderDirection.equals("DESC");
        }
        if (eventCountLimit != null && maxEventCount != null) {
            throw QueryException.parameter("eventCountLimit", "eventCountLimit and maxEventCount exclude each other");
        }
        if (eventCountLimit != null && order == Order.NONE) {
            throw QueryException.parameter("eventCountLimit", "eventCountLimit needs orderBy");
        }
    }

    /** Compiles the parameters; {@code prefixes} adds namespaces for extension-field parameters. */
    public static EventQuery compile(QueryParameters parameters, Map<String, String> prefixes) {
        return new EventQuery(parameters, prefixes);
    }

    /**
     * Narrows this query by one more parameter whose value is taken as it is, not split at '|': the resource of a
     * path such as {@code /epcs/{epc}/events} or {@code /bizSteps/{bizStep}/events}.
     */
    public EventQuery and(String name, String value) {
        literalValues = true;
        try {
            compile(name, List.of(value));
        } finally {
            literalValues = false;
        }
        canonical = canonical + "@path:" + name + "=" + value + "\n";
        return this;
    }

    public List<Predicate> predicates() {
        return predicates;
    }

    public Order order() {
        return order;
    }

    /** Descending order (the REST binding's default when orderBy is given). */
    public boolean descending() {
        return order != Order.NONE && descending;
    }

    public Integer eventCountLimit() {
        return eventCountLimit;
    }

    public Integer maxEventCount() {
        return maxEventCount;
    }

    /** The parameters in canonical form, for binding page tokens. */
    public String canonical() {
        return canonical;
    }

    public QueryParameters parameters() {
        return parameters;
    }

    // ------------------------------------------------------------------ compiling one parameter

    private void compile(String name, List<String> raw) {
        switch (name) {
            case "eventType" -> {
                List<String> types = list(name, raw);
                for (String t : types) {
                    if (!EVENT_TYPES.contains(t) && !isUri(t)) {
                        throw QueryException.parameter(name, "'" + t + "' is not an EPCIS event type");
                    }
                }
                add("e.event_type = any(?)", array(types));
            }
            case "GE_eventTime" -> add("e.event_time >= ?", time(name, raw));
            case "LT_eventTime" -> add("e.event_time < ?", time(name, raw));
            case "GE_recordTime" -> add("e.record_time >= ?", time(name, raw));
            case "LT_recordTime" -> add("e.record_time < ?", time(name, raw));
            case "EQ_action" -> {
                List<String> actions = list(name, raw);
                for (String a : actions) {
                    if (!Set.of("ADD", "OBSERVE", "DELETE").contains(a)) {
                        throw QueryException.parameter(name, "EQ_action values are ADD, OBSERVE or DELETE, not '" + a + "'");
                    }
                }
                add("e.action = any(?)", array(actions));
            }
            case "EQ_bizStep" -> add("e.biz_step = any(?)", array(urns(CbvVocabulary.BIZ_STEP, name, raw)));
            case "EQ_disposition" -> add("e.disposition = any(?)", array(urns(CbvVocabulary.DISPOSITION, name, raw)));
            case "EQ_persistentDisposition_set" -> add(
                    "jsonb_exists_any(e.event_json -> 'persistentDisposition' -> 'set', ?)",
                    array(bareNames(CbvVocabulary.DISPOSITION, name, raw)));
            case "EQ_persistentDisposition_unset" -> add(
                    "jsonb_exists_any(e.event_json -> 'persistentDisposition' -> 'unset', ?)",
                    array(bareNames(CbvVocabulary.DISPOSITION, name, raw)));
            // No location hierarchy is kept (the ledger carries no master data): "with descendants" is the location.
            case "EQ_readPoint", "WD_readPoint" -> add("e.read_point = any(?)", array(keys(name, raw)));
            case "EQ_bizLocation", "WD_bizLocation" -> add("e.biz_location = any(?)", array(keys(name, raw)));
            case "EQ_transformationID" -> add("e.event_json ->> 'transformationID' = any(?)", array(list(name, raw)));
            case "MATCH_epc" -> epcs(name, raw, "'e', 'c'");
            case "MATCH_parentID" -> epcs(name, raw, "'p'");
            case "MATCH_inputEPC" -> epcs(name, raw, "'i'");
            case "MATCH_outputEPC" -> epcs(name, raw, "'o'");
            case "MATCH_anyEPC" -> epcs(name, raw, "'e', 'p', 'c', 'i', 'o'");
            case "MATCH_epcClass" -> classes(name, raw, "'q', 'c'");
            case "MATCH_inputEPCClass" -> classes(name, raw, "'i'");
            case "MATCH_outputEPCClass" -> classes(name, raw, "'o'");
            case "MATCH_anyEPCClass" -> classes(name, raw, "'q', 'c', 'i', 'o'");
            case "EQ_quantity" -> quantity(name, "=", raw, null);
            case "GT_quantity" -> quantity(name, ">", raw, null);
            case "GE_quantity" -> quantity(name, ">=", raw, null);
            case "LT_quantity" -> quantity(name, "<", raw, null);
            case "LE_quantity" -> quantity(name, "<=", raw, null);
            case "EQ_eventID" -> add("e.event_hash = any(?)", array(list(name, raw)));
            case "EXISTS_errorDeclaration" -> {
                if (bool(name, raw)) {
                    add("jsonb_exists(e.event_json, 'errorDeclaration')");
                }
            }
            case "GE_errorDeclarationTime", "GE_errorDeclaration_Time" -> add(
                    "(e.event_json -> 'errorDeclaration' ->> 'declarationTime')::timestamptz >= ?", time(name, raw));
            case "LT_errorDeclarationTime", "LT_errorDeclaration_Time" -> add(
                    "(e.event_json -> 'errorDeclaration' ->> 'declarationTime')::timestamptz < ?", time(name, raw));
            case "EQ_errorReason" -> add("e.event_json -> 'errorDeclaration' ->> 'reason' = any(?)",
                    array(bareNames(CbvVocabulary.ERROR_REASON, name, raw)));
            case "EQ_correctiveEventID" -> add(
                    "jsonb_exists_any(e.event_json -> 'errorDeclaration' -> 'correctiveEventIDs', ?)",
                    array(list(name, raw)));
            case "orderBy" -> {
                String by = single(name, raw);
                order = switch (by) {
                    case "eventTime" -> Order.EVENT_TIME;
                    case "recordTime" -> Order.RECORD_TIME;
                    default -> throw QueryException.parameter(name,
                            "orderBy supports eventTime and recordTime; '" + by + "' is not supported here");
                };
            }
            case "eventCountLimit" -> eventCountLimit = nonNegative(name, raw);
            case "maxEventCount" -> maxEventCount = nonNegative(name, raw);
            case "EXISTS_sensorElementList" -> add("jsonb_exists(e.event_json, 'sensorElementList')");
            case "EQ_booleanValue" -> {
                String v = single(name, raw);
                if (!v.equals("true") && !v.equals("false")) {
                    throw QueryException.parameter(name, "EQ_booleanValue is true or false, not '" + v + "'");
                }
                add(sensor("(%s ->> 'booleanValue') = ?"), v, v);
            }
            default -> compilePatterned(name, raw);
        }
    }

    private void compilePatterned(String name, List<String> raw) {
        if (SENSOR_ATTRIBUTES.containsKey(name)) {
            String attribute = SENSOR_ATTRIBUTES.get(name);
            List<String> values = list(name, raw);
            if (attribute.equals("type")) {
                values = values.stream().map(EventQuery::measurementType).toList();
            }
            Object array = array(values);
            add(sensor("(%s ->> '" + attribute + "') = any(?)"), array, array);
            return;
        }
        Matcher m;
        if ((m = SENSOR_TIME.matcher(name)).matches()) {
            String op = m.group(1).equals("GE") ? ">=" : "<";
            Object t = time(name, raw);
            add(sensor("(%s ->> '" + m.group(2) + "')::timestamptz " + op + " ?"), t, t);
        } else if ((m = SENSOR_VALUE.matcher(name)).matches()) {
            BigDecimal v = decimal(name, raw);
            String condition = "(r ->> 'uom') = ? and (r ->> '" + m.group(2) + "')::numeric " + operator(m.group(1)) + " ?";
            add(sensorReport(condition), m.group(3), v);
        } else if ((m = PERC_RANK.matcher(name)).matches()) {
            add(sensorReport("(r ->> 'percRank')::numeric " + operator(m.group(1)) + " ?"), decimal(name, raw));
        } else if ((m = QUANTITY_UOM.matcher(name)).matches()) {
            quantity(name, operator(m.group(1)), raw, m.group(2));
        } else if ((m = BIZ_TRANSACTION.matcher(name)).matches()) {
            String type = EventIndexEntry.typeName(CbvVocabulary.BIZ_TRANSACTION_TYPE, m.group(1));
            add("e.id in (select b.event_id from event_biz_transaction b where b.type = ? and b.value_key = any(?))",
                    type, array(keys(name, raw)));
        } else if ((m = SOURCE.matcher(name)).matches()) {
            party(name, raw, 's', m.group(1));
        } else if ((m = DESTINATION.matcher(name)).matches()) {
            party(name, raw, 'd', m.group(1));
        } else if ((m = FIELD.matcher(name)).matches()) {
            field(name, raw, m);
        } else {
            throw QueryException.parameter(name, "'" + name + "' is not a query parameter this repository knows");
        }
    }

    // ------------------------------------------------------------------ identifiers

    private void epcs(String name, List<String> raw, String roles) {
        List<String> exact = new ArrayList<>();
        List<String> likes = new ArrayList<>();
        for (String value : list(name, raw)) {
            requireUri(name, value);
            if (value.contains("*")) {
                likes.add(likeEscape(gtinPattern(name, value)) + "/21/%");
            } else {
                exact.add(Identifiers.key(value));
            }
        }
        StringBuilder sql = new StringBuilder("e.id in (select x.event_id from event_epc x where x.role in (")
                .append(roles).append(") and (x.epc_key = any(?)");
        List<Object> params = new ArrayList<>();
        params.add(array(exact));
        for (String like : likes) {
            sql.append(" or x.epc_key like ?");
            params.add(like);
        }
        predicates.add(new Predicate(sql.append("))").toString(), params));
    }

    private void classes(String name, List<String> raw, String roles) {
        List<String> exact = new ArrayList<>();
        List<String> likes = new ArrayList<>();
        for (String value : list(name, raw)) {
            requireUri(name, value);
            if (value.contains("*")) {
                String gtin = gtinPattern(name, value);
                exact.add(gtin);
                likes.add(likeEscape(gtin) + "/10/%");
            } else {
                exact.add(Identifiers.key(value));
            }
        }
        StringBuilder sql = new StringBuilder("e.id in (select q.event_id from event_epc_class q where q.role in (")
                .append(roles).append(") and (q.class_key = any(?)");
        List<Object> params = new ArrayList<>();
        params.add(array(exact));
        for (String like : likes) {
            sql.append(" or q.class_key like ?");
            params.add(like);
        }
        predicates.add(new Predicate(sql.append("))").toString(), params));
    }

    /** An item-level pattern (urn:epc:idpat:sgtin:CP.IR.*, or a Digital Link GTIN) as its GTIN's canonical Digital Link. */
    private static String gtinPattern(String name, String pattern) {
        if (pattern.startsWith("urn:epc:idpat:sgtin:") && pattern.endsWith(".*") && !pattern.contains("*.")) {
            Gs1Key key = Gs1Key.tryParse(pattern).orElse(null);
            if (key != null && key.type() == Gs1KeyType.GTIN) {
                return key.toDigitalLink();
            }
        }
        throw QueryException.parameter(name, "'" + pattern + "': the patterns supported are item-level ones, "
                + "urn:epc:idpat:sgtin:CompanyPrefix.ItemReference.* (every serial or lot of one GTIN)");
    }

    private void party(String name, List<String> raw, char kind, String type) {
        String typeName = EventIndexEntry.typeName(CbvVocabulary.SOURCE_DESTINATION_TYPE, type);
        add("e.id in (select s.event_id from event_source_destination s where s.kind = '" + kind
                + "' and s.type = ? and s.value_key = any(?))", typeName, array(keys(name, raw)));
    }

    private List<String> keys(String name, List<String> raw) {
        List<String> keys = new ArrayList<>();
        for (String value : list(name, raw)) {
            requireUri(name, value);
            keys.add(Identifiers.key(value));
        }
        return keys;
    }

    // ------------------------------------------------------------------ quantities, fields, sensors

    private void quantity(String name, String op, List<String> raw, String uom) {
        List<Object> params = new ArrayList<>();
        String condition;
        if (op.equals("=") && uom != null) {
            List<String> values = list(name, raw);
            List<BigDecimal> numbers = new ArrayList<>();
            for (String v : values) {
                numbers.add(decimal(name, List.of(v)));
            }
            condition = "q.quantity = any(?)";
            params.add(numbers.toArray(BigDecimal[]::new));
        } else {
            condition = "q.quantity " + op + " ?";
            params.add(decimal(name, raw));
        }
        if (uom != null) {
            condition += " and q.uom = ?";
            params.add(uom);
        }
        predicates.add(new Predicate("e.id in (select q.event_id from event_epc_class q where " + condition + ")", params));
    }

    private void field(String name, List<String> raw, Matcher m) {
        String op = m.group(1);
        boolean inner = m.group(2) != null;
        char scope = switch (m.group(3) == null ? "" : m.group(3)) {
            case "ILMD_" -> EventIndexEntry.SCOPE_ILMD;
            case "ERROR_DECLARATION_" -> EventIndexEntry.SCOPE_ERROR_DECLARATION;
            case "readPoint_" -> EventIndexEntry.SCOPE_READ_POINT;
            case "bizLocation_" -> EventIndexEntry.SCOPE_BIZ_LOCATION;
            default -> EventIndexEntry.SCOPE_EXTENSION;
        };
        String namespace = prefixes.get(m.group(4));
        if (namespace == null) {
            throw QueryException.parameter(name, "'" + name + "': the prefix '" + m.group(4) + "' is not declared "
                    + "(known: " + String.join(", ", prefixes.keySet()) + "; a named query may declare more in @context)");
        }
        List<Object> params = new ArrayList<>(List.of(String.valueOf(scope), !inner, namespace, m.group(5)));
        String condition;
        if (op.equals("EXISTS")) {
            condition = "true";
        } else if (op.equals("EQ")) {
            List<String> values = list(name, raw);
            condition = "(f.value_text = any(?)";
            params.add(array(values));
            if (values.size() == 1) {
                String v = values.get(0);
                if (CANONICAL_NUMBER.matcher(v).matches()) {
                    condition += " or f.value_numeric = ?";
                    params.add(new BigDecimal(v));
                }
                Instant t = optionalTime(v);
                if (t != null) {
                    condition += " or f.value_time = ?";
                    params.add(timestamp(t));
                }
            }
            condition += ")";
        } else {
            String v = single(name, raw);
            String sqlOp = operator(op);
            if (NUMBER.matcher(v).matches()) {
                condition = "f.value_numeric " + sqlOp + " ?";
                params.add(new BigDecimal(v));
            } else {
                Instant t = optionalTime(v);
                if (t == null) {
                    throw QueryException.parameter(name, "'" + name + "' compares numbers or times; '" + v + "' is neither");
                }
                condition = "f.value_time " + sqlOp + " ?";
                params.add(timestamp(t));
            }
        }
        predicates.add(new Predicate("e.id in (select f.event_id from event_field f where f.scope = cast(? as \"char\") "
                + "and f.top = ? and f.namespace = ? and f.name = ? and " + condition + ")", params));
    }

    /** A condition on a sensor attribute found in any sensorMetadata or sensorReport of the event ({@code %s}). */
    private static String sensor(String condition) {
        return "exists (select 1 from jsonb_array_elements(coalesce(e.event_json -> 'sensorElementList', '[]'::jsonb)) s "
                + "where " + String.format(condition, "(s -> 'sensorMetadata')") + " or exists (select 1 from "
                + "jsonb_array_elements(coalesce(s -> 'sensorReport', '[]'::jsonb)) r where " + String.format(condition, "r") + "))";
    }

    private static String sensorReport(String condition) {
        return "exists (select 1 from jsonb_array_elements(coalesce(e.event_json -> 'sensorElementList', '[]'::jsonb)) s, "
                + "jsonb_array_elements(coalesce(s -> 'sensorReport', '[]'::jsonb)) r where " + condition + ")";
    }

    /** A measurement type as JSON-LD spells the GS1 vocabulary's terms: bare ({@code Temperature}). */
    private static String measurementType(String type) {
        if (type.startsWith(EpcisNamespaces.GS1_WEB_VOCABULARY)) {
            return type.substring(EpcisNamespaces.GS1_WEB_VOCABULARY.length());
        }
        return type.startsWith("gs1:") ? type.substring(4) : type;
    }

    // ------------------------------------------------------------------ values

    private List<String> list(String name, List<String> raw) {
        List<String> values = new ArrayList<>();
        for (String r : raw) {
            boolean split = parameters.pipeDelimited() && !literalValues;
            if (split && (LIST_PARAMETERS.contains(name) || listFamily(name))) {
                for (String part : r.split("\\|", -1)) {
                    values.add(part.trim());
                }
            } else {
                values.add(r.trim());
            }
        }
        if (values.isEmpty() || values.stream().anyMatch(String::isEmpty)) {
            throw QueryException.parameter(name, "'" + name + "' needs one or more values (separated by '|')");
        }
        return values;
    }

    private static boolean listFamily(String name) {
        return name.startsWith("EQ_bizTransaction_") || name.startsWith("EQ_source_")
                || name.startsWith("EQ_destination_") || name.startsWith("EQ_") && name.contains(":")
                || QUANTITY_UOM.matcher(name).matches() && name.startsWith("EQ_");
    }

    private static String single(String name, List<String> raw) {
        if (raw.size() != 1 || raw.get(0).isBlank()) {
            throw QueryException.parameter(name, "'" + name + "' takes exactly one value");
        }
        return raw.get(0).trim();
    }

    private static Object time(String name, List<String> raw) {
        String text = single(name, raw);
        Instant t = parseQueryTime(text);
        if (t == null) {
            throw QueryException.parameter(name, "'" + name + "' must be a date-time with a time zone offset "
                    + "(e.g. 2024-03-01T00:00:00Z or 2024-03-01T00:00:00.000-05:00), not '" + text + "'");
        }
        return timestamp(t);
    }

    /** A query time: ISO 8601 with offset; a '+' the URL turned into a space is put back. */
    public static Instant parseQueryTime(String text) {
        Matcher spaced = SPACED_OFFSET.matcher(text);
        String t = spaced.matches() ? spaced.group(1) + "+" + spaced.group(2) : text;
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Instant optionalTime(String text) {
        if (text.length() < 10) {
            return null;
        }
        Instant t = parseQueryTime(text);
        if (t != null) {
            return t;
        }
        try {
            return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static BigDecimal decimal(String name, List<String> raw) {
        String text = single(name, raw);
        if (!NUMBER.matcher(text).matches()) {
            throw QueryException.parameter(name, "'" + name + "' must be a number, not '" + text + "'");
        }
        return new BigDecimal(text);
    }

    private static boolean bool(String name, List<String> raw) {
        if (raw.size() == 1 && raw.get(0).isEmpty()) {
            return true; // EXISTS_errorDeclaration with a null (JSON) or empty (URL) value means "exists"
        }
        String v = single(name, raw);
        if (v.equals("true")) {
            return true;
        }
        if (v.equals("false")) {
            return false;
        }
        throw QueryException.parameter(name, "'" + name + "' is true or false, not '" + v + "'");
    }

    private static Integer nonNegative(String name, List<String> raw) {
        String v = single(name, raw);
        try {
            int n = Integer.parseInt(v);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw QueryException.parameter(name, "'" + name + "' must be a non-negative integer, not '" + v + "'");
    }

    private List<String> urns(CbvVocabulary vocabulary, String name, List<String> raw) {
        List<String> values = list(name, raw);
        for (String v : values) {
            if (vocabulary.bareName(v) == null && !isUri(v)) {
                throw QueryException.parameter(name, "'" + v + "' is neither a CBV " + vocabularyName(vocabulary)
                        + " nor a URI");
            }
        }
        return values.stream().map(vocabulary::toUrn).toList();
    }

    private List<String> bareNames(CbvVocabulary vocabulary, String name, List<String> raw) {
        return urns(vocabulary, name, raw).stream().map(vocabulary::toBareName).toList();
    }

    private static String vocabularyName(CbvVocabulary vocabulary) {
        return switch (vocabulary) {
            case BIZ_STEP -> "business step";
            case DISPOSITION -> "disposition";
            case ERROR_REASON -> "error reason";
            default -> "term";
        };
    }

    private static void requireUri(String name, String value) {
        if (!isUri(value)) {
            throw QueryException.parameter(name, "'" + value + "' is not a URI (an EPC URN or a GS1 Digital Link)");
        }
    }

    private static boolean isUri(String value) {
        int colon = value.indexOf(':');
        return colon > 0 && value.chars().noneMatch(Character::isWhitespace)
                && value.substring(0, colon).matches("[A-Za-z][A-Za-z0-9+.-]*");
    }

    private static String operator(String op) {
        return switch (op) {
            case "EQ" -> "=";
            case "GT" -> ">";
            case "GE" -> ">=";
            case "LT" -> "<";
            case "LE" -> "<=";
            default -> throw new IllegalArgumentException(op);
        };
    }

    private static String likeEscape(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static String xmlNamespace(String uri) {
        // The standard context's cbvmda ends with ':' for concatenation; the model uses XML's namespace.
        return uri.equals(EpcisNamespaces.CBV_MASTER_DATA_ATTRIBUTES + ":") ? EpcisNamespaces.CBV_MASTER_DATA_ATTRIBUTES : uri;
    }

    private static Object array(List<String> values) {
        return values.toArray(String[]::new);
    }

    private static OffsetDateTime timestamp(Instant t) {
        return OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }

    private void add(String sql, Object... params) {
        predicates.add(new Predicate(sql, List.of(params)));
    }
}
