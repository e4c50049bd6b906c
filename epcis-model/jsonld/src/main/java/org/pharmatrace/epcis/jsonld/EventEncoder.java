package org.pharmatrace.epcis.jsonld;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.namespace.QName;
import org.pharmatrace.epcis.cbv.SensorCodeList;
import org.pharmatrace.epcis.cbv.CbvVocabulary;
import org.pharmatrace.epcis.io.EpcisFormatException;
import org.pharmatrace.epcis.model.BizTransaction;
import org.pharmatrace.epcis.model.EpcisEvent;
import org.pharmatrace.epcis.model.EventType;
import org.pharmatrace.epcis.model.Location;
import org.pharmatrace.epcis.model.QuantityElement;
import org.pharmatrace.epcis.model.SensorElement;
import org.pharmatrace.epcis.model.SourceDestination;

/**
 * Writes one event as a JSON-LD object in the member order of the standard's examples (the XML schema's order for
 * its type). CBV URNs and standard sensor IRIs go back to bare terms, other vocabulary values stay full IRIs;
 * sensor values get their JSON types. Fields the event's type does not normally carry are still
 * written, after the others, so nothing in the model is dropped.
 */
final class EventEncoder {

    /** The type-specific members, one constant per member, each writing itself only when the event has it. */
    private enum Member {
        EPC_LIST, QUANTITY_LIST, PARENT_ID, CHILD_EPCS, CHILD_QUANTITY_LIST, INPUT_EPC_LIST, INPUT_QUANTITY_LIST,
        OUTPUT_EPC_LIST, OUTPUT_QUANTITY_LIST, TRANSFORMATION_ID, ACTION, BIZ_STEP, DISPOSITION,
        PERSISTENT_DISPOSITION, READ_POINT, BIZ_LOCATION, BIZ_TRANSACTION_LIST, SOURCE_LIST, DESTINATION_LIST,
        SENSOR_ELEMENT_LIST, ILMD
    }

    private static final List<Member> AFTER_BIZ_STEP = List.of(Member.DISPOSITION, Member.PERSISTENT_DISPOSITION,
            Member.READ_POINT, Member.BIZ_LOCATION);

    private static final Map<EventType, List<Member>> ORDER = Map.of(
            EventType.OBJECT_EVENT, order(List.of(Member.EPC_LIST, Member.QUANTITY_LIST, Member.ACTION,
                    Member.BIZ_STEP), AFTER_BIZ_STEP, List.of(Member.BIZ_TRANSACTION_LIST, Member.SOURCE_LIST,
                    Member.DESTINATION_LIST, Member.SENSOR_ELEMENT_LIST, Member.ILMD)),
            EventType.AGGREGATION_EVENT, order(List.of(Member.PARENT_ID, Member.CHILD_EPCS,
                    Member.CHILD_QUANTITY_LIST, Member.ACTION, Member.BIZ_STEP), AFTER_BIZ_STEP, List.of(
                    Member.BIZ_TRANSACTION_LIST, Member.SOURCE_LIST, Member.DESTINATION_LIST,
                    Member.SENSOR_ELEMENT_LIST)),
            EventType.ASSOCIATION_EVENT, order(List.of(Member.PARENT_ID, Member.CHILD_EPCS,
                    Member.CHILD_QUANTITY_LIST, Member.ACTION, Member.BIZ_STEP), AFTER_BIZ_STEP, List.of(
                    Member.BIZ_TRANSACTION_LIST, Member.SOURCE_LIST, Member.DESTINATION_LIST,
                    Member.SENSOR_ELEMENT_LIST)),
            EventType.TRANSACTION_EVENT, order(List.of(Member.BIZ_TRANSACTION_LIST, Member.PARENT_ID,
                    Member.EPC_LIST, Member.QUANTITY_LIST, Member.ACTION, Member.BIZ_STEP), AFTER_BIZ_STEP, List.of(
                    Member.SOURCE_LIST, Member.DESTINATION_LIST, Member.SENSOR_ELEMENT_LIST)),
            EventType.TRANSFORMATION_EVENT, order(List.of(Member.INPUT_EPC_LIST, Member.INPUT_QUANTITY_LIST,
                    Member.OUTPUT_EPC_LIST, Member.OUTPUT_QUANTITY_LIST, Member.TRANSFORMATION_ID,
                    Member.BIZ_STEP), AFTER_BIZ_STEP, List.of(Member.BIZ_TRANSACTION_LIST, Member.SOURCE_LIST,
                    Member.DESTINATION_LIST, Member.SENSOR_ELEMENT_LIST, Member.ILMD)));

    private static final Set<String> NUMERIC_SENSOR_VALUES = Set.of("value", "minValue", "maxValue", "meanValue",
            "sDev", "percRank", "percValue");
    private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    private final JsonGenerator out;

    EventEncoder(JsonGenerator out) {
        this.out = out;
    }

    @SafeVarargs
    private static List<Member> order(List<Member>... parts) {
        EnumSet<Member> seen = EnumSet.noneOf(Member.class);
        List<Member> all = new ArrayList<>();
        for (List<Member> part : parts) {
            all.addAll(part);
            seen.addAll(part);
        }
        for (Member m : Member.values()) {
            if (!seen.contains(m)) {
                all.add(m);
            }
        }
        return List.copyOf(all);
    }

    void write(EpcisEvent event, long index, PrefixScope documentScope) throws IOException {
        if (event.getType() == null) {
            throw new EpcisFormatException("Cannot write event " + index + " as JSON-LD: it has no event type",
                    index, "type", null);
        }
        PrefixScope scope = documentScope.child();
        declareNamespaces(event, scope);
        out.writeStartObject();
        out.writeStringField("type", event.getType().localName());
        if (!scope.declared().isEmpty()) {
            out.writeObjectFieldStart("@context");
            for (var binding : scope.declared().entrySet()) {
                out.writeStringField(binding.getKey(), binding.getValue());
            }
            out.writeEndObject();
        }
        stringField("eventTime", event.getEventTime());
        stringField("eventTimeZoneOffset", event.getEventTimeZoneOffset());
        stringField("recordTime", event.getRecordTime());
        stringField("eventID", event.getEventId());
        certificationInfo(event.getCertificationInfo());
        errorDeclaration(event, scope);
        for (Member member : ORDER.get(event.getType())) {
            member(member, event, scope);
        }
        ExtensionEncoder.writeMembers(event.getExtensions(), out, scope);
        out.writeEndObject();
    }

    private static void declareNamespaces(EpcisEvent event, PrefixScope scope) {
        if (event.getErrorDeclaration() != null) {
            ExtensionEncoder.declareNamespaces(event.getErrorDeclaration().extensions(), scope);
        }
        for (Location location : new Location[] {event.getReadPoint(), event.getBizLocation()}) {
            if (location != null) {
                ExtensionEncoder.declareNamespaces(location.extensions(), scope);
            }
        }
        for (SensorElement sensor : event.getSensorElementList()) {
            sensor.metadata().keySet().forEach(scope::memberName);
            sensor.reports().forEach(report -> report.keySet().forEach(scope::memberName));
            ExtensionEncoder.declareNamespaces(sensor.extensions(), scope);
        }
        if (event.getIlmd() != null) {
            ExtensionEncoder.declareNamespaces(event.getIlmd(), scope);
        }
        ExtensionEncoder.declareNamespaces(event.getExtensions(), scope);
    }

    private void member(Member member, EpcisEvent e, PrefixScope scope) throws IOException {
        switch (member) {
            case EPC_LIST -> {
                // ObjectEvent and TransactionEvent need an epcList when they have no quantities (JSON schema)
                boolean required = (e.getType() == EventType.OBJECT_EVENT || e.getType() == EventType.TRANSACTION_EVENT)
                        && e.getQuantityList().isEmpty();
                if (required || !e.getEpcList().isEmpty()) {
                    stringArray("epcList", e.getEpcList());
                }
            }
            case QUANTITY_LIST -> quantities("quantityList", e.getQuantityList());
            case PARENT_ID -> stringField("parentID", e.getParentId());
            case CHILD_EPCS -> stringArrayIfAny("childEPCs", e.getChildEpcs());
            case CHILD_QUANTITY_LIST -> quantities("childQuantityList", e.getChildQuantityList());
            case INPUT_EPC_LIST -> stringArrayIfAny("inputEPCList", e.getInputEpcList());
            case INPUT_QUANTITY_LIST -> quantities("inputQuantityList", e.getInputQuantityList());
            case OUTPUT_EPC_LIST -> stringArrayIfAny("outputEPCList", e.getOutputEpcList());
            case OUTPUT_QUANTITY_LIST -> quantities("outputQuantityList", e.getOutputQuantityList());
            case TRANSFORMATION_ID -> stringField("transformationID", e.getTransformationId());
            case ACTION -> stringField("action", e.getAction() == null ? null : e.getAction().name());
            case BIZ_STEP -> cbvField("bizStep", CbvVocabulary.BIZ_STEP, e.getBizStep());
            case DISPOSITION -> cbvField("disposition", CbvVocabulary.DISPOSITION, e.getDisposition());
            case PERSISTENT_DISPOSITION -> persistentDisposition(e);
            case READ_POINT -> location("readPoint", e.getReadPoint(), scope);
            case BIZ_LOCATION -> location("bizLocation", e.getBizLocation(), scope);
            case BIZ_TRANSACTION_LIST -> bizTransactions(e.getBizTransactionList());
            case SOURCE_LIST -> sourcesOrDestinations("sourceList", "source", e.getSourceList());
            case DESTINATION_LIST ->
                    sourcesOrDestinations("destinationList", "destination", e.getDestinationList());
            case SENSOR_ELEMENT_LIST -> sensorElements(e.getSensorElementList(), scope);
            case ILMD -> {
                if (e.getIlmd() != null) {
                    out.writeObjectFieldStart("ilmd");
                    ExtensionEncoder.writeMembers(e.getIlmd(), out, scope);
                    out.writeEndObject();
                }
            }
        }
    }

    private void stringField(String name, String value) throws IOException {
        if (value != null) {
            out.writeStringField(name, value);
        }
    }

    private void stringArrayIfAny(String name, List<String> values) throws IOException {
        if (!values.isEmpty()) {
            stringArray(name, values);
        }
    }

    private void stringArray(String name, List<String> values) throws IOException {
        out.writeArrayFieldStart(name);
        for (String v : values) {
            out.writeString(v);
        }
        out.writeEndArray();
    }

    private void certificationInfo(List<String> certificates) throws IOException {
        if (certificates.size() == 1) {
            out.writeStringField("certificationInfo", certificates.get(0));
        } else if (!certificates.isEmpty()) {
            stringArray("certificationInfo", certificates);
        }
    }

    /**
     * A CBV term bare; any other value as the model has it (a full IRI). Compacting custom IRIs with document
     * prefixes would be valid JSON-LD, but many consumers read EPCIS JSON as plain JSON and compare strings.
     */
    static String cbvTerm(CbvVocabulary vocabulary, String value) {
        return vocabulary.toBareName(value);
    }

    private void cbvField(String name, CbvVocabulary vocabulary, String value) throws IOException {
        if (value != null) {
            out.writeStringField(name, cbvTerm(vocabulary, value));
        }
    }

    private void errorDeclaration(EpcisEvent event, PrefixScope scope) throws IOException {
        var declaration = event.getErrorDeclaration();
        if (declaration == null) {
            return;
        }
        out.writeObjectFieldStart("errorDeclaration");
        stringField("declarationTime", declaration.declarationTime());
        cbvField("reason", CbvVocabulary.ERROR_REASON, declaration.reason());
        if (!declaration.correctiveEventIds().isEmpty()) {
            stringArray("correctiveEventIDs", declaration.correctiveEventIds());
        }
        ExtensionEncoder.writeMembers(declaration.extensions(), out, scope);
        out.writeEndObject();
    }

    private void quantities(String name, List<QuantityElement> quantities) throws IOException {
        if (quantities.isEmpty()) {
            return;
        }
        out.writeArrayFieldStart(name);
        for (QuantityElement q : quantities) {
            out.writeStartObject();
            stringField("epcClass", q.epcClass());
            if (q.quantity() != null) {
                out.writeFieldName("quantity");
                out.writeNumber(q.quantity());
            }
            stringField("uom", q.uom());
            out.writeEndObject();
        }
        out.writeEndArray();
    }

    private void persistentDisposition(EpcisEvent event) throws IOException {
        var persistent = event.getPersistentDisposition();
        if (persistent == null) {
            return;
        }
        out.writeObjectFieldStart("persistentDisposition");
        dispositions("set", persistent.set());
        dispositions("unset", persistent.unset());
        out.writeEndObject();
    }

    private void dispositions(String name, List<String> values) throws IOException {
        if (values.isEmpty()) {
            return;
        }
        out.writeArrayFieldStart(name);
        for (String v : values) {
            out.writeString(cbvTerm(CbvVocabulary.DISPOSITION, v));
        }
        out.writeEndArray();
    }

    private void location(String name, Location location, PrefixScope scope) throws IOException {
        if (location == null) {
            return;
        }
        out.writeObjectFieldStart(name);
        stringField("id", location.id());
        ExtensionEncoder.writeMembers(location.extensions(), out, scope);
        out.writeEndObject();
    }

    private void bizTransactions(List<BizTransaction> transactions) throws IOException {
        if (transactions.isEmpty()) {
            return;
        }
        out.writeArrayFieldStart("bizTransactionList");
        for (BizTransaction t : transactions) {
            out.writeStartObject();
            if (t.type() != null) {
                out.writeStringField("type", cbvTerm(CbvVocabulary.BIZ_TRANSACTION_TYPE, t.type()));
            }
            stringField("bizTransaction", t.value());
            out.writeEndObject();
        }
        out.writeEndArray();
    }

    private void sourcesOrDestinations(String name, String idMember, List<SourceDestination> entries)
            throws IOException {
        if (entries.isEmpty()) {
            return;
        }
        out.writeArrayFieldStart(name);
        for (SourceDestination entry : entries) {
            out.writeStartObject();
            if (entry.type() != null) {
                out.writeStringField("type", cbvTerm(CbvVocabulary.SOURCE_DESTINATION_TYPE, entry.type()));
            }
            stringField(idMember, entry.value());
            out.writeEndObject();
        }
        out.writeEndArray();
    }

    private void sensorElements(List<SensorElement> sensors, PrefixScope scope) throws IOException {
        if (sensors.isEmpty()) {
            return;
        }
        out.writeArrayFieldStart("sensorElementList");
        for (SensorElement sensor : sensors) {
            out.writeStartObject();
            if (!sensor.metadata().isEmpty()) {
                out.writeObjectFieldStart("sensorMetadata");
                sensorAttributes(sensor.metadata(), scope);
                out.writeEndObject();
            }
            out.writeArrayFieldStart("sensorReport");
            for (Map<QName, String> report : sensor.reports()) {
                out.writeStartObject();
                sensorAttributes(report, scope);
                out.writeEndObject();
            }
            out.writeEndArray();
            ExtensionEncoder.writeMembers(sensor.extensions(), out, scope);
            out.writeEndObject();
        }
        out.writeEndArray();
    }

    private void sensorAttributes(Map<QName, String> attributes, PrefixScope scope) throws IOException {
        for (var attribute : attributes.entrySet()) {
            QName name = attribute.getKey();
            String value = attribute.getValue();
            out.writeFieldName(scope.memberName(name));
            if (!name.getNamespaceURI().isEmpty() || value == null) {
                writeStringOrNull(value);
                continue;
            }
            String local = name.getLocalPart();
            SensorCodeList codeList = SensorCodeList.forReportAttribute(local);
            if (codeList != null) {
                // a term of the list is written bare, whether the model holds its IRI or a gs1:/cbv: compact IRI
                String bare = codeList.bareName(JsonLdContext.STANDARD.expandValue(value));
                out.writeString(bare != null ? bare : value);
            } else if (NUMERIC_SENSOR_VALUES.contains(local) && JSON_NUMBER.matcher(value).matches()) {
                out.writeNumber(value);
            } else if (local.equals("booleanValue") && (value.equals("true") || value.equals("false"))) {
                out.writeBoolean(Boolean.parseBoolean(value));
            } else {
                // not a JSON number or boolean (e.g. XML's INF or 1): kept as text rather than changed
                out.writeString(value);
            }
        }
    }

    private void writeStringOrNull(String value) throws IOException {
        if (value == null) {
            out.writeNull();
        } else {
            out.writeString(value);
        }
    }
}
