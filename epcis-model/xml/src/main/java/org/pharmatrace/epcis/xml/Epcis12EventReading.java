package org.pharmatrace.epcis.xml;

import static org.pharmatrace.epcis.xml.SharedFieldsReading.action;
import static org.pharmatrace.epcis.xml.SharedFieldsReading.cbv;
import static org.pharmatrace.epcis.xml.SharedFieldsReading.clean;
import static org.pharmatrace.epcis.xml.SharedFieldsReading.epcs;
import static org.pharmatrace.epcis.xml.SharedFieldsReading.quantities;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;
import org.pharmatrace.epcis.cbv.CbvVocabulary;
import org.pharmatrace.epcis.model.EpcisEvent;
import org.pharmatrace.epcis.model.ErrorDeclaration;
import org.pharmatrace.epcis.model.EventType;
import org.pharmatrace.epcis.model.ExtensionElement;
import org.pharmatrace.epcis.xml.bind.v12.AggregationEventType;
import org.pharmatrace.epcis.xml.bind.v12.EPCISEventExtensionType;
import org.pharmatrace.epcis.xml.bind.v12.EPCISEventType;
import org.pharmatrace.epcis.xml.bind.v12.ErrorDeclarationType;
import org.pharmatrace.epcis.xml.bind.v12.ObjectEventType;
import org.pharmatrace.epcis.xml.bind.v12.TransactionEventType;
import org.pharmatrace.epcis.xml.bind.v12.TransformationEventType;
import org.pharmatrace.epcis.xml.bind.v2.AssociationEventType;
import org.pharmatrace.epcis.xml.bind.v2.PersistentDispositionType;
import org.pharmatrace.epcis.xml.bind.v2.SensorElementListType;

/**
 * Maps an event bound with the EPCIS 1.2 types to the canonical model, lifting the fields 1.2 keeps in extension
 * wrappers to where 2.0 has them: eventID and errorDeclaration from {@code baseExtension}; quantity, source and
 * destination lists and ILMD from {@code extension}; and the 2.0 additions that 1.2 writers put in the innermost
 * extension (sensorElementList, persistentDisposition, certificationInfo), following GS1's 2.0-to-1.2 conversion.
 */
final class Epcis12EventReading {

    private static final String SENSOR_ELEMENT_LIST = "sensorElementList";
    private static final String PERSISTENT_DISPOSITION = "persistentDisposition";
    private static final String CERTIFICATION_INFO = "certificationInfo";
    private static final String EVENT_ID = "eventID";
    private static final String ERROR_DECLARATION = "errorDeclaration";

    private final SharedFieldsReading shared;
    private final Epcis20EventReading associations;

    Epcis12EventReading(SharedFieldsReading shared, Epcis20EventReading associations) {
        this.shared = shared;
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
        EPCISEventExtensionType ext = bound.getBaseExtension();
        if (ext == null) {
            return;
        }
        event.setEventId(clean(ext.getEventID()));
        event.setErrorDeclaration(errorDeclaration(ext.getErrorDeclaration(), inScope));
        if (ext.getExtension() != null) {
            List<ExtensionElement> rest = new ArrayList<>();
            innermostExtension(ext.getExtension().getAny(), event, rest, shared.scope(ext.getExtension(), inScope));
            if (!rest.isEmpty()) {
                event.getExtensions().add(ExtensionSlots.wrapper(ExtensionSlots.BASE_EXTENSION,
                        ext.getExtension().getOtherAttributes(), rest));
            }
        }
    }

    private void objectEvent(ObjectEventType o, EpcisEvent event, Map<String, String> inScope) {
        event.setType(EventType.OBJECT_EVENT);
        epcs(o.getEpcList(), event.getEpcList());
        event.setAction(action(o.getAction()));
        why(event, o.getBizStep(), o.getDisposition(), inScope);
        event.setReadPoint(shared.readPoint(o.getReadPoint())).setBizLocation(shared.bizLocation(o.getBizLocation()));
        shared.bizTransactions(o.getBizTransactionList(), event.getBizTransactionList(), inScope);
        var ext = o.getExtension();
        if (ext != null) {
            quantities(ext.getQuantityList(), event.getQuantityList());
            shared.sources(ext.getSourceList(), event.getSourceList(), inScope);
            shared.destinations(ext.getDestinationList(), event.getDestinationList(), inScope);
            event.setIlmd(shared.ilmd(ext.getIlmd()));
            if (ext.getExtension() != null) {
                eventExtension(ext.getExtension().getAny(), ext.getExtension().getOtherAttributes(), event,
                        shared.scope(ext.getExtension(), inScope));
            }
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
        var ext = a.getExtension();
        if (ext != null) {
            quantities(ext.getChildQuantityList(), event.getChildQuantityList());
            shared.sources(ext.getSourceList(), event.getSourceList(), inScope);
            shared.destinations(ext.getDestinationList(), event.getDestinationList(), inScope);
            if (ext.getExtension() != null) {
                eventExtension(ext.getExtension().getAny(), ext.getExtension().getOtherAttributes(), event,
                        shared.scope(ext.getExtension(), inScope));
            }
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
        var ext = t.getExtension();
        if (ext != null) {
            quantities(ext.getQuantityList(), event.getQuantityList());
            shared.sources(ext.getSourceList(), event.getSourceList(), inScope);
            shared.destinations(ext.getDestinationList(), event.getDestinationList(), inScope);
            if (ext.getExtension() != null) {
                eventExtension(ext.getExtension().getAny(), ext.getExtension().getOtherAttributes(), event,
                        shared.scope(ext.getExtension(), inScope));
            }
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
            eventExtension(t.getExtension().getAny(), t.getExtension().getOtherAttributes(), event,
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
            Map<String, String> baseExtensionScope = shared.scope(a.getBaseExtension(), inScope);
            List<ExtensionElement> rest = new ArrayList<>();
            for (Object part : a.getBaseExtension().getAny()) {
                String localName = unqualifiedName(part);
                if (EVENT_ID.equals(localName)) {
                    event.setEventId(clean(text(part)));
                } else if (ERROR_DECLARATION.equals(localName)) {
                    event.setErrorDeclaration(errorDeclaration(shared.wildcards().bind(part, ErrorDeclarationType.class),
                            baseExtensionScope));
                } else if (ExtensionSlots.EXTENSION.equals(localName)) {
                    innermostExtension(shared.wildcards().toTree(part).children(), event, rest, baseExtensionScope);
                } else {
                    rest.add(shared.wildcards().toTree(part));
                }
            }
            if (!rest.isEmpty()) {
                event.getExtensions().add(ExtensionSlots.wrapper(ExtensionSlots.BASE_EXTENSION,
                        a.getBaseExtension().getOtherAttributes(), rest));
            }
        }
        associations.associationEvent(a, event, inScope);
    }

    private static void why(EpcisEvent event, String bizStep, String disposition, Map<String, String> inScope) {
        event.setBizStep(cbv(CbvVocabulary.BIZ_STEP, bizStep, inScope))
                .setDisposition(cbv(CbvVocabulary.DISPOSITION, disposition, inScope));
    }

    /** The innermost event extension: 2.0 fields lifted to the event, anything else kept in the extension wrapper. */
    private void eventExtension(List<Object> any, Map<QName, String> attributes, EpcisEvent event,
                                Map<String, String> inScope) {
        List<ExtensionElement> rest = new ArrayList<>();
        innermostExtension(any, event, rest, inScope);
        if (!rest.isEmpty() || !attributes.isEmpty()) {
            event.getExtensions().add(ExtensionSlots.wrapper(ExtensionSlots.EXTENSION, attributes, rest));
        }
    }

    /**
     * @param inScope the prefixes in scope at the extension element: the 2.0 structures in it were kept as extension
     *                content and are bound again, without the scope of their own elements
     */
    private void innermostExtension(List<?> any, EpcisEvent event, List<ExtensionElement> rest, Map<String, String> inScope) {
        for (Object part : any) {
            String localName = unqualifiedName(part);
            if (SENSOR_ELEMENT_LIST.equals(localName)) {
                shared.sensorElements(shared.wildcards().bind(part, SensorElementListType.class), event.getSensorElementList(),
                        inScope);
            } else if (PERSISTENT_DISPOSITION.equals(localName)) {
                event.setPersistentDisposition(shared.persistentDisposition(
                        shared.wildcards().bind(part, PersistentDispositionType.class), inScope));
            } else if (CERTIFICATION_INFO.equals(localName)) {
                event.getCertificationInfo().add(clean(text(part)));
            } else {
                rest.add(shared.wildcards().toTree(part));
            }
        }
    }

    /**
     * User extensions after the event's own fields. Some 1.2 writers put the 2.0 certificationInfo here without a
     * namespace; it is taken as the field it names.
     */
    private void eventLevelWildcard(List<Object> any, EpcisEvent event) {
        for (Object part : any) {
            if (CERTIFICATION_INFO.equals(unqualifiedName(part))) {
                event.getCertificationInfo().add(clean(text(part)));
            } else {
                event.getExtensions().add(shared.wildcards().toTree(part));
            }
        }
    }

    private ErrorDeclaration errorDeclaration(ErrorDeclarationType declaration, Map<String, String> enclosing) {
        if (declaration == null) {
            return null;
        }
        List<ExtensionElement> extensions = new ArrayList<>();
        if (declaration.getExtension() != null) {
            extensions.add(shared.wildcards().wrapper(ExtensionSlots.EXTENSION,
                    declaration.getExtension().getOtherAttributes(), declaration.getExtension().getAny()));
        }
        extensions.addAll(shared.wildcards().toTrees(declaration.getAny()));
        List<String> corrective = declaration.getCorrectiveEventIDs() == null ? List.of()
                : declaration.getCorrectiveEventIDs().getCorrectiveEventID().stream().map(SharedFieldsReading::clean).toList();
        return new ErrorDeclaration(clean(declaration.getDeclarationTime()),
                cbv(CbvVocabulary.ERROR_REASON, declaration.getReason(), shared.scope(declaration, enclosing)), corrective,
                extensions);
    }

    /** The local name of a wildcard element without namespace, or {@code null}. */
    private static String unqualifiedName(Object part) {
        if (part instanceof ExtensionElement tree && tree.name().getNamespaceURI().isEmpty()) {
            return tree.name().getLocalPart();
        }
        return null;
    }

    private static String text(Object part) {
        return ((ExtensionElement) part).text();
    }
}
