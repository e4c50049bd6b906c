package org.pharmatrace.epcis.xml;

import static org.pharmatrace.epcis.xml.SharedFieldsReading.action;
import static org.pharmatrace.epcis.xml.SharedFieldsReading.cbv;
import static org.pharmatrace.epcis.xml.SharedFieldsReading.clean;
import static org.pharmatrace.epcis.xml.SharedFieldsReading.epcs;
import static org.pharmatrace.epcis.xml.SharedFieldsReading.quantities;

import jakarta.xml.bind.JAXBElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;
import org.pharmatrace.epcis.cbv.CbvVocabulary;
import org.pharmatrace.epcis.model.EpcisEvent;
import org.pharmatrace.epcis.model.ErrorDeclaration;
import org.pharmatrace.epcis.model.EventType;
import org.pharmatrace.epcis.model.ExtensionElement;
import org.pharmatrace.epcis.xml.bind.v2.AggregationEventType;
import org.pharmatrace.epcis.xml.bind.v2.AssociationEventType;
import org.pharmatrace.epcis.xml.bind.v2.CorrectiveEventIDsType;
import org.pharmatrace.epcis.xml.bind.v2.EPCISEventExtensionType;
import org.pharmatrace.epcis.xml.bind.v2.EPCISEventType;
import org.pharmatrace.epcis.xml.bind.v2.ErrorDeclarationExtensionType;
import org.pharmatrace.epcis.xml.bind.v2.ErrorDeclarationType;
import org.pharmatrace.epcis.xml.bind.v2.ObjectEventType;
import org.pharmatrace.epcis.xml.bind.v2.TransactionEventType;
import org.pharmatrace.epcis.xml.bind.v2.TransformationEventType;

/**
 * Maps an event bound with the EPCIS 2.0 types to the canonical model. A baseExtension or extension that holds just
 * what EPCIS 1.x kept there (eventID, quantityList and the like, as some 2.0 writers still put them) is read as
 * 1.2 would ({@link Epcis12ExtensionReading}); any other content stays in the wrapper.
 */
final class Epcis20EventReading {

    private final SharedFieldsReading shared;
    private final Epcis12ExtensionReading epcis12Wrappers;

    Epcis20EventReading(SharedFieldsReading shared, Epcis12ExtensionReading epcis12Wrappers) {
        this.shared = shared;
        this.epcis12Wrappers = epcis12Wrappers;
    }

    EpcisEvent toModel(EPCISEventType bound) {
        EpcisEvent event = new EpcisEvent();
        Map<String, String> inScope = shared.eventScope(bound);
        base(bound, event, inScope);
        if (bound instanceof ObjectEventType o) {
            objectEvent(o, event, inScope);
        } else if (bound instanceof AggregationEventType a) {
            aggregationEvent(a, event, inScope);
        } else if (bound instanceof TransactionEventType t) {
            transactionEvent(t, event, inScope);
        } else if (bound instanceof TransformationEventType t) {
            transformationEvent(t, event, inScope);
        } else if (bound instanceof AssociationEventType a) {
            associationEvent(a, event, inScope);
        } else {
            throw new IllegalArgumentException("Not an EPCIS 2.0 event type: " + bound.getClass().getName());
        }
        return event;
    }

    private void base(EPCISEventType bound, EpcisEvent event, Map<String, String> inScope) {
        event.setEventTime(clean(bound.getEventTime()))
                .setRecordTime(clean(bound.getRecordTime()))
                .setEventTimeZoneOffset(clean(bound.getEventTimeZoneOffset()))
                .setEventId(clean(bound.getEventID()))
                .setErrorDeclaration(errorDeclaration(bound.getErrorDeclaration(), inScope));
        if (bound.getCertificationInfo() != null) {
            event.getCertificationInfo().add(clean(bound.getCertificationInfo()));
        }
        EPCISEventExtensionType baseExtension = bound.getBaseExtension();
        if (baseExtension != null && Epcis12ExtensionReading.isEpcis12BaseExtension(baseExtension.getAny())) {
            epcis12Wrappers.baseExtension(baseExtension, event, inScope);
        } else if (baseExtension != null) {
            event.getExtensions().add(shared.wildcards().wrapper(ExtensionSlots.BASE_EXTENSION,
                    baseExtension.getOtherAttributes(), baseExtension.getAny()));
        }
    }

    private void objectEvent(ObjectEventType o, EpcisEvent event, Map<String, String> inScope) {
        event.setType(EventType.OBJECT_EVENT);
        epcs(o.getEpcList(), event.getEpcList());
        event.setAction(action(o.getAction()));
        why(event, o.getBizStep(), o.getDisposition(), inScope);
        event.setReadPoint(shared.readPoint(o.getReadPoint())).setBizLocation(shared.bizLocation(o.getBizLocation()));
        shared.bizTransactions(o.getBizTransactionList(), event.getBizTransactionList(), inScope);
        quantities(o.getQuantityList(), event.getQuantityList());
        shared.sources(o.getSourceList(), event.getSourceList(), inScope);
        shared.destinations(o.getDestinationList(), event.getDestinationList(), inScope);
        shared.sensorElements(o.getSensorElementList(), event.getSensorElementList(), inScope);
        event.setPersistentDisposition(shared.persistentDisposition(o.getPersistentDisposition(), inScope));
        event.setIlmd(shared.ilmd(o.getIlmd()));
        if (o.getExtension() != null) {
            extension(event, o.getExtension(), o.getExtension().getOtherAttributes(), o.getExtension().getAny(), inScope);
        }
        event.getExtensions().addAll(shared.wildcards().toTrees(o.getAny()));
    }

    private void aggregationEvent(AggregationEventType a, EpcisEvent event, Map<String, String> inScope) {
        event.setType(EventType.AGGREGATION_EVENT).setParentId(clean(a.getParentID()));
        epcs(a.getChildEPCs(), event.getChildEpcs());
        event.setAction(action(a.getAction()));
        why(event, a.getBizStep(), a.getDisposition(), inScope);
        event.setReadPoint(shared.readPoint(a.getReadPoint())).setBizLocation(shared.bizLocation(a.getBizLocation()));
        shared.bizTransactions(a.getBizTransactionList(), event.getBizTransactionList(), inScope);
        quantities(a.getChildQuantityList(), event.getChildQuantityList());
        shared.sources(a.getSourceList(), event.getSourceList(), inScope);
        shared.destinations(a.getDestinationList(), event.getDestinationList(), inScope);
        shared.sensorElements(a.getSensorElementList(), event.getSensorElementList(), inScope);
        event.setPersistentDisposition(shared.persistentDisposition(a.getPersistentDisposition(), inScope));
        if (a.getExtension() != null) {
            extension(event, a.getExtension(), a.getExtension().getOtherAttributes(), a.getExtension().getAny(), inScope);
        }
        event.getExtensions().addAll(shared.wildcards().toTrees(a.getAny()));
    }

    private void transactionEvent(TransactionEventType t, EpcisEvent event, Map<String, String> inScope) {
        event.setType(EventType.TRANSACTION_EVENT);
        shared.bizTransactions(t.getBizTransactionList(), event.getBizTransactionList(), inScope);
        event.setParentId(clean(t.getParentID()));
        epcs(t.getEpcList(), event.getEpcList());
        event.setAction(action(t.getAction()));
        why(event, t.getBizStep(), t.getDisposition(), inScope);
        event.setReadPoint(shared.readPoint(t.getReadPoint())).setBizLocation(shared.bizLocation(t.getBizLocation()));
        quantities(t.getQuantityList(), event.getQuantityList());
        shared.sources(t.getSourceList(), event.getSourceList(), inScope);
        shared.destinations(t.getDestinationList(), event.getDestinationList(), inScope);
        shared.sensorElements(t.getSensorElementList(), event.getSensorElementList(), inScope);
        event.setPersistentDisposition(shared.persistentDisposition(t.getPersistentDisposition(), inScope));
        if (t.getExtension() != null) {
            extension(event, t.getExtension(), t.getExtension().getOtherAttributes(), t.getExtension().getAny(), inScope);
        }
        event.getExtensions().addAll(shared.wildcards().toTrees(t.getAny()));
    }

    private void transformationEvent(TransformationEventType t, EpcisEvent event, Map<String, String> inScope) {
        event.setType(EventType.TRANSFORMATION_EVENT);
        epcs(t.getInputEPCList(), event.getInputEpcList());
        quantities(t.getInputQuantityList(), event.getInputQuantityList());
        epcs(t.getOutputEPCList(), event.getOutputEpcList());
        quantities(t.getOutputQuantityList(), event.getOutputQuantityList());
        event.setTransformationId(clean(t.getTransformationID()));
        why(event, t.getBizStep(), t.getDisposition(), inScope);
        event.setReadPoint(shared.readPoint(t.getReadPoint())).setBizLocation(shared.bizLocation(t.getBizLocation()));
        shared.bizTransactions(t.getBizTransactionList(), event.getBizTransactionList(), inScope);
        shared.sources(t.getSourceList(), event.getSourceList(), inScope);
        shared.destinations(t.getDestinationList(), event.getDestinationList(), inScope);
        shared.sensorElements(t.getSensorElementList(), event.getSensorElementList(), inScope);
        event.setPersistentDisposition(shared.persistentDisposition(t.getPersistentDisposition(), inScope));
        event.setIlmd(shared.ilmd(t.getIlmd()));
        if (t.getExtension() != null) {
            extension(event, t.getExtension(), t.getExtension().getOtherAttributes(), t.getExtension().getAny(), inScope);
        }
        event.getExtensions().addAll(shared.wildcards().toTrees(t.getAny()));
    }

    /** Also used for EPCIS 1.2 documents, which carry AssociationEvent in an EventList extension with 2.0 content. */
    void associationEvent(AssociationEventType a, EpcisEvent event, Map<String, String> inScope) {
        event.setType(EventType.ASSOCIATION_EVENT).setParentId(clean(a.getParentID()));
        epcs(a.getChildEPCs(), event.getChildEpcs());
        quantities(a.getChildQuantityList(), event.getChildQuantityList());
        event.setAction(action(a.getAction()));
        why(event, a.getBizStep(), a.getDisposition(), inScope);
        event.setReadPoint(shared.readPoint(a.getReadPoint())).setBizLocation(shared.bizLocation(a.getBizLocation()));
        shared.bizTransactions(a.getBizTransactionList(), event.getBizTransactionList(), inScope);
        shared.sources(a.getSourceList(), event.getSourceList(), inScope);
        shared.destinations(a.getDestinationList(), event.getDestinationList(), inScope);
        shared.sensorElements(a.getSensorElementList(), event.getSensorElementList(), inScope);
        event.setPersistentDisposition(shared.persistentDisposition(a.getPersistentDisposition(), inScope));
        if (a.getExtension() != null) {
            extension(event, a.getExtension(), a.getExtension().getOtherAttributes(), a.getExtension().getAny(), inScope);
        }
        event.getExtensions().addAll(shared.wildcards().toTrees(a.getAny()));
    }

    private static void why(EpcisEvent event, String bizStep, String disposition, Map<String, String> inScope) {
        event.setBizStep(cbv(CbvVocabulary.BIZ_STEP, bizStep, inScope))
                .setDisposition(cbv(CbvVocabulary.DISPOSITION, disposition, inScope));
    }

    /** @param wrapper the bound {@code <extension>} element, whose content is {@code wrapped} */
    private void extension(EpcisEvent event, Object wrapper, Map<QName, String> attributes, List<Object> wrapped,
                           Map<String, String> inScope) {
        if (!epcis12Wrappers.readIfEpcis12EventExtension(wrapper, attributes, wrapped, event, inScope)) {
            event.getExtensions().add(shared.wildcards().wrapper(ExtensionSlots.EXTENSION, attributes, wrapped));
        }
    }

    /** EPCIS 2.0 lets the parts of an errorDeclaration come in any order (an xsd:choice), hence the list. */
    private ErrorDeclaration errorDeclaration(ErrorDeclarationType declaration, Map<String, String> enclosing) {
        if (declaration == null) {
            return null;
        }
        Map<String, String> inScope = shared.scope(declaration, enclosing);
        String time = null;
        String reason = null;
        List<String> corrective = new ArrayList<>();
        List<ExtensionElement> extensions = new ArrayList<>();
        for (Object part : declaration.getDeclarationTimeOrReasonOrCorrectiveEventIDs()) {
            if (part instanceof JAXBElement<?> element && element.getName().getNamespaceURI().isEmpty()) {
                Object value = element.getValue();
                switch (element.getName().getLocalPart()) {
                    case "declarationTime" -> time = clean((String) value);
                    case "reason" -> reason = cbv(CbvVocabulary.ERROR_REASON, (String) value, inScope);
                    case "correctiveEventIDs" -> ((CorrectiveEventIDsType) value).getCorrectiveEventID()
                            .forEach(id -> corrective.add(clean(id)));
                    case "extension" -> {
                        ErrorDeclarationExtensionType ext = (ErrorDeclarationExtensionType) value;
                        extensions.add(shared.wildcards().wrapper(ExtensionSlots.EXTENSION, ext.getOtherAttributes(), ext.getAny()));
                    }
                    default -> extensions.add(shared.wildcards().toTree(part));
                }
            } else {
                extensions.add(shared.wildcards().toTree(part));
            }
        }
        return new ErrorDeclaration(time, reason, corrective, extensions);
    }
}
