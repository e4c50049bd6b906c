package org.pharmatrace.epcis.xml;

import static org.pharmatrace.epcis.xml.SharedFieldsWriting.epcs;
import static org.pharmatrace.epcis.xml.SharedFieldsWriting.quantities;

import jakarta.xml.bind.JAXBElement;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;
import org.pharmatrace.epcis.io.EpcisFormatException;
import org.pharmatrace.epcis.model.EpcisEvent;
import org.pharmatrace.epcis.model.ErrorDeclaration;
import org.pharmatrace.epcis.model.ExtensionElement;
import org.pharmatrace.epcis.xml.bind.v2.AggregationEventExtensionType;
import org.pharmatrace.epcis.xml.bind.v2.AggregationEventType;
import org.pharmatrace.epcis.xml.bind.v2.AssociationEventExtensionType;
import org.pharmatrace.epcis.xml.bind.v2.AssociationEventType;
import org.pharmatrace.epcis.xml.bind.v2.CorrectiveEventIDsType;
import org.pharmatrace.epcis.xml.bind.v2.EPCISEventExtensionType;
import org.pharmatrace.epcis.xml.bind.v2.EPCISEventType;
import org.pharmatrace.epcis.xml.bind.v2.ErrorDeclarationExtensionType;
import org.pharmatrace.epcis.xml.bind.v2.ErrorDeclarationType;
import org.pharmatrace.epcis.xml.bind.v2.ObjectEventExtensionType;
import org.pharmatrace.epcis.xml.bind.v2.ObjectEventType;
import org.pharmatrace.epcis.xml.bind.v2.ObjectFactory;
import org.pharmatrace.epcis.xml.bind.v2.TransactionEventExtensionType;
import org.pharmatrace.epcis.xml.bind.v2.TransactionEventType;
import org.pharmatrace.epcis.xml.bind.v2.TransformationEventExtensionType;
import org.pharmatrace.epcis.xml.bind.v2.TransformationEventType;

/** Maps a model event to the EPCIS 2.0 generated types, as the element to marshal into an EventList. */
final class Epcis20EventWriting {

    private static final ObjectFactory FACTORY = new ObjectFactory();

    private final SharedFieldsWriting shared;

    Epcis20EventWriting(SharedFieldsWriting shared) {
        this.shared = shared;
    }

    JAXBElement<? extends EPCISEventType> toXml(EpcisEvent e) {
        EventFieldRules.check(e);
        return switch (e.getType()) {
            case OBJECT_EVENT -> element("ObjectEvent", ObjectEventType.class, objectEvent(e));
            case AGGREGATION_EVENT -> element("AggregationEvent", AggregationEventType.class, aggregationEvent(e));
            case TRANSACTION_EVENT -> element("TransactionEvent", TransactionEventType.class, transactionEvent(e));
            case TRANSFORMATION_EVENT -> element("TransformationEvent", TransformationEventType.class, transformationEvent(e));
            case ASSOCIATION_EVENT -> element("AssociationEvent", AssociationEventType.class, associationEvent(e));
        };
    }

    private static <T extends EPCISEventType> JAXBElement<T> element(String name, Class<T> type, T value) {
        return new JAXBElement<>(new QName(name), type, value);
    }

    private ObjectEventType objectEvent(EpcisEvent e) {
        ObjectEventType o = new ObjectEventType();
        base(e, o);
        o.setEpcList(epcs(e.getEpcList(), false));
        o.setAction(e.getAction().name());
        o.setBizStep(shared.iri(e.getBizStep()));
        o.setDisposition(shared.iri(e.getDisposition()));
        o.setReadPoint(shared.readPoint(e.getReadPoint()));
        o.setBizLocation(shared.bizLocation(e.getBizLocation()));
        o.setBizTransactionList(shared.bizTransactions(e.getBizTransactionList(), false));
        o.setQuantityList(quantities(e.getQuantityList()));
        o.setSourceList(shared.sources(e.getSourceList()));
        o.setDestinationList(shared.destinations(e.getDestinationList()));
        o.setSensorElementList(shared.sensorElements(e.getSensorElementList()));
        o.setPersistentDisposition(shared.persistentDisposition(e.getPersistentDisposition()));
        o.setIlmd(shared.ilmd(e.getIlmd()));
        ExtensionElement wrapper = wrapper(e);
        if (wrapper != null) {
            ObjectEventExtensionType ext = new ObjectEventExtensionType();
            fill(wrapper, ext.getOtherAttributes(), ext.getAny());
            o.setExtension(ext);
        }
        o.getAny().addAll(userExtensions(e));
        return o;
    }

    private AggregationEventType aggregationEvent(EpcisEvent e) {
        AggregationEventType a = new AggregationEventType();
        base(e, a);
        a.setParentID(e.getParentId());
        a.setChildEPCs(epcs(e.getChildEpcs(), false));
        a.setAction(e.getAction().name());
        a.setBizStep(shared.iri(e.getBizStep()));
        a.setDisposition(shared.iri(e.getDisposition()));
        a.setReadPoint(shared.readPoint(e.getReadPoint()));
        a.setBizLocation(shared.bizLocation(e.getBizLocation()));
        a.setBizTransactionList(shared.bizTransactions(e.getBizTransactionList(), false));
        a.setChildQuantityList(quantities(e.getChildQuantityList()));
        a.setSourceList(shared.sources(e.getSourceList()));
        a.setDestinationList(shared.destinations(e.getDestinationList()));
        a.setSensorElementList(shared.sensorElements(e.getSensorElementList()));
        a.setPersistentDisposition(shared.persistentDisposition(e.getPersistentDisposition()));
        ExtensionElement wrapper = wrapper(e);
        if (wrapper != null) {
            AggregationEventExtensionType ext = new AggregationEventExtensionType();
            fill(wrapper, ext.getOtherAttributes(), ext.getAny());
            a.setExtension(ext);
        }
        a.getAny().addAll(userExtensions(e));
        return a;
    }

    private TransactionEventType transactionEvent(EpcisEvent e) {
        TransactionEventType t = new TransactionEventType();
        base(e, t);
        t.setBizTransactionList(shared.bizTransactions(e.getBizTransactionList(), true));
        t.setParentID(e.getParentId());
        t.setEpcList(epcs(e.getEpcList(), false));
        t.setAction(e.getAction().name());
        t.setBizStep(shared.iri(e.getBizStep()));
        t.setDisposition(shared.iri(e.getDisposition()));
        t.setReadPoint(shared.readPoint(e.getReadPoint()));
        t.setBizLocation(shared.bizLocation(e.getBizLocation()));
        t.setQuantityList(quantities(e.getQuantityList()));
        t.setSourceList(shared.sources(e.getSourceList()));
        t.setDestinationList(shared.destinations(e.getDestinationList()));
        t.setSensorElementList(shared.sensorElements(e.getSensorElementList()));
        t.setPersistentDisposition(shared.persistentDisposition(e.getPersistentDisposition()));
        ExtensionElement wrapper = wrapper(e);
        if (wrapper != null) {
            TransactionEventExtensionType ext = new TransactionEventExtensionType();
            fill(wrapper, ext.getOtherAttributes(), ext.getAny());
            t.setExtension(ext);
        }
        t.getAny().addAll(userExtensions(e));
        return t;
    }

    private TransformationEventType transformationEvent(EpcisEvent e) {
        TransformationEventType t = new TransformationEventType();
        base(e, t);
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
        t.setSensorElementList(shared.sensorElements(e.getSensorElementList()));
        t.setPersistentDisposition(shared.persistentDisposition(e.getPersistentDisposition()));
        t.setIlmd(shared.ilmd(e.getIlmd()));
        ExtensionElement wrapper = wrapper(e);
        if (wrapper != null) {
            TransformationEventExtensionType ext = new TransformationEventExtensionType();
            fill(wrapper, ext.getOtherAttributes(), ext.getAny());
            t.setExtension(ext);
        }
        t.getAny().addAll(userExtensions(e));
        return t;
    }

    private AssociationEventType associationEvent(EpcisEvent e) {
        AssociationEventType a = new AssociationEventType();
        base(e, a);
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
        ExtensionElement wrapper = wrapper(e);
        if (wrapper != null) {
            AssociationEventExtensionType ext = new AssociationEventExtensionType();
            fill(wrapper, ext.getOtherAttributes(), ext.getAny());
            a.setExtension(ext);
        }
        a.getAny().addAll(userExtensions(e));
        return a;
    }

    private void base(EpcisEvent e, EPCISEventType t) {
        t.setEventTime(e.getEventTime());
        t.setRecordTime(e.getRecordTime());
        t.setEventTimeZoneOffset(e.getEventTimeZoneOffset());
        t.setEventID(e.getEventId());
        t.setErrorDeclaration(errorDeclaration(e.getErrorDeclaration()));
        if (e.getCertificationInfo().size() > 1) {
            throw new EpcisFormatException("EPCIS 2.0 XML carries at most one certificationInfo per event; this one has "
                    + e.getCertificationInfo().size(), -1, "certificationInfo", null);
        }
        t.setCertificationInfo(e.getCertificationInfo().isEmpty() ? null : e.getCertificationInfo().get(0));
        ExtensionElement base = ExtensionSlots.find(e.getExtensions(), ExtensionSlots.BASE_EXTENSION);
        if (base != null) {
            EPCISEventExtensionType ext = new EPCISEventExtensionType();
            ext.getOtherAttributes().putAll(base.attributes());
            ext.getAny().addAll(shared.other(base.children(), "baseExtension"));
            t.setBaseExtension(ext);
        }
    }

    private static ExtensionElement wrapper(EpcisEvent e) {
        return ExtensionSlots.find(e.getExtensions(), ExtensionSlots.EXTENSION);
    }

    /** In 2.0 an event's extension element holds elements of other namespaces, like the event itself. */
    private void fill(ExtensionElement wrapper, Map<QName, String> attributes, List<Object> any) {
        attributes.putAll(wrapper.attributes());
        any.addAll(shared.other(wrapper.children(), "extension"));
    }

    private List<Object> userExtensions(EpcisEvent e) {
        return shared.other(ExtensionSlots.withoutWrappers(e.getExtensions(), ExtensionSlots.EXTENSION,
                ExtensionSlots.BASE_EXTENSION), e.getType().localName());
    }

    private ErrorDeclarationType errorDeclaration(ErrorDeclaration d) {
        if (d == null) {
            return null;
        }
        ErrorDeclarationType type = new ErrorDeclarationType();
        List<Object> parts = type.getDeclarationTimeOrReasonOrCorrectiveEventIDs();
        if (d.declarationTime() != null) {
            parts.add(FACTORY.createErrorDeclarationTypeDeclarationTime(d.declarationTime()));
        }
        if (d.reason() != null) {
            parts.add(FACTORY.createErrorDeclarationTypeReason(shared.iri(d.reason())));
        }
        if (!d.correctiveEventIds().isEmpty()) {
            CorrectiveEventIDsType ids = new CorrectiveEventIDsType();
            ids.getCorrectiveEventID().addAll(d.correctiveEventIds());
            parts.add(FACTORY.createErrorDeclarationTypeCorrectiveEventIDs(ids));
        }
        ExtensionElement wrapper = ExtensionSlots.find(d.extensions(), ExtensionSlots.EXTENSION);
        if (wrapper != null) {
            ErrorDeclarationExtensionType ext = new ErrorDeclarationExtensionType();
            ext.getOtherAttributes().putAll(wrapper.attributes());
            ext.getAny().addAll(shared.local(wrapper.children(), "errorDeclaration/extension"));
            parts.add(FACTORY.createErrorDeclarationTypeExtension(ext));
        }
        parts.addAll(shared.other(ExtensionSlots.withoutWrappers(d.extensions(), ExtensionSlots.EXTENSION), "errorDeclaration"));
        return type;
    }
}
