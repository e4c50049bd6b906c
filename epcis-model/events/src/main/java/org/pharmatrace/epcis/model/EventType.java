package org.pharmatrace.epcis.model;

/** The five EPCIS 2.0 event types, named as they appear in XML element names and JSON-LD {@code type}. */
public enum EventType {
    OBJECT_EVENT("ObjectEvent"),
    AGGREGATION_EVENT("AggregationEvent"),
    TRANSACTION_EVENT("TransactionEvent"),
    TRANSFORMATION_EVENT("TransformationEvent"),
    ASSOCIATION_EVENT("AssociationEvent");

    private final String localName;

    EventType(String localName) {
        this.localName = localName;
    }

    /** The name used by both syntaxes: {@code ObjectEvent}, {@code AggregationEvent}, ... */
    public String localName() {
        return localName;
    }

    /** The type for an XML element name or JSON-LD type, or {@code null} when it names no EPCIS event. */
    public static EventType fromLocalName(String name) {
        for (EventType t : values()) {
            if (t.localName.equals(name)) {
                return t;
            }
        }
        return null;
    }
}
