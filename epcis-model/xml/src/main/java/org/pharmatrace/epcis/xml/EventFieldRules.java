package org.pharmatrace.epcis.xml;

import java.util.ArrayList;
import java.util.List;
import org.pharmatrace.epcis.io.EpcisFormatException;
import org.pharmatrace.epcis.model.EpcisEvent;
import org.pharmatrace.epcis.model.EventType;

/**
 * What each event type must and may carry in EPCIS XML. The model is one class for all event types; a writer that
 * met, say, childEPCs on an ObjectEvent would have to drop them, so it refuses the event and names the field.
 */
final class EventFieldRules {

    private EventFieldRules() {
    }

    static void check(EpcisEvent e) {
        EventType type = e.getType();
        if (type == null) {
            throw new EpcisFormatException("The event has no type", -1, "type", null);
        }
        List<String> missing = new ArrayList<>();
        if (e.getEventTime() == null) {
            missing.add("eventTime");
        }
        if (e.getEventTimeZoneOffset() == null) {
            missing.add("eventTimeZoneOffset");
        }
        if (type != EventType.TRANSFORMATION_EVENT && e.getAction() == null) {
            missing.add("action");
        }
        if (type == EventType.ASSOCIATION_EVENT && e.getParentId() == null) {
            missing.add("parentID");
        }
        if (type == EventType.TRANSACTION_EVENT && e.getBizTransactionList().isEmpty()) {
            missing.add("bizTransactionList");
        }
        if (!missing.isEmpty()) {
            throw new EpcisFormatException(type.localName() + " lacks " + String.join(", ", missing)
                    + ", required in EPCIS XML", -1, missing.get(0), null);
        }
        List<String> misplaced = new ArrayList<>();
        boolean object = type == EventType.OBJECT_EVENT;
        boolean transaction = type == EventType.TRANSACTION_EVENT;
        boolean transformation = type == EventType.TRANSFORMATION_EVENT;
        boolean parentChild = type == EventType.AGGREGATION_EVENT || type == EventType.ASSOCIATION_EVENT;
        notAllowed(misplaced, "parentID", e.getParentId() != null && (object || transformation));
        notAllowed(misplaced, "epcList", !e.getEpcList().isEmpty() && !(object || transaction));
        notAllowed(misplaced, "quantityList", !e.getQuantityList().isEmpty() && !(object || transaction));
        notAllowed(misplaced, "childEPCs", !e.getChildEpcs().isEmpty() && !parentChild);
        notAllowed(misplaced, "childQuantityList", !e.getChildQuantityList().isEmpty() && !parentChild);
        notAllowed(misplaced, "inputEPCList", !e.getInputEpcList().isEmpty() && !transformation);
        notAllowed(misplaced, "inputQuantityList", !e.getInputQuantityList().isEmpty() && !transformation);
        notAllowed(misplaced, "outputEPCList", !e.getOutputEpcList().isEmpty() && !transformation);
        notAllowed(misplaced, "outputQuantityList", !e.getOutputQuantityList().isEmpty() && !transformation);
        notAllowed(misplaced, "transformationID", e.getTransformationId() != null && !transformation);
        notAllowed(misplaced, "action", e.getAction() != null && transformation);
        notAllowed(misplaced, "ilmd", e.getIlmd() != null && !(object || transformation));
        if (!misplaced.isEmpty()) {
            throw new EpcisFormatException(type.localName() + " cannot carry " + String.join(", ", misplaced)
                    + " in EPCIS XML", -1, misplaced.get(0), null);
        }
    }

    private static void notAllowed(List<String> misplaced, String field, boolean present) {
        if (present) {
            misplaced.add(field);
        }
    }
}
