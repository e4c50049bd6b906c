package org.pharmatrace.epcis.jsonld;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.namespace.QName;
import org.pharmatrace.epcis.cbv.SensorCodeList;
import org.pharmatrace.epcis.cbv.CbvVocabulary;
import org.pharmatrace.epcis.cbv.EpcisNamespaces;
import org.pharmatrace.epcis.jsonld.JsonValue.JsonObject;
import org.pharmatrace.epcis.jsonld.JsonValue.JsonScalar;
import org.pharmatrace.epcis.model.Action;
import org.pharmatrace.epcis.model.BizTransaction;
import org.pharmatrace.epcis.model.ErrorDeclaration;
import org.pharmatrace.epcis.model.EpcisEvent;
import org.pharmatrace.epcis.model.EventType;
import org.pharmatrace.epcis.model.ExtensionElement;
import org.pharmatrace.epcis.model.Location;
import org.pharmatrace.epcis.model.PersistentDisposition;
import org.pharmatrace.epcis.model.QuantityElement;
import org.pharmatrace.epcis.model.SensorElement;
import org.pharmatrace.epcis.model.SourceDestination;

/**
 * Maps one JSON-LD event object onto the model: CBV terms to URNs, sensor vocabulary to full IRIs, members in
 * other namespaces to extensions. Fails on anything it cannot place, naming the member and where it is.
 */
final class EventDecoder {

    private static final Set<String> SENSOR_METADATA_MEMBERS = Set.of("time", "deviceID", "deviceMetadata", "rawData",
            "startTime", "endTime", "dataProcessingMethod", "bizRules");
    private static final Set<String> SENSOR_REPORT_MEMBERS = Set.of("type", "exception", "deviceID", "deviceMetadata",
            "rawData", "dataProcessingMethod", "bizRules", "time", "microorganism", "chemicalSubstance",
            "coordinateReferenceSystem", "value", "component", "stringValue", "booleanValue", "hexBinaryValue",
            "uriValue", "minValue", "maxValue", "meanValue", "sDev", "percRank", "percValue", "uom");

    private EventDecoder() {
    }

    static EpcisEvent decode(JsonObject tree, long eventIndex, JsonLdContext documentContext) {
        DecodingScope scope = new DecodingScope(eventIndex, documentContext);
        if (tree.get("@context") != null) {
            scope = scope.withContext(tree.get("@context"));
        }
        EpcisEvent event = new EpcisEvent(eventType(tree, scope));
        for (var member : tree.members().entrySet()) {
            member(event, member.getKey(), member.getValue(), scope);
        }
        return event;
    }

    private static EventType eventType(JsonObject tree, DecodingScope scope) {
        JsonValue value = scope.required(tree, "type", "type");
        String name = scope.string(value, "type");
        String iri = scope.context().expandValue(name);
        String local = iri.startsWith(EpcisNamespaces.EPCIS_TERMS) ? iri.substring(EpcisNamespaces.EPCIS_TERMS.length())
                : name;
        EventType type = EventType.fromLocalName(local);
        if (type == null) {
            throw scope.fail(value, "type", "unknown event type '" + name
                    + "' (expected ObjectEvent, AggregationEvent, TransactionEvent, TransformationEvent or AssociationEvent)");
        }
        return type;
    }

    private static void member(EpcisEvent event, String name, JsonValue value, DecodingScope scope) {
        switch (name) {
            case "@context", "type" -> {
            }
            case "eventTime" -> event.setEventTime(scope.string(value, name));
            case "recordTime" -> event.setRecordTime(scope.string(value, name));
            case "eventTimeZoneOffset" -> event.setEventTimeZoneOffset(scope.string(value, name));
            case "eventID" -> event.setEventId(scope.string(value, name));
            case "certificationInfo" -> event.getCertificationInfo().addAll(stringOrStrings(value, name, scope));
            case "errorDeclaration" -> event.setErrorDeclaration(errorDeclaration(value, scope));
            case "parentID" -> event.setParentId(scope.string(value, name));
            case "epcList" -> event.getEpcList().addAll(scope.strings(value, name));
            case "childEPCs" -> event.getChildEpcs().addAll(scope.strings(value, name));
            case "inputEPCList" -> event.getInputEpcList().addAll(scope.strings(value, name));
            case "outputEPCList" -> event.getOutputEpcList().addAll(scope.strings(value, name));
            case "quantityList" -> event.getQuantityList().addAll(quantities(value, name, scope));
            case "childQuantityList" -> event.getChildQuantityList().addAll(quantities(value, name, scope));
            case "inputQuantityList" -> event.getInputQuantityList().addAll(quantities(value, name, scope));
            case "outputQuantityList" -> event.getOutputQuantityList().addAll(quantities(value, name, scope));
            case "transformationID" -> event.setTransformationId(scope.string(value, name));
            case "action" -> event.setAction(action(value, scope));
            case "bizStep" -> event.setBizStep(cbv(CbvVocabulary.BIZ_STEP, value, name, scope));
            case "disposition" -> event.setDisposition(cbv(CbvVocabulary.DISPOSITION, value, name, scope));
            case "persistentDisposition" -> event.setPersistentDisposition(persistentDisposition(value, scope));
            case "readPoint" -> event.setReadPoint(location(value, name, scope));
            case "bizLocation" -> event.setBizLocation(location(value, name, scope));
            case "bizTransactionList" -> bizTransactions(event.getBizTransactionList(), value, scope);
            case "sourceList" -> sourcesOrDestinations(event.getSourceList(), value, name, "source", scope);
            case "destinationList" ->
                    sourcesOrDestinations(event.getDestinationList(), value, name, "destination", scope);
            case "sensorElementList" -> sensorElements(event.getSensorElementList(), value, scope);
            case "ilmd" -> event.setIlmd(ilmd(value, scope));
            default -> {
                if (name.startsWith("@")) {
                    throw scope.fail(value, name, "JSON-LD keyword not supported in an event");
                }
                ExtensionDecoder.addTopLevel(name, value, scope, name, event.getExtensions());
            }
        }
    }

    /** A CBV term in any spelling (bare, URN, Web URI, CURIE) as the model's URN; custom IRIs expanded, kept. */
    static String cbv(CbvVocabulary vocabulary, JsonValue value, String member, DecodingScope scope) {
        String text = scope.string(value, member);
        if (vocabulary.bareName(text) != null) {
            return vocabulary.toUrn(text);
        }
        return vocabulary.toUrn(scope.context().expandValue(text));
    }

    private static List<String> stringOrStrings(JsonValue value, String member, DecodingScope scope) {
        return value instanceof JsonScalar ? List.of(scope.string(value, member)) : scope.strings(value, member);
    }

    private static Action action(JsonValue value, DecodingScope scope) {
        String text = scope.string(value, "action");
        return switch (text) {
            case "ADD" -> Action.ADD;
            case "OBSERVE" -> Action.OBSERVE;
            case "DELETE" -> Action.DELETE;
            default -> throw scope.fail(value, "action", "unknown action '" + text + "' (expected ADD, OBSERVE or DELETE)");
        };
    }

    private static List<QuantityElement> quantities(JsonValue value, String member, DecodingScope scope) {
        List<JsonValue> items = scope.array(value, member);
        List<QuantityElement> quantities = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            String path = member + "[" + i + "]";
            JsonObject object = scope.object(items.get(i), path);
            String epcClass = null;
            BigDecimal quantity = null;
            String uom = null;
            for (var m : object.members().entrySet()) {
                String memberPath = path + "." + m.getKey();
                switch (m.getKey()) {
                    case "epcClass" -> epcClass = scope.string(m.getValue(), memberPath);
                    case "quantity" -> quantity = number(m.getValue(), memberPath, scope);
                    case "uom" -> uom = scope.string(m.getValue(), memberPath);
                    default -> throw scope.fail(m.getValue(), memberPath,
                            "unknown member of a quantity element (expected epcClass, quantity, uom)");
                }
            }
            if (epcClass == null) {
                throw scope.fail(object, path, "required member 'epcClass' is missing");
            }
            quantities.add(new QuantityElement(epcClass, quantity, uom));
        }
        return quantities;
    }

    private static BigDecimal number(JsonValue value, String member, DecodingScope scope) {
        if (value instanceof JsonScalar s && s.kind() == JsonScalar.Kind.NUMBER) {
            return new BigDecimal(s.text());
        }
        throw scope.fail(value, member, "expected a number, found " + value.describe());
    }

    private static ErrorDeclaration errorDeclaration(JsonValue value, DecodingScope scope) {
        JsonObject object = scope.object(value, "errorDeclaration");
        String declarationTime = null;
        String reason = null;
        List<String> corrective = List.of();
        List<ExtensionElement> extensions = new ArrayList<>();
        for (var m : object.members().entrySet()) {
            String path = "errorDeclaration." + m.getKey();
            switch (m.getKey()) {
                case "declarationTime" -> declarationTime = scope.string(m.getValue(), path);
                case "reason" -> reason = cbv(CbvVocabulary.ERROR_REASON, m.getValue(), path, scope);
                case "correctiveEventIDs" -> corrective = scope.strings(m.getValue(), path);
                default -> ExtensionDecoder.addTopLevel(m.getKey(), m.getValue(), scope, path, extensions);
            }
        }
        return new ErrorDeclaration(declarationTime, reason, corrective, extensions);
    }

    private static PersistentDisposition persistentDisposition(JsonValue value, DecodingScope scope) {
        JsonObject object = scope.object(value, "persistentDisposition");
        List<String> set = new ArrayList<>();
        List<String> unset = new ArrayList<>();
        for (var m : object.members().entrySet()) {
            String path = "persistentDisposition." + m.getKey();
            List<String> target = switch (m.getKey()) {
                case "set" -> set;
                case "unset" -> unset;
                default -> throw scope.fail(m.getValue(), path, "unknown member (expected set or unset)");
            };
            List<JsonValue> items = scope.array(m.getValue(), path);
            for (int i = 0; i < items.size(); i++) {
                target.add(cbv(CbvVocabulary.DISPOSITION, items.get(i), path + "[" + i + "]", scope));
            }
        }
        return new PersistentDisposition(set, unset);
    }

    private static Location location(JsonValue value, String member, DecodingScope scope) {
        JsonObject object = scope.object(value, member);
        String id = scope.string(scope.required(object, "id", member), member + ".id");
        List<ExtensionElement> extensions = new ArrayList<>();
        for (var m : object.members().entrySet()) {
            if (!m.getKey().equals("id")) {
                ExtensionDecoder.addTopLevel(m.getKey(), m.getValue(), scope, member + "." + m.getKey(), extensions);
            }
        }
        return new Location(id, extensions);
    }

    private static void bizTransactions(List<BizTransaction> out, JsonValue value, DecodingScope scope) {
        List<JsonValue> items = scope.array(value, "bizTransactionList");
        for (int i = 0; i < items.size(); i++) {
            String path = "bizTransactionList[" + i + "]";
            JsonObject object = scope.object(items.get(i), path);
            String type = null;
            String id = null;
            for (var m : object.members().entrySet()) {
                switch (m.getKey()) {
                    case "type" -> type = cbv(CbvVocabulary.BIZ_TRANSACTION_TYPE, m.getValue(), path + ".type", scope);
                    case "bizTransaction" -> id = scope.string(m.getValue(), path + ".bizTransaction");
                    default -> throw scope.fail(m.getValue(), path + "." + m.getKey(),
                            "unknown member of a business transaction (expected type, bizTransaction)");
                }
            }
            if (id == null) {
                throw scope.fail(object, path, "required member 'bizTransaction' is missing");
            }
            out.add(new BizTransaction(type, id));
        }
    }

    private static void sourcesOrDestinations(List<SourceDestination> out, JsonValue value, String member,
                                              String idMember, DecodingScope scope) {
        List<JsonValue> items = scope.array(value, member);
        for (int i = 0; i < items.size(); i++) {
            String path = member + "[" + i + "]";
            JsonObject object = scope.object(items.get(i), path);
            String type = null;
            String id = null;
            for (var m : object.members().entrySet()) {
                if (m.getKey().equals("type")) {
                    type = cbv(CbvVocabulary.SOURCE_DESTINATION_TYPE, m.getValue(), path + ".type", scope);
                } else if (m.getKey().equals(idMember)) {
                    id = scope.string(m.getValue(), path + "." + idMember);
                } else {
                    throw scope.fail(m.getValue(), path + "." + m.getKey(),
                            "unknown member (expected type, " + idMember + ")");
                }
            }
            if (type == null || id == null) {
                throw scope.fail(object, path, "required member '" + (type == null ? "type" : idMember)
                        + "' is missing");
            }
            out.add(new SourceDestination(type, id));
        }
    }

    private static void sensorElements(List<SensorElement> out, JsonValue value, DecodingScope scope) {
        List<JsonValue> items = scope.array(value, "sensorElementList");
        for (int i = 0; i < items.size(); i++) {
            String path = "sensorElementList[" + i + "]";
            JsonObject object = scope.object(items.get(i), path);
            Map<QName, String> metadata = Map.of();
            List<Map<QName, String>> reports = new ArrayList<>();
            List<ExtensionElement> extensions = new ArrayList<>();
            for (var m : object.members().entrySet()) {
                String memberPath = path + "." + m.getKey();
                switch (m.getKey()) {
                    case "sensorMetadata" -> metadata = sensorAttributes(m.getValue(), SENSOR_METADATA_MEMBERS,
                            false, memberPath, scope);
                    case "sensorReport" -> {
                        List<JsonValue> reportItems = scope.array(m.getValue(), memberPath);
                        for (int r = 0; r < reportItems.size(); r++) {
                            reports.add(sensorAttributes(reportItems.get(r), SENSOR_REPORT_MEMBERS, true,
                                    memberPath + "[" + r + "]", scope));
                        }
                    }
                    default -> ExtensionDecoder.addTopLevel(m.getKey(), m.getValue(), scope, memberPath, extensions);
                }
            }
            out.add(new SensorElement(metadata, reports, extensions));
        }
    }

    /**
     * Standard attributes get no namespace (as in XML); IRI-named ones keep theirs. In reports, the type,
     * exception and component values are vocabulary terms and become full IRIs.
     */
    private static Map<QName, String> sensorAttributes(JsonValue value, Set<String> standard, boolean report,
                                                       String path, DecodingScope scope) {
        JsonObject object = scope.object(value, path);
        Map<QName, String> attributes = new LinkedHashMap<>();
        for (var m : object.members().entrySet()) {
            String name = m.getKey();
            String memberPath = path + "." + name;
            String text = scope.scalarText(m.getValue(), memberPath);
            if (standard.contains(name)) {
                SensorCodeList vocabulary = report ? SensorCodeList.forReportAttribute(name) : null;
                if (vocabulary != null) {
                    String iri = vocabulary.toIri(text);
                    text = iri.equals(text) ? scope.context().expandValue(text) : iri;
                } else if (SensorCodeList.IRI_VALUED_ATTRIBUTES.contains(name)) {
                    text = scope.context().expandValue(text);
                }
                attributes.put(new QName(name), text);
            } else {
                attributes.put(ExtensionDecoder.namespacedName(name, m.getValue(), scope, memberPath), text);
            }
        }
        return attributes;
    }

    private static List<ExtensionElement> ilmd(JsonValue value, DecodingScope scope) {
        List<ExtensionElement> ilmd = new ArrayList<>();
        for (var m : scope.object(value, "ilmd").members().entrySet()) {
            ExtensionDecoder.addTopLevel(m.getKey(), m.getValue(), scope, "ilmd." + m.getKey(), ilmd);
        }
        return ilmd;
    }
}
