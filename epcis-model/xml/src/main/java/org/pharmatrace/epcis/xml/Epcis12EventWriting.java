package org.pharmatrace.epcis.xml;

import static org.pharmatrace.epcis.xml.SharedFieldsWriting.element;
import static org.pharmatrace.epcis.xml.SharedFieldsWriting.epcs;
import static org.pharmatrace.epcis.xml.SharedFieldsWriting.quantities;

import jakarta.xml.bind.JAXBElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;
import org.pharmatrace.epcis.io.EpcisFormatException;
import org.pharmatrace.epcis.model.EpcisEvent;
import org.pharmatrace.epcis.model.ErrorDeclaration;
import org.pharmatrace.epcis.model.ExtensionElement;
import org.pharmatrace.epcis.xml.bind.v12.AggregationEventExtension2Type;
import org.pharmatrace.epcis.xml.bind.v12.AggregationEventExtensionType;
import org.pharmatrace.epcis.xml.bind.v12.AggregationEventType;
import org.pharmatrace.epcis.xml.bind.v12.EPCISEventExtension2Type;
import org.pharmatrace.epcis.xml.bind.v12.EPCISEventExtensionType;
import org.pharmatrace.epcis.xml.bind.v12.EPCISEventType;
import org.pharmatrace.epcis.xml.bind.v12.ErrorDeclarationExtensionType;
import org.pharmatrace.epcis.xml.bind.v12.ErrorDeclarationType;
import org.pharmatrace.epcis.xml.bind.v12.ObjectEventExtension2Type;
import org.pharmatrace.epcis.xml.bind.v12.ObjectEventExtensionType;
import org.pharmatrace.epcis.xml.bind.v12.ObjectEventType;
import org.pharmatrace.epcis.xml.bind.v12.TransactionEventExtension2Type;
import org.pharmatrace.epcis.xml.bind.v12.TransactionEventExtensionType;
import org.pharmatrace.epcis.xml.bind.v12.TransactionEventType;
import org.pharmatrace.epcis.xml.bind.v12.TransformationEventExtensionType;
import org.pharmatrace.epcis.xml.bind.v12.TransformationEventType;
import org.pharmatrace.epcis.xml.bind.v2.AssociationEventExtensionType;
import org.pharmatrace.epcis.xml.bind.v2.AssociationEventType;
import org.pharmatrace.epcis.xml.bind.v2.CorrectiveEventIDsType;
import org.pharmatrace.epcis.xml.bind.v2.PersistentDispositionType;
import org.pharmatrace.epcis.xml.bind.v2.SensorElementListType;

/**
 * Maps a model event to EPCIS 1.2 XML, the mirror of {@link Epcis12EventReading}: eventID, errorDeclaration and
 * certificationInfo go in {@code baseExtension}; quantity, source and destination lists and ILMD in the event's
 * {@code extension}; sensorElementList and persistentDisposition in the innermost extension, as GS1's 2.0-to-1.2
 * conversion does. TransformationEvent goes in an EventList extension and AssociationEvent, which 1.2 lacks, in
 * EventList/extension/extension with its 2.0 content: the 1.2 XSD leaves that slot open (lax {@code ##local}),
 * so the document stays valid and 1.2 readers that do not know the event skip it.
 */
final class Epcis12EventWriting {

    /** The element to marshal and how many {@code <extension>} elements of the EventList enclose it. */
    record Placement(JAXBElement<?> element, int eventListExtensionDepth) {
    }

    private static final String CERTIFICATION_INFO = "certificationInfo";

    private final SharedFieldsWriting shared;

    Epcis12EventWriting(SharedFieldsWriting shared) {
        this.shared = shared;
    }

    Placement toXml(EpcisEvent e) {
        EventFieldRules.check(e);
        return switch (e.getType()) {
            case OBJECT_EVENT -> new Placement(element("ObjectEvent", ObjectEventType.class, objectEvent(e)), 0);
            case AGGREGATION_EVENT -> new Placement(element("AggregationEvent", AggregationEventType.class, aggregationEvent(e)), 0);
            case TRANSACTION_EVENT -> new Placement(element("TransactionEvent", TransactionEventType.class, transactionEvent(e)), 0);
            case TRANSFORMATION_EVENT ->
                    new Placement(element("TransformationEvent", TransformationEventType.class, transformationEvent(e)), 1);
            case ASSOCIATION_EVENT -> new Placement(element("AssociationEvent", AssociationEventType.class, associationEvent(e)), 2);
        };
    }

    private ObjectEventType objectEvent(EpcisEvent e) {
        ObjectEventType o = new ObjectEventType();
        List<Object> eventLevel = new ArrayList<>();
        base(e, o, eventLevel);
        o.setEpcList(epcs(e.getEpcList(), true));
        o.setAction(e.getAction().name());
        o.setBizStep(shared.iri(e.getBizStep()));
        o.setDisposition(shared.iri(e.getDisposition()));
        o.setReadPoint(shared.readPoint(e.getReadPoint()));
        o.setBizLocation(shared.bizLocation(e.getBizLocation()));
        o.setBizTransactionList(shared.bizTransactions(e.getBizTransactionList(), false));
        ObjectEventExtensionType ext = new ObjectEventExtensionType();
        ext.setQuantityList(quantities(e.getQuantityList()));
        ext.setSourceList(shared.sources(e.getSourceList()));
        ext.setDestinationList(shared.destinations(e.getDestinationList()));
        ext.setIlmd(shared.ilmd(e.getIlmd()));
        ObjectEventExtension2Type ext2 = new ObjectEventExtension2Type();
        if (innermost(e, ext2.getOtherAttributes(), ext2.getAny(), eventLevel)) {
            ext.setExtension(ext2);
        }
        if (ext.getQuantityList() != null || ext.getSourceList() != null || ext.getDestinationList() != null
                || ext.getIlmd() != null || ext.getExtension() != null) {
            o.setExtension(ext);
        }
        o.getAny().addAll(eventLevel);
        return o;
    }

    private AggregationEventType aggregationEvent(EpcisEvent e) {
        AggregationEventType a = new AggregationEventType();
        List<Object> eventLevel = new ArrayList<>();
        base(e, a, eventLevel);
        a.setParentID(e.getParentId());
        a.setChildEPCs(epcs(e.getChildEpcs(), true));
        a.setAction(e.getAction().name());
        a.setBizStep(shared.iri(e.getBizStep()));
        a.setDisposition(shared.iri(e.getDisposition()));
        a.setReadPoint(shared.readPoint(e.getReadPoint()));
        a.setBizLocation(shared.bizLocation(e.getBizLocation()));
        a.setBizTransactionList(shared.bizTransactions(e.getBizTransactionList(), false));
        AggregationEventExtensionType ext = new AggregationEventExtensionType();
        ext.setChildQuantityList(quantities(e.getChildQuantityList()));
        ext.setSourceList(shared.sources(e.getSourceList()));
        ext.setDestinationList(shared.destinations(e.getDestinationList()));
        AggregationEventExtension2Type ext2 = new AggregationEventExtension2Type();
        if (innermost(e, ext2.getOtherAttributes(), ext2.getAny(), eventLevel)) {
            ext.setExtension(ext2);
        }
        if (ext.getChildQuantityList() != null || ext.getSourceList() != null || ext.getDestinationList() != null
                || ext.getExtension() != null) {
            a.setExtension(ext);
        }
        a.getAny().addAll(eventLevel);
        return a;
    }

    private TransactionEventType transactionEvent(EpcisEvent e) {
        TransactionEventType t = new TransactionEventType();
        List<Object> eventLevel = new ArrayList<>();
        base(e, t, eventLevel);
        t.setBizTransactionList(shared.bizTransactions(e.getBizTransactionList(), true));
        t.setParentID(e.getParentId());
        t.setEpcList(epcs(e.getEpcList(), true));
        t.setAction(e.getAction().name());
        t.setBizStep(shared.iri(e.getBizStep()));
        t.setDisposition(shared.iri(e.getDisposition()));
        t.setReadPoint(shared.readPoint(e.getReadPoint()));
        t.setBizLocation(shared.bizLocation(e.getBizLocation()));
        TransactionEventExtensionType ext = new TransactionEventExtensionType();
        ext.setQuantityList(quantities(e.getQuantityList()));
        ext.setSourceList(shared.sources(e.getSourceList()));
        ext.setDestinationList(shared.destinations(e.getDestinationList()));
        TransactionEventExtension2Type ext2 = new TransactionEventExtension2Type();
        if (innermost(e, ext2.getOtherAttributes(), ext2.getAny(), eventLevel)) {
            ext.setExtension(ext2);
        }
        if (ext.getQuantityList() != null || ext.getSourceList() != null || ext.getDestinationList() != null
                || ext.getExtension() != null) {
            t.setExtension(ext);
        }
        t.getAny().addAll(eventLevel);
        return t;
    }

    private TransformationEventType transformationEvent(EpcisEvent e) {
        TransformationEventType t = new TransformationEventType();
        List<Object> eventLevel = new ArrayList<>();
        base(e, t, eventLevel);
        t.setInputEPCList(epcs(e.getInputEpcList(), false));
        t.setInputQuantityList(quantities(e.getInputQuantityList()));
        t.setOutputEPCList(epcs(e.getOutputEpcList(), false));
        t.setOutputQuantityList(quantities(e.getOutputQuantityList()));
        t.setTransformationID(e.getTransformationId());
        t.setBizStep(shared.iri(e.getBizStep()));
        t.setDisposition(shared.iri(e.getDisposition()));
        t.setReadPoint(shared.readPoint(e.getReadPoint()));
        t.setBizLocation(shared.bizLocation(e.getBizLocation()));
        t.setBizTransactionList(shared.bizTransactions(e.getBizTransactionList(), false));
        t.setSourceList(shared.sources(e.getSourceList()));
        t.setDestinationList(shared.destinations(e.getDestinationList()));
        t.setIlmd(shared.ilmd(e.getIlmd()));
        TransformationEventExtensionType ext = new TransformationEventExtensionType();
        if (innermost(e, ext.getOtherAttributes(), ext.getAny(), eventLevel)) {
            t.setExtension(ext);
        }
        t.getAny().addAll(eventLevel);
        return t;
    }

    /** The 2.0 element, with the 1.2 conventions for what 1.2 keeps in baseExtension. */
    private AssociationEventType associationEvent(EpcisEvent e) {
        AssociationEventType a = new AssociationEventType();
        a.setEventTime(e.getEventTime());
        a.setRecordTime(e.getRecordTime());
        a.setEventTimeZoneOffset(e.getEventTimeZoneOffset());
        List<Object> eventLevel = new ArrayList<>();
        EPCISEventExtensionType base = baseExtension(e, eventLevel);
        if (base != null) {
            org.pharmatrace.epcis.xml.bind.v2.EPCISEventExtensionType ext =
                    new org.pharmatrace.epcis.xml.bind.v2.EPCISEventExtensionType();
            ext.getOtherAttributes().putAll(base.getOtherAttributes());
            if (base.getEventID() != null) {
                ext.getAny().add(element("eventID", String.class, base.getEventID()));
            }
            if (base.getErrorDeclaration() != null) {
                ext.getAny().add(element("errorDeclaration", ErrorDeclarationType.class, base.getErrorDeclaration()));
            }
            if (base.getExtension() != null) {
                ext.getAny().add(element("extension", EPCISEventExtension2Type.class, base.getExtension()));
            }
            a.setBaseExtension(ext);
        }
        a.setParentID(e.getParentId());
        a.setChildEPCs(epcs(e.getChildEpcs(), false));
        a.setChildQuantityList(quantities(e.getChildQuantityList()));
        a.setAction(e.getAction().name());
        a.setBizStep(shared.iri(e.getBizStep()));
        a.setDisposition(shared.iri(e.getDisposition()));
        a.setReadPoint(shared.readPoint(e.getReadPoint()));
        a.setBizLocation(shared.bizLocation(e.getBizLocation()));
        a.setBizTransactionList(shared.bizTransactions(e.getBizTransactionList(), false));
        a.setSourceList(shared.sources(e.getSourceList()));
        a.setDestinationList(shared.destinations(e.getDestinationList()));
        a.setSensorElementList(shared.sensorElements(e.getSensorElementList()));
        a.setPersistentDisposition(shared.persistentDisposition(e.getPersistentDisposition()));
        ExtensionElement wrapper = ExtensionSlots.find(e.getExtensions(), ExtensionSlots.EXTENSION);
        if (wrapper != null) {
            AssociationEventExtensionType ext = new AssociationEventExtensionType();
            ext.getOtherAttributes().putAll(wrapper.attributes());
            ext.getAny().addAll(shared.wildcards().toAny(wrapper.children()));
            a.setExtension(ext);
        }
        a.getAny().addAll(shared.other(ExtensionSlots.withoutWrappers(e.getExtensions(), ExtensionSlots.EXTENSION,
                ExtensionSlots.BASE_EXTENSION), "AssociationEvent"));
        a.getAny().addAll(eventLevel);
        return a;
    }

    private void base(EpcisEvent e, EPCISEventType t, List<Object> eventLevel) {
        t.setEventTime(e.getEventTime());
        t.setRecordTime(e.getRecordTime());
        t.setEventTimeZoneOffset(e.getEventTimeZoneOffset());
        t.setBaseExtension(baseExtension(e, eventLevel));
        eventLevel.addAll(0, shared.other(ExtensionSlots.withoutWrappers(e.getExtensions(), ExtensionSlots.EXTENSION,
                ExtensionSlots.BASE_EXTENSION), e.getType().localName()));
    }

    /**
     * eventID, errorDeclaration, and in its own extension the certificationInfo and unqualified content of the
     * model's baseExtension wrapper; qualified content of that wrapper has no place there and goes to the event.
     */
    private EPCISEventExtensionType baseExtension(EpcisEvent e, List<Object> eventLevel) {
        List<ExtensionElement> local = new ArrayList<>();
        for (String certification : e.getCertificationInfo()) {
            local.add(ExtensionElement.leaf(new QName(CERTIFICATION_INFO), certification));
        }
        ExtensionElement wrapper = ExtensionSlots.find(e.getExtensions(), ExtensionSlots.BASE_EXTENSION);
        if (wrapper != null) {
            for (ExtensionElement child : wrapper.children()) {
                if (ExtensionSlots.hasNamespace(child)) {
                    eventLevel.addAll(shared.other(List.of(child), "baseExtension"));
                } else {
                    local.add(child);
                }
            }
        }
        if (e.getEventId() == null && e.getErrorDeclaration() == null && local.isEmpty()) {
            return null;
        }
        EPCISEventExtensionType ext = new EPCISEventExtensionType();
        ext.setEventID(e.getEventId());
        ext.setErrorDeclaration(errorDeclaration(e.getErrorDeclaration()));
        if (!local.isEmpty()) {
            EPCISEventExtension2Type ext2 = new EPCISEventExtension2Type();
            if (wrapper != null) {
                ext2.getOtherAttributes().putAll(wrapper.attributes());
            }
            ext2.getAny().addAll(shared.local(local, "baseExtension/extension"));
            ext.setExtension(ext2);
        }
        return ext;
    }

    /**
     * Fills the innermost (unqualified) event extension: sensor data, persistent disposition and the unqualified
     * content of the model's extension wrapper. Qualified wrapper content goes to the event's user extensions.
     *
     * @return whether anything was put there
     */
    private boolean innermost(EpcisEvent e, Map<QName, String> attributes, List<Object> any, List<Object> eventLevel) {
        SensorElementListType sensors = shared.sensorElements(e.getSensorElementList());
        if (sensors != null) {
            any.add(element("sensorElementList", SensorElementListType.class, sensors));
        }
        PersistentDispositionType pd = shared.persistentDisposition(e.getPersistentDisposition());
        if (pd != null) {
            any.add(element("persistentDisposition", PersistentDispositionType.class, pd));
        }
        ExtensionElement wrapper = ExtensionSlots.find(e.getExtensions(), ExtensionSlots.EXTENSION);
        if (wrapper != null) {
            attributes.putAll(wrapper.attributes());
            for (ExtensionElement child : wrapper.children()) {
                if (ExtensionSlots.hasNamespace(child)) {
                    eventLevel.addAll(shared.other(List.of(child), "extension"));
                } else {
                    any.addAll(shared.local(List.of(child), "extension"));
                }
            }
        }
        return !any.isEmpty() || !attributes.isEmpty();
    }

    private ErrorDeclarationType errorDeclaration(ErrorDeclaration d) {
        if (d == null) {
            return null;
        }
        if (d.declarationTime() == null) {
            throw new EpcisFormatException("errorDeclaration lacks declarationTime, required in EPCIS 1.2 XML", -1,
                    "declarationTime", null);
        }
        ErrorDeclarationType type = new ErrorDeclarationType();
        type.setDeclarationTime(d.declarationTime());
        type.setReason(shared.iri(d.reason()));
        if (!d.correctiveEventIds().isEmpty()) {
            CorrectiveEventIDsType ids = new CorrectiveEventIDsType();
            ids.getCorrectiveEventID().addAll(d.correctiveEventIds());
            type.setCorrectiveEventIDs(ids);
        }
        ExtensionElement wrapper = ExtensionSlots.find(d.extensions(), ExtensionSlots.EXTENSION);
        if (wrapper != null) {
            ErrorDeclarationExtensionType ext = new ErrorDeclarationExtensionType();
            ext.getOtherAttributes().putAll(wrapper.attributes());
            ext.getAny().addAll(shared.local(wrapper.children(), "errorDeclaration/extension"));
            type.setExtension(ext);
        }
        type.getAny().addAll(shared.other(ExtensionSlots.withoutWrappers(d.extensions(), ExtensionSlots.EXTENSION),
                "errorDeclaration"));
        return type;
    }
}
