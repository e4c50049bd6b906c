package org.pharmatrace.epcis.validation;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;
import org.pharmatrace.epcis.cbv.CbvVocabulary;
import org.pharmatrace.epcis.model.Action;
import org.pharmatrace.epcis.model.BizTransaction;
import org.pharmatrace.epcis.model.EpcisEvent;
import org.pharmatrace.epcis.model.EventType;
import org.pharmatrace.epcis.model.QuantityElement;
import org.pharmatrace.epcis.model.SourceDestination;
import org.pharmatrace.gs1.Gs1IdentifierException;
import org.pharmatrace.gs1.Gs1Key;

/**
 * The EPCIS 2.0 / CBV 2.0 rules that neither the XSD nor the JSON Schema express: which fields each event type may
 * carry and which actions it allows, CBV vocabulary membership, time zone offsets, and the check digits and
 * structure of every GS1 key an event names. Works on the canonical model, so it applies to every syntax and to
 * events the hub builds from partner formats.
 */
public final class EpcisRules {

    private static final Pattern TIME_ZONE_OFFSET = Pattern.compile("[+-]((0\\d|1[0-3]):[0-5]\\d|14:00)");
    private static final Pattern UOM = Pattern.compile("[A-Z0-9]{2,3}");

    /** Checks one event; {@code index} is its position in the document, for the error messages. */
    void check(EpcisEvent e, long index, ErrorCollector errors) {
        Reporter r = (field, message) -> errors.add(index, e.getEventId(), field, message);
        if (e.getType() == null) {
            r.error("type", "the event has no type");
            return;
        }
        checkTimes(e, r);
        checkAction(e, r);
        checkFieldsAllowed(e, r);
        checkVocabulary(e, r);
        checkIdentifiers(e, r);
        checkQuantities("quantityList", e.getQuantityList(), r);
        checkQuantities("childQuantityList", e.getChildQuantityList(), r);
        checkQuantities("inputQuantityList", e.getInputQuantityList(), r);
        checkQuantities("outputQuantityList", e.getOutputQuantityList(), r);
    }

    /** Checks one event on its own (index 0), for callers that build events rather than read documents. */
    public List<ValidationError> check(EpcisEvent e) {
        ErrorCollector errors = new ErrorCollector();
        check(e, 0, errors);
        return errors.errors();
    }

    @FunctionalInterface
    private interface Reporter {
        void error(String field, String message);
    }

    private static void checkTimes(EpcisEvent e, Reporter r) {
        checkTimestamp("eventTime", e.getEventTime(), true, r);
        checkTimestamp("recordTime", e.getRecordTime(), false, r);
        if (e.getErrorDeclaration() != null) {
            checkTimestamp("errorDeclaration.declarationTime", e.getErrorDeclaration().declarationTime(), true, r);
        }
        String offset = e.getEventTimeZoneOffset();
        if (offset == null || offset.isBlank()) {
            r.error("eventTimeZoneOffset", "is required (the local offset where the event happened, e.g. -05:00)");
        } else if (!TIME_ZONE_OFFSET.matcher(offset).matches()) {
            r.error("eventTimeZoneOffset", "'" + offset + "' is not a time zone offset of the form +hh:mm or -hh:mm"
                    + " between -14:00 and +14:00");
        }
    }

    private static void checkTimestamp(String field, String value, boolean required, Reporter r) {
        if (value == null) {
            if (required) {
                r.error(field, "is required");
            }
            return;
        }
        try {
            OffsetDateTime.parse(value);
        } catch (DateTimeParseException ex) {
            r.error(field, "'" + value + "' is not a date and time with a time zone (e.g. 2024-03-01T10:15:30.000Z)");
        }
    }

    private static void checkAction(EpcisEvent e, Reporter r) {
        Action action = e.getAction();
        EventType type = e.getType();
        if (type == EventType.TRANSFORMATION_EVENT) {
            if (action != null) {
                r.error("action", "a TransformationEvent has no action");
            }
            if (e.getInputEpcList().isEmpty() && e.getInputQuantityList().isEmpty()
                    && e.getOutputEpcList().isEmpty() && e.getOutputQuantityList().isEmpty()) {
                r.error("inputEPCList", "a TransformationEvent needs at least one input or output (EPCs or quantities)");
            }
            return;
        }
        if (action == null) {
            r.error("action", "is required for a " + type.localName() + " (ADD, OBSERVE or DELETE)");
            return;
        }
        boolean parentRequired = switch (type) {
            case AGGREGATION_EVENT -> action != Action.OBSERVE;
            case ASSOCIATION_EVENT -> true;
            default -> false;
        };
        if (parentRequired && e.getParentId() == null) {
            r.error("parentID", "is required for a " + type.localName() + " with action " + action);
        }
        if (type == EventType.OBJECT_EVENT && e.getIlmd() != null && action != Action.ADD) {
            r.error("ilmd", "instance/lot master data may only be given when action is ADD (commissioning), not " + action);
        }
        if (type == EventType.AGGREGATION_EVENT && action == Action.ADD
                && e.getChildEpcs().isEmpty() && e.getChildQuantityList().isEmpty()) {
            r.error("childEPCs", "an AggregationEvent with action ADD must name the children it aggregates");
        }
    }

    private static void checkFieldsAllowed(EpcisEvent e, Reporter r) {
        EventType t = e.getType();
        boolean object = t == EventType.OBJECT_EVENT;
        boolean transaction = t == EventType.TRANSACTION_EVENT;
        boolean transformation = t == EventType.TRANSFORMATION_EVENT;
        boolean parentChild = t == EventType.AGGREGATION_EVENT || t == EventType.ASSOCIATION_EVENT;
        notAllowed(!(object || transaction) && !e.getEpcList().isEmpty(), "epcList", t, r);
        notAllowed(!(object || transaction) && !e.getQuantityList().isEmpty(), "quantityList", t, r);
        notAllowed(!(parentChild || transaction) && e.getParentId() != null, "parentID", t, r);
        notAllowed(!parentChild && !e.getChildEpcs().isEmpty(), "childEPCs", t, r);
        notAllowed(!parentChild && !e.getChildQuantityList().isEmpty(), "childQuantityList", t, r);
        notAllowed(!transformation && !e.getInputEpcList().isEmpty(), "inputEPCList", t, r);
        notAllowed(!transformation && !e.getInputQuantityList().isEmpty(), "inputQuantityList", t, r);
        notAllowed(!transformation && !e.getOutputEpcList().isEmpty(), "outputEPCList", t, r);
        notAllowed(!transformation && !e.getOutputQuantityList().isEmpty(), "outputQuantityList", t, r);
        notAllowed(!transformation && e.getTransformationId() != null, "transformationID", t, r);
        notAllowed(!(object || transformation) && e.getIlmd() != null, "ilmd", t, r);
        if (transaction && e.getBizTransactionList().isEmpty()) {
            r.error("bizTransactionList", "a TransactionEvent must name at least one business transaction");
        }
    }

    private static void notAllowed(boolean present, String field, EventType type, Reporter r) {
        if (present) {
            r.error(field, "is not a field of " + type.localName());
        }
    }

    private static void checkVocabulary(EpcisEvent e, Reporter r) {
        checkTerm("bizStep", e.getBizStep(), CbvVocabulary.BIZ_STEP, r);
        checkTerm("disposition", e.getDisposition(), CbvVocabulary.DISPOSITION, r);
        if (e.getPersistentDisposition() != null) {
            e.getPersistentDisposition().set().forEach(d -> checkTerm("persistentDisposition.set", d, CbvVocabulary.DISPOSITION, r));
            e.getPersistentDisposition().unset().forEach(d -> checkTerm("persistentDisposition.unset", d, CbvVocabulary.DISPOSITION, r));
        }
        for (BizTransaction bt : e.getBizTransactionList()) {
            checkTerm("bizTransactionList.type", bt.type(), CbvVocabulary.BIZ_TRANSACTION_TYPE, r);
        }
        for (SourceDestination s : e.getSourceList()) {
            checkTerm("sourceList.type", s.type(), CbvVocabulary.SOURCE_DESTINATION_TYPE, r);
        }
        for (SourceDestination d : e.getDestinationList()) {
            checkTerm("destinationList.type", d.type(), CbvVocabulary.SOURCE_DESTINATION_TYPE, r);
        }
        if (e.getErrorDeclaration() != null) {
            checkTerm("errorDeclaration.reason", e.getErrorDeclaration().reason(), CbvVocabulary.ERROR_REASON, r);
        }
    }

    /**
     * A value in the CBV's own namespace must be a CBV term (a typo there is a mistake, not an extension); values in
     * other namespaces are user vocabulary and must merely be URIs.
     */
    private static void checkTerm(String field, String value, CbvVocabulary vocabulary, Reporter r) {
        if (value == null) {
            return;
        }
        if (vocabulary.bareName(value) != null) {
            return;
        }
        if (value.startsWith(vocabulary.urnPrefix()) || value.startsWith(vocabulary.webUriPrefix())) {
            r.error(field, "'" + value + "' is not a CBV " + describe(vocabulary));
        } else if (!value.contains(":")) {
            r.error(field, "'" + value + "' is neither a CBV " + describe(vocabulary) + " nor a URI");
        }
    }

    private static String describe(CbvVocabulary vocabulary) {
        return switch (vocabulary) {
            case BIZ_STEP -> "business step";
            case DISPOSITION -> "disposition";
            case BIZ_TRANSACTION_TYPE -> "business transaction type";
            case SOURCE_DESTINATION_TYPE -> "source/destination type";
            case ERROR_REASON -> "error reason";
        };
    }

    private static void checkIdentifiers(EpcisEvent e, Reporter r) {
        checkKey("parentID", e.getParentId(), r);
        checkKeys("epcList", e.getEpcList(), r);
        checkKeys("childEPCs", e.getChildEpcs(), r);
        checkKeys("inputEPCList", e.getInputEpcList(), r);
        checkKeys("outputEPCList", e.getOutputEpcList(), r);
        if (e.getReadPoint() != null) {
            checkKey("readPoint.id", e.getReadPoint().id(), r);
        }
        if (e.getBizLocation() != null) {
            checkKey("bizLocation.id", e.getBizLocation().id(), r);
        }
        for (SourceDestination s : e.getSourceList()) {
            checkKey("sourceList.source", s.value(), r);
        }
        for (SourceDestination d : e.getDestinationList()) {
            checkKey("destinationList.destination", d.value(), r);
        }
    }

    private static void checkKeys(String field, List<String> values, Reporter r) {
        for (int i = 0; i < values.size(); i++) {
            checkKey(field + "[" + i + "]", values.get(i), r);
        }
    }

    /** GS1 identifiers must be well-formed with correct check digits; other URIs (e.g. urn:uuid) pass. */
    private static void checkKey(String field, String value, Reporter r) {
        if (value == null || !Gs1Key.isSupportedGs1Uri(value)) {
            return;
        }
        try {
            Gs1Key.parse(value);
        } catch (Gs1IdentifierException ex) {
            r.error(field, ex.getMessage());
        }
    }

    private static void checkQuantities(String field, List<QuantityElement> quantities, Reporter r) {
        for (int i = 0; i < quantities.size(); i++) {
            QuantityElement q = quantities.get(i);
            String f = field + "[" + i + "]";
            if (q.epcClass() == null) {
                r.error(f + ".epcClass", "is required");
            } else {
                checkKey(f + ".epcClass", q.epcClass(), r);
            }
            if (q.quantity() != null && q.quantity().signum() < 0) {
                r.error(f + ".quantity", "'" + q.quantity() + "' is negative");
            }
            if (q.uom() != null && !UOM.matcher(q.uom()).matches()) {
                r.error(f + ".uom", "'" + q.uom() + "' is not a UN/ECE Recommendation 20 unit code");
            }
            if (q.uom() != null && q.quantity() == null) {
                r.error(f + ".uom", "a unit of measure is given without a quantity");
            }
        }
    }
}
