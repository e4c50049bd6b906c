package org.pharmatrace.epcis.xml;

import static org.pharmatrace.epcis.xml.SharedFieldsReading.cbv;
import static org.pharmatrace.epcis.xml.SharedFieldsReading.clean;
import static org.pharmatrace.epcis.xml.SharedFieldsReading.quantities;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.namespace.QName;
import org.pharmatrace.epcis.cbv.CbvVocabulary;
import org.pharmatrace.epcis.model.EpcisEvent;
import org.pharmatrace.epcis.model.ErrorDeclaration;
import org.pharmatrace.epcis.model.ExtensionElement;
import org.pharmatrace.epcis.xml.bind.v12.AggregationEventExtensionType;
import org.pharmatrace.epcis.xml.bind.v12.EPCISEventExtensionType;
import org.pharmatrace.epcis.xml.bind.v12.ErrorDeclarationType;
import org.pharmatrace.epcis.xml.bind.v12.ObjectEventExtensionType;
import org.pharmatrace.epcis.xml.bind.v12.TransactionEventExtensionType;
import org.pharmatrace.epcis.xml.bind.v2.PersistentDispositionType;
import org.pharmatrace.epcis.xml.bind.v2.SensorElementListType;

/**
 * Reads the fields EPCIS 1.2 keeps in extension wrappers to where 2.0 has them: eventID and errorDeclaration from
 * {@code baseExtension}; quantity, source and destination lists and ILMD from {@code extension}; and the 2.0
 * additions that 1.2 writers put in the innermost extension (sensorElementList, persistentDisposition,
 * certificationInfo), following GS1's 2.0-to-1.2 conversion. Serves 1.2 events, and 2.0 events whose writers kept
 * the 1.x wrappers (GS1's own Event Hash examples have {@code <extension><quantityList>} in 2.0 ObjectEvents).
 */
final class Epcis12ExtensionReading {

    static final String CERTIFICATION_INFO = "certificationInfo";

    private static final String SENSOR_ELEMENT_LIST = "sensorElementList";
    private static final String PERSISTENT_DISPOSITION = "persistentDisposition";
    private static final String EVENT_ID = "eventID";
    private static final String ERROR_DECLARATION = "errorDeclaration";

    /** What 1.2 has in each wrapper besides the nested {@code extension}. */
    private static final Set<String> BASE_EXTENSION_FIELDS = Set.of(EVENT_ID, ERROR_DECLARATION);
    private static final Set<String> OBJECT_EXTENSION_FIELDS = Set.of("quantityList", "sourceList", "destinationList", "ilmd");
    private static final Set<String> AGGREGATION_EXTENSION_FIELDS = Set.of("childQuantityList", "sourceList", "destinationList");
    private static final Set<String> TRANSACTION_EXTENSION_FIELDS = Set.of("quantityList", "sourceList", "destinationList");

    private final SharedFieldsReading shared;

    Epcis12ExtensionReading(SharedFieldsReading shared) {
        this.shared = shared;
    }

    /** A 1.2 event's baseExtension. */
    void baseExtension(EPCISEventExtensionType ext, EpcisEvent event, Map<String, String> inScope) {
        if (ext.getEventID() != null) {
            event.setEventId(clean(ext.getEventID()));
        }
        if (ext.getErrorDeclaration() != null) {
            event.setErrorDeclaration(errorDeclaration(ext.getErrorDeclaration(), inScope));
        }
        if (ext.getExtension() != null) {
            List<ExtensionElement> rest = new ArrayList<>();
            innermostExtension(ext.getExtension().getAny(), event, rest, shared.scope(ext.getExtension(), inScope));
            if (!rest.isEmpty()) {
                event.getExtensions().add(ExtensionSlots.wrapper(ExtensionSlots.BASE_EXTENSION,
                        ext.getExtension().getOtherAttributes(), rest));
            }
        }
    }

    /**
     * A baseExtension bound with the 2.0 types, its content left as wildcards: that of a 2.0 AssociationEvent in a 1.2
     * document, or of a 2.0 event written 1.x-style.
     */
    void baseExtension(org.pharmatrace.epcis.xml.bind.v2.EPCISEventExtensionType ext, EpcisEvent event,
                       Map<String, String> inScope) {
        Map<String, String> baseExtensionScope = shared.scope(ext, inScope);
        List<ExtensionElement> rest = new ArrayList<>();
        for (Object part : ext.getAny()) {
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
            event.getExtensions().add(ExtensionSlots.wrapper(ExtensionSlots.BASE_EXTENSION, ext.getOtherAttributes(), rest));
        }
    }

    /** Whether a 2.0 baseExtension holds what 1.2 has there and nothing else, so that it is read as 1.2 would. */
    static boolean isEpcis12BaseExtension(List<Object> content) {
        return holdsOnly(content, BASE_EXTENSION_FIELDS);
    }

    void objectExtension(ObjectEventExtensionType ext, EpcisEvent event, Map<String, String> inScope) {
        quantities(ext.getQuantityList(), event.getQuantityList());
        shared.sources(ext.getSourceList(), event.getSourceList(), inScope);
        shared.destinations(ext.getDestinationList(), event.getDestinationList(), inScope);
        event.setIlmd(shared.ilmd(ext.getIlmd()));
        if (ext.getExtension() != null) {
            eventExtension(ext.getExtension().getAny(), ext.getExtension().getOtherAttributes(), event,
                    shared.scope(ext.getExtension(), inScope));
        }
    }

    void aggregationExtension(AggregationEventExtensionType ext, EpcisEvent event, Map<String, String> inScope) {
        quantities(ext.getChildQuantityList(), event.getChildQuantityList());
        shared.sources(ext.getSourceList(), event.getSourceList(), inScope);
        shared.destinations(ext.getDestinationList(), event.getDestinationList(), inScope);
        if (ext.getExtension() != null) {
            eventExtension(ext.getExtension().getAny(), ext.getExtension().getOtherAttributes(), event,
                    shared.scope(ext.getExtension(), inScope));
        }
    }

    void transactionExtension(TransactionEventExtensionType ext, EpcisEvent event, Map<String, String> inScope) {
        quantities(ext.getQuantityList(), event.getQuantityList());
        shared.sources(ext.getSourceList(), event.getSourceList(), inScope);
        shared.destinations(ext.getDestinationList(), event.getDestinationList(), inScope);
        if (ext.getExtension() != null) {
            eventExtension(ext.getExtension().getAny(), ext.getExtension().getOtherAttributes(), event,
                    shared.scope(ext.getExtension(), inScope));
        }
    }

    /**
     * The extension of a 2.0 Object, Aggregation or TransactionEvent (whose type is already set) when it holds what
     * 1.2 has in that event's extension and nothing else: bound again with the 1.2 type and read as 1.2 would.
     * TransformationEvent had its lists as plain fields already in 1.x, and AssociationEvent is new in 2.0: their
     * extension never holds 1.x fields.
     *
     * @param wrapper the bound {@code <extension>}, for its prefix scope
     * @return whether it was read; if not, the event is unchanged and the wrapper is the caller's to keep
     */
    boolean readIfEpcis12EventExtension(Object wrapper, Map<QName, String> attributes, List<Object> content,
                                        EpcisEvent event, Map<String, String> inScope) {
        Set<String> fields = switch (event.getType()) {
            case OBJECT_EVENT -> OBJECT_EXTENSION_FIELDS;
            case AGGREGATION_EVENT -> AGGREGATION_EXTENSION_FIELDS;
            case TRANSACTION_EVENT -> TRANSACTION_EXTENSION_FIELDS;
            default -> Set.of();
        };
        if (fields.isEmpty() || !holdsOnly(content, fields)) {
            return false;
        }
        ExtensionElement tree = ExtensionSlots.wrapper(ExtensionSlots.EXTENSION, attributes, shared.wildcards().toTrees(content));
        Map<String, String> scope = shared.scope(wrapper, inScope);
        switch (event.getType()) {
            case OBJECT_EVENT -> objectExtension(shared.wildcards().bind(tree, ObjectEventExtensionType.class), event, scope);
            case AGGREGATION_EVENT -> aggregationExtension(shared.wildcards().bind(tree, AggregationEventExtensionType.class),
                    event, scope);
            default -> transactionExtension(shared.wildcards().bind(tree, TransactionEventExtensionType.class), event, scope);
        }
        return true;
    }

    /** The innermost event extension: 2.0 fields lifted to the event, anything else kept in the extension wrapper. */
    void eventExtension(List<Object> any, Map<QName, String> attributes, EpcisEvent event, Map<String, String> inScope) {
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

    private ErrorDeclaration errorDeclaration(ErrorDeclarationType declaration, Map<String, String> enclosing) {
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

    /**
     * Only unqualified elements named as the wrapper's 1.2 fields or its nested extension, and at least one such
     * field: a wrapper holding only a nested extension, or anything unknown, is not recognisably 1.x.
     */
    private static boolean holdsOnly(List<Object> content, Set<String> fields) {
        boolean field = false;
        for (Object part : content) {
            String localName = unqualifiedName(part);
            if (localName != null && fields.contains(localName)) {
                field = true;
            } else if (!ExtensionSlots.EXTENSION.equals(localName)) {
                return false;
            }
        }
        return field;
    }

    /** The local name of a wildcard element without namespace, or {@code null}. */
    static String unqualifiedName(Object part) {
        if (part instanceof ExtensionElement tree && tree.name().getNamespaceURI().isEmpty()) {
            return tree.name().getLocalPart();
        }
        return null;
    }

    static String text(Object part) {
        return ((ExtensionElement) part).text();
    }
}
