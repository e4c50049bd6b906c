package org.pharmatrace.epcis.jsonld;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.namespace.QName;
import org.pharmatrace.epcis.model.EpcisDocumentInfo;
import org.pharmatrace.epcis.model.EpcisEvent;
import org.pharmatrace.epcis.model.EpcisHeader;
import org.pharmatrace.epcis.model.ExtensionElement;

/**
 * A canonical text form of a document model, one line per field, so two models compare with a readable diff.
 * QNames are shown as {namespace}local: the prefix a source used is a hint, not part of the value.
 */
final class ModelDump {

    private ModelDump() {
    }

    static String of(EpcisDocumentInfo document, List<EpcisEvent> events) {
        StringBuilder out = new StringBuilder();
        out.append("kind=").append(document.getKind()).append('\n')
                .append("schemaVersion=").append(document.getSchemaVersion()).append('\n')
                .append("creationDate=").append(document.getCreationDate()).append('\n')
                .append("documentId=").append(document.getDocumentId()).append('\n')
                .append("sender=").append(document.getSender()).append('\n')
                .append("receiver=").append(document.getReceiver()).append('\n')
                .append("instanceIdentifier=").append(document.getInstanceIdentifier()).append('\n')
                .append("queryName=").append(document.getQueryName()).append('\n')
                .append("subscriptionId=").append(document.getSubscriptionId()).append('\n')
                .append("namespaces=").append(namespaces(document.getNamespaces())).append('\n');
        header(document.getHeader(), out);
        out.append("extensions=").append(extensions(document.getExtensions())).append('\n');
        for (int i = 0; i < events.size(); i++) {
            event(i, events.get(i), out);
        }
        return out.toString();
    }

    /**
     * The document's namespaces, except redefinitions of the standard context's prefixes: the writer does not
     * repeat those (the standard context protects its prefixes), it gives the namespace a fresh prefix instead.
     */
    private static Map<String, String> namespaces(Map<String, String> namespaces) {
        Map<String, String> shown = new TreeMap<>(namespaces);
        shown.entrySet().removeIf(n -> JsonLdContext.STANDARD_PREFIXES.containsKey(n.getKey())
                && !JsonLdContext.STANDARD_PREFIXES.get(n.getKey()).equals(n.getValue()));
        return shown;
    }

    private static void header(EpcisHeader header, StringBuilder out) {
        out.append("sbdh=").append(header.standardBusinessDocumentHeader() == null ? null
                : extension(header.standardBusinessDocumentHeader())).append('\n');
        header.masterData().forEach(v -> out.append("vocabulary=").append(v.type()).append(' ')
                .append(v.elements().stream().map(e -> e.id() + " " + e.attributes().stream()
                        .map(a -> a.id() + "=" + a.text() + extensions(a.value())).toList() + " children="
                        + e.children() + " ext=" + extensions(e.extensions())).toList())
                .append(" ext=").append(extensions(v.extensions())).append('\n'));
        out.append("headerExtensions=").append(extensions(header.extensions())).append('\n');
    }

    private static void event(int i, EpcisEvent e, StringBuilder out) {
        String p = "event[" + i + "].";
        line(out, p + "type", e.getType());
        line(out, p + "eventTime", e.getEventTime());
        line(out, p + "eventTimeZoneOffset", e.getEventTimeZoneOffset());
        line(out, p + "recordTime", e.getRecordTime());
        line(out, p + "eventId", e.getEventId());
        line(out, p + "certificationInfo", e.getCertificationInfo());
        line(out, p + "errorDeclaration", e.getErrorDeclaration() == null ? null
                : e.getErrorDeclaration().declarationTime() + " " + e.getErrorDeclaration().reason() + " "
                + e.getErrorDeclaration().correctiveEventIds() + " "
                + extensions(e.getErrorDeclaration().extensions()));
        line(out, p + "parentId", e.getParentId());
        line(out, p + "epcList", e.getEpcList());
        line(out, p + "childEpcs", e.getChildEpcs());
        line(out, p + "quantityList", e.getQuantityList());
        line(out, p + "childQuantityList", e.getChildQuantityList());
        line(out, p + "inputEpcList", e.getInputEpcList());
        line(out, p + "inputQuantityList", e.getInputQuantityList());
        line(out, p + "outputEpcList", e.getOutputEpcList());
        line(out, p + "outputQuantityList", e.getOutputQuantityList());
        line(out, p + "transformationId", e.getTransformationId());
        line(out, p + "action", e.getAction());
        line(out, p + "bizStep", e.getBizStep());
        line(out, p + "disposition", e.getDisposition());
        line(out, p + "persistentDisposition", e.getPersistentDisposition());
        line(out, p + "readPoint", e.getReadPoint() == null ? null
                : e.getReadPoint().id() + extensions(e.getReadPoint().extensions()));
        line(out, p + "bizLocation", e.getBizLocation() == null ? null
                : e.getBizLocation().id() + extensions(e.getBizLocation().extensions()));
        line(out, p + "bizTransactionList", e.getBizTransactionList());
        line(out, p + "sourceList", e.getSourceList());
        line(out, p + "destinationList", e.getDestinationList());
        line(out, p + "sensorElementList", e.getSensorElementList().stream().map(s -> attributes(s.metadata())
                + " " + s.reports().stream().map(ModelDump::attributes).toList() + " "
                + extensions(s.extensions())).toList());
        line(out, p + "ilmd", e.getIlmd() == null ? null : extensions(e.getIlmd()));
        line(out, p + "extensions", extensions(e.getExtensions()));
    }

    private static void line(StringBuilder out, String name, Object value) {
        out.append(name).append('=').append(value).append('\n');
    }

    private static String attributes(Map<QName, String> attributes) {
        List<String> shown = new ArrayList<>();
        attributes.forEach((k, v) -> shown.add(k + "=" + v));
        return shown.toString();
    }

    private static List<String> extensions(List<ExtensionElement> elements) {
        return elements.stream().map(ModelDump::extension).toList();
    }

    private static String extension(ExtensionElement e) {
        return e.name() + (e.attributes().isEmpty() ? "" : attributes(e.attributes()))
                + (e.text() == null ? "" : "'" + e.text() + "'")
                + (e.children().isEmpty() ? "" : extensions(e.children()).toString());
    }
}
