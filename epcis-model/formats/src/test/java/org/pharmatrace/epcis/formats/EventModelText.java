package org.pharmatrace.epcis.formats;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.xml.namespace.QName;
import org.pharmatrace.epcis.model.EpcisEvent;
import org.pharmatrace.epcis.model.ExtensionElement;
import org.pharmatrace.epcis.model.QuantityElement;
import org.pharmatrace.epcis.model.SensorElement;
import org.pharmatrace.gs1.Gs1Key;

/**
 * The meaning of an event as comparable text: one line per field, times as UTC instants (twins write the same instant
 * with different offsets), GS1 identifiers as their canonical Digital Link (a twin may use the URN on one side and a
 * Digital Link on the other), sensor numbers by value, extension names without the prefix their source used.
 */
final class EventModelText {

    private EventModelText() {
    }

    static String of(EpcisEvent e) {
        StringBuilder s = new StringBuilder();
        line(s, "type", e.getType());
        line(s, "eventTime", instant(e.getEventTime()));
        line(s, "eventTimeZoneOffset", e.getEventTimeZoneOffset());
        line(s, "recordTime", instant(e.getRecordTime()));
        line(s, "eventID", e.getEventId());
        line(s, "certificationInfo", e.getCertificationInfo());
        if (e.getErrorDeclaration() != null) {
            line(s, "errorDeclaration", instant(e.getErrorDeclaration().declarationTime()) + " "
                    + e.getErrorDeclaration().reason() + " " + e.getErrorDeclaration().correctiveEventIds() + " "
                    + extensions(e.getErrorDeclaration().extensions()));
        }
        line(s, "parentID", gs1(e.getParentId()));
        line(s, "epcList", gs1(e.getEpcList()));
        line(s, "childEPCs", gs1(e.getChildEpcs()));
        line(s, "quantityList", quantities(e.getQuantityList()));
        line(s, "childQuantityList", quantities(e.getChildQuantityList()));
        line(s, "inputEPCList", gs1(e.getInputEpcList()));
        line(s, "inputQuantityList", quantities(e.getInputQuantityList()));
        line(s, "outputEPCList", gs1(e.getOutputEpcList()));
        line(s, "outputQuantityList", quantities(e.getOutputQuantityList()));
        line(s, "transformationID", e.getTransformationId());
        line(s, "action", e.getAction());
        line(s, "bizStep", e.getBizStep());
        line(s, "disposition", e.getDisposition());
        line(s, "persistentDisposition", e.getPersistentDisposition());
        line(s, "readPoint", e.getReadPoint() == null ? null
                : gs1(e.getReadPoint().id()) + " " + extensions(e.getReadPoint().extensions()));
        line(s, "bizLocation", e.getBizLocation() == null ? null
                : gs1(e.getBizLocation().id()) + " " + extensions(e.getBizLocation().extensions()));
        line(s, "bizTransactionList", e.getBizTransactionList());
        line(s, "sourceList", e.getSourceList());
        line(s, "destinationList", e.getDestinationList());
        line(s, "sensorElementList", e.getSensorElementList().stream().map(EventModelText::sensor).toList());
        line(s, "ilmd", e.getIlmd() == null ? null : extensions(e.getIlmd()));
        line(s, "extensions", extensions(e.getExtensions()));
        return s.toString();
    }

    private static void line(StringBuilder s, String name, Object value) {
        if (value == null || value instanceof List<?> l && l.isEmpty()) {
            return;
        }
        s.append(name).append('=').append(value).append('\n');
    }

    /** Quantities by value: 10 and 10.0 are the same amount. */
    private static List<String> quantities(List<QuantityElement> list) {
        return list.stream().map(q -> gs1(q.epcClass()) + " "
                + (q.quantity() == null ? null : q.quantity().stripTrailingZeros().toPlainString()) + " " + q.uom()).toList();
    }

    private static List<String> gs1(List<String> ids) {
        return ids.stream().map(EventModelText::gs1).toList();
    }

    private static String gs1(String id) {
        return id == null ? null : Gs1Key.tryParse(id).map(Gs1Key::toDigitalLink).orElse(id);
    }

    private static String instant(String time) {
        if (time == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(time).withOffsetSameInstant(ZoneOffset.UTC).toInstant().toString();
        } catch (RuntimeException e) {
            return time;
        }
    }

    private static String sensor(SensorElement s) {
        return "metadata" + attributes(s.metadata()) + " reports" + s.reports().stream().map(EventModelText::attributes).toList()
                + " ext" + extensions(s.extensions());
    }

    private static String attributes(Map<QName, String> attributes) {
        return attributes.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.comparing(QName::toString)))
                .map(a -> a.getKey() + "=" + value(a.getKey().getLocalPart(), a.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
    }

    private static final java.util.Set<String> NUMERIC = java.util.Set.of(
            "value", "minValue", "maxValue", "meanValue", "sDev", "percRank", "percValue");

    private static String value(String attribute, String text) {
        if (attribute.endsWith("ime")) {
            return instant(text);
        }
        if (NUMERIC.contains(attribute)) {
            try {
                return new java.math.BigDecimal(text).stripTrailingZeros().toPlainString();
            } catch (NumberFormatException e) {
                return text;
            }
        }
        return text;
    }

    /** Extensions as a set of trees: the order of sibling members is not meaningful in JSON-LD. */
    private static String extensions(List<ExtensionElement> elements) {
        return elements.stream().map(EventModelText::extension).sorted().toList().toString();
    }

    private static String extension(ExtensionElement x) {
        String name = x.name().toString();
        return x.isLeaf() ? name + "=" + x.text() : name + extensions(x.children());
    }
}
