package org.pharmatrace.epcis.xml;

import org.pharmatrace.epcis.io.EpcisFormat;
import org.pharmatrace.epcis.io.EpcisFormatException;
import org.pharmatrace.epcis.model.EventType;

/** Which generated type binds an event element of each EPCIS version. */
final class EventBinding {

    private EventBinding() {
    }

    static boolean isEvent(String localName) {
        return EventType.fromLocalName(localName) != null;
    }

    static Class<?> type(EpcisFormat format, String localName) {
        EventType type = EventType.fromLocalName(localName);
        if (type == null) {
            throw new EpcisFormatException("<" + localName + "> is not an EPCIS event");
        }
        if (format == EpcisFormat.XML_2_0 || type == EventType.ASSOCIATION_EVENT) {
            // 1.2 has no AssociationEvent: 1.2 documents carry the 2.0 element in an EventList extension.
            return switch (type) {
                case OBJECT_EVENT -> org.pharmatrace.epcis.xml.bind.v2.ObjectEventType.class;
                case AGGREGATION_EVENT -> org.pharmatrace.epcis.xml.bind.v2.AggregationEventType.class;
                case TRANSACTION_EVENT -> org.pharmatrace.epcis.xml.bind.v2.TransactionEventType.class;
                case TRANSFORMATION_EVENT -> org.pharmatrace.epcis.xml.bind.v2.TransformationEventType.class;
                case ASSOCIATION_EVENT -> org.pharmatrace.epcis.xml.bind.v2.AssociationEventType.class;
            };
        }
        return switch (type) {
            case OBJECT_EVENT -> org.pharmatrace.epcis.xml.bind.v12.ObjectEventType.class;
            case AGGREGATION_EVENT -> org.pharmatrace.epcis.xml.bind.v12.AggregationEventType.class;
            case TRANSACTION_EVENT -> org.pharmatrace.epcis.xml.bind.v12.TransactionEventType.class;
            case TRANSFORMATION_EVENT -> org.pharmatrace.epcis.xml.bind.v12.TransformationEventType.class;
            case ASSOCIATION_EVENT -> throw new IllegalStateException("handled above");
        };
    }
}
