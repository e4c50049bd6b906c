package org.pharmatrace.epcis.xml;

import static org.pharmatrace.epcis.xml.SharedFieldsReading.action;
import static org.pharmatrace.epcis.xml.SharedFieldsReading.cbv;
import static org.pharmatrace.epcis.xml.SharedFieldsReading.clean;
import static org.pharmatrace.epcis.xml.SharedFieldsReading.epcs;
import static org.pharmatrace.epcis.xml.SharedFieldsReading.quantities;

import java.util.List;
import java.util.Map;
import org.pharmatrace.epcis.cbv.CbvVocabulary;
import org.pharmatrace.epcis.model.EpcisEvent;
import org.pharmatrace.epcis.model.EventType;
import org.pharmatrace.epcis.xml.bind.v12.AggregationEventType;
import org.pharmatrace.epcis.xml.bind.v12.EPCISEventType;
import org.pharmatrace.epcis.xml.bind.v12.ObjectEventType;
import org.pharmatrace.epcis.xml.bind.v12.TransactionEventType;
import org.pharmatrace.epcis.xml.bind.v12.TransformationEventType;
import org.pharmatrace.epcis.xml.bind.v2.AssociationEventType;

/**
 * Maps an event bound with the EPCIS 1.2 types to the canonical model, lifting the fields 1.2 keeps in extension
 * wrappers to where 2.0 has them ({@link Epcis12ExtensionReading}).
 */
final class Epcis12EventReading {

    private final SharedFieldsReading shared;
    private final Epcis12ExtensionReading wrappers;
    private final Epcis20EventReading associations;

    Epcis12EventReading(SharedFieldsReading shared, Epcis12ExtensionReading wrappers, Epcis20EventReading associations) {
        this.shared = shared;
        this.wrappers = wrappers;
        this.associations = associations;
    }

    /** @param bound a 1.2 event, or a 2.0 AssociationEvent found in a 1.2 EventList extension */
    EpcisEvent toModel(Object bound) {
        EpcisEvent event = new EpcisEvent();
        Map<String, String> inScope = shared.eventScope(bound);
        if (bound instanceof AssociationEventType a) {
            associationEvent(a, event, inScope);
            return event;
        }
        EPCISEventType base = (EPCISEventType) bound;
        base(base, event, inScope);
        if (bound instanceof ObjectEventType o) {
            objectEvent(o, event, inScope);
        } else if (bound instanceof AggregationEventType a) {
            aggregationEvent(a, event, inScope);
        } else if (bound instanceof TransactionEventType t) {
            transactionEvent(t, event, inScope);
        } else if (bound instanceof TransformationEventType t) {
            transformationEvent(t, event, inScope);
        } else {
            throw new IllegalArgumentException("Not an EPCIS 1.2 event type: " + bound.getClass().getName());
        }
        return event;
    }

    private void base(EPCISEventType bound, EpcisEvent event, Map<String, String> inScope) {
        event.setEventTime(clean(bound.getEventTime()))
                .setRecordTime(clean(bound.getRecordTime()))
                .setEventTimeZoneOffset(clean(bound.getEventTimeZoneOffset()));
        if (bound.getBaseExtension() != null) {
            wrappers.baseExtension(bound.getBaseExtension(), event, inScope);
        }
    }

    private void objectEvent(ObjectEventType o, EpcisEvent event, Map<String, String> inScope) {
        event.setType(EventType.OBJECT_EVENT);
        epcs(o.getEpcList(), event.getEpcList());
        event.setAction(action(o.getAction()));
        why(event, o.getBizStep(), o.getDisposition(), inScope);
        event.setReadPoint(shared.readPoint(o.getReadPoint())).setBizLocation(shared.bizLocation(o.getBizLocation()));
        shared.bizTransactions(o.getBizTransactionList(), event.getBizTransactionList(), inScope);
        if (o.getExtension() != null) {
            wrappers.objectExtension(o.getExtension(), event, inScope);
        }
        eventLevelWildcard(o.getAny(), event);
    }

    private void aggregationEvent(AggregationEventType a, EpcisEvent event, Map<String, String> inScope) {
        event.setType(EventType.AGGREGATION_EVENT).setParentId(clean(a.getParentID()));
        epcs(a.getChildEPCs(), event.getChildEpcs());
        event.setAction(action(a.getAction()));
        why(event, a.getBizStep(), a.getDisposition(), inScope);
        event.setReadPoint(shared.readPoint(a.getReadPoint())).setBizLocation(shared.bizLocation(a.getBizLocation()));
        shared.bizTransactions(a.getBizTransactionList(), event.getBizTransactionList(), inScope);
        if (a.getExtension() != null) {
            wrappers.aggregationExtension(a.getExtension(), event, inScope);
        }
        eventLevelWildcard(a.getAny(), event);
    }

    private void transactionEvent(TransactionEventType t, EpcisEvent event, Map<String, String> inScope) {
        event.setType(EventType.TRANSACTION_EVENT);
        shared.bizTransactions(t.getBizTransactionList(), event.getBizTransactionList(), inScope);
        event.setParentId(clean(t.getParentID()));
        epcs(t.getEpcList(), event.getEpcList());
        event.setAction(action(t.getAction()));
        why(event, t.getBizStep(), t.getDisposition(), inScope);
        event.setReadPoint(shared.readPoint(t.getReadPoint())).setBizLocation(shared.bizLocation(t.getBizLocation()));
        if (t.getExtension() != null) {
            wrappers.transactionExtension(t.getExtension(), event, inScope);
        }
        eventLevelWildcard(t.getAny(), event);
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
        event.setIlmd(shared.ilmd(t.getIlmd()));
        if (t.getExtension() != null) {
            wrappers.eventExtension(t.getExtension().getAny(), t.getExtension().getOtherAttributes(), event,
                    shared.scope(t.getExtension(), inScope));
        }
        eventLevelWildcard(t.getAny(), event);
    }

    /**
     * 1.2 has no AssociationEvent; 1.2 documents carry the 2.0 element in an EventList extension, with eventID and
     * errorDeclaration in baseExtension as for the other 1.2 events.
     */
    private void associationEvent(AssociationEventType a, EpcisEvent event, Map<String, String> inScope) {
        event.setEventTime(clean(a.getEventTime()))
                .setRecordTime(clean(a.getRecordTime()))
                .setEventTimeZoneOffset(clean(a.getEventTimeZoneOffset()))
                .setEventId(clean(a.getEventID()));
        if (a.getCertificationInfo() != null) {
            event.getCertificationInfo().add(clean(a.getCertificationInfo()));
        }
        if (a.getBaseExtension() != null) {
            wrappers.baseExtension(a.getBaseExtension(), event, inScope);
        }
        associations.associationEvent(a, event, inScope);
    }

    private static void why(EpcisEvent event, String bizStep, String disposition, Map<String, String> inScope) {
        event.setBizStep(cbv(CbvVocabulary.BIZ_STEP, bizStep, inScope))
                .setDisposition(cbv(CbvVocabulary.DISPOSITION, disposition, inScope));
    }

    /**
     * User extensions after the event's own fields. Some 1.2 writers put the 2.0 certificationInfo here without a
     * namespace; it is taken as the field it names.
     */
    private void eventLevelWildcard(List<Object> any, EpcisEvent event) {
        for (Object part : any) {
            if (Epcis12ExtensionReading.CERTIFICATION_INFO.equals(Epcis12ExtensionReading.unqualifiedName(part))) {
                event.getCertificationInfo().add(clean(Epcis12ExtensionReading.text(part)));
            } else {
                event.getExtensions().add(shared.wildcards().toTree(part));
            }
        }
    }
}
