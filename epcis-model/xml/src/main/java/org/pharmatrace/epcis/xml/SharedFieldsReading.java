package org.pharmatrace.epcis.xml;

import jakarta.xml.bind.JAXBElement;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;
import org.pharmatrace.epcis.cbv.CbvVocabulary;
import org.pharmatrace.epcis.io.EpcisFormatException;
import org.pharmatrace.epcis.model.Action;
import org.pharmatrace.epcis.model.BizTransaction;
import org.pharmatrace.epcis.model.ExtensionElement;
import org.pharmatrace.epcis.model.Location;
import org.pharmatrace.epcis.model.PersistentDisposition;
import org.pharmatrace.epcis.model.QuantityElement;
import org.pharmatrace.epcis.model.SensorElement;
import org.pharmatrace.epcis.model.SourceDestination;
import org.pharmatrace.epcis.xml.bind.epcglobal.EPC;
import org.pharmatrace.epcis.xml.bind.v2.BusinessLocationType;
import org.pharmatrace.epcis.xml.bind.v2.BusinessTransactionListType;
import org.pharmatrace.epcis.xml.bind.v2.BusinessTransactionType;
import org.pharmatrace.epcis.xml.bind.v2.DestinationListType;
import org.pharmatrace.epcis.xml.bind.v2.EPCListType;
import org.pharmatrace.epcis.xml.bind.v2.ILMDType;
import org.pharmatrace.epcis.xml.bind.v2.PersistentDispositionType;
import org.pharmatrace.epcis.xml.bind.v2.QuantityElementType;
import org.pharmatrace.epcis.xml.bind.v2.QuantityListType;
import org.pharmatrace.epcis.xml.bind.v2.ReadPointType;
import org.pharmatrace.epcis.xml.bind.v2.SensorElementListType;
import org.pharmatrace.epcis.xml.bind.v2.SensorElementType;
import org.pharmatrace.epcis.xml.bind.v2.SensorMetadataType;
import org.pharmatrace.epcis.xml.bind.v2.SensorReportType;
import org.pharmatrace.epcis.xml.bind.v2.SourceDestType;
import org.pharmatrace.epcis.xml.bind.v2.SourceListType;

/**
 * Reads the structures EPCIS 1.2 and 2.0 share (their generated types are the same classes) into the model:
 * EPC and quantity lists, locations, business transactions, sources and destinations, ILMD, sensor data.
 * Identifiers are trimmed (XML Schema collapses whitespace in anyURI), compact IRIs are expanded with the prefixes
 * in scope where they stand ({@link CompactIris}) and CBV terms become URNs.
 *
 * <p>Methods taking {@code enclosing} read objects of the event being read: it is the prefix scope of the element
 * around them, for those JAXB did not note a scope of their own ({@link NamespaceScopes#of}).
 */
final class SharedFieldsReading {

    private final WildcardContent wildcards;
    private final NamespaceScopes scopes;

    SharedFieldsReading(WildcardContent wildcards, NamespaceScopes scopes) {
        this.wildcards = wildcards;
        this.scopes = scopes;
    }

    WildcardContent wildcards() {
        return wildcards;
    }

    /** The prefixes in scope at the element {@code bound} was read from. */
    Map<String, String> scope(Object bound, Map<String, String> enclosing) {
        return scopes.of(bound, enclosing);
    }

    /** The prefixes in scope of an event (and of all it holds, unless noted otherwise). */
    Map<String, String> eventScope(Object event) {
        return scopes.of(event, scopes.root());
    }

    static String clean(String value) {
        return value == null ? null : value.strip();
    }

    static Action action(String action) {
        if (action == null) {
            return null;
        }
        try {
            return Action.valueOf(action.strip());
        } catch (IllegalArgumentException e) {
            throw new EpcisFormatException("Invalid action '" + action.strip() + "': EPCIS allows ADD, OBSERVE or DELETE",
                    -1, "action", e);
        }
    }

    /** A CBV-typed field: a compact IRI expanded, then a standard term (in any spelling) as its URN. */
    static String cbv(CbvVocabulary vocabulary, String value, Map<String, String> inScope) {
        return value == null ? null : vocabulary.toUrn(CompactIris.expand(value.strip(), inScope));
    }

    static void epcs(EPCListType list, List<String> into) {
        if (list != null) {
            for (EPC epc : list.getEpc()) {
                into.add(clean(epc.getValue()));
            }
        }
    }

    static void quantities(QuantityListType list, List<QuantityElement> into) {
        if (list != null) {
            for (QuantityElementType q : list.getQuantityElement()) {
                JAXBElement<BigDecimal> quantity = q.getQuantity();
                into.add(new QuantityElement(clean(q.getEpcClass()), quantity == null || quantity.isNil() ? null : quantity.getValue(),
                        clean(q.getUom())));
            }
        }
    }

    Location readPoint(ReadPointType location) {
        if (location == null) {
            return null;
        }
        return new Location(clean(location.getId()), extensions(location.getExtension() == null ? null
                : wildcards.wrapper(ExtensionSlots.EXTENSION, location.getExtension().getOtherAttributes(),
                location.getExtension().getAny()), location.getAny()));
    }

    Location bizLocation(BusinessLocationType location) {
        if (location == null) {
            return null;
        }
        return new Location(clean(location.getId()), extensions(location.getExtension() == null ? null
                : wildcards.wrapper(ExtensionSlots.EXTENSION, location.getExtension().getOtherAttributes(),
                location.getExtension().getAny()), location.getAny()));
    }

    void bizTransactions(BusinessTransactionListType list, List<BizTransaction> into, Map<String, String> enclosing) {
        if (list != null) {
            for (BusinessTransactionType t : list.getBizTransaction()) {
                into.add(new BizTransaction(cbv(CbvVocabulary.BIZ_TRANSACTION_TYPE, t.getType(), scope(t, enclosing)),
                        clean(t.getValue())));
            }
        }
    }

    void sources(SourceListType list, List<SourceDestination> into, Map<String, String> enclosing) {
        if (list != null) {
            sourceDestinations(list.getSource(), into, enclosing);
        }
    }

    void destinations(DestinationListType list, List<SourceDestination> into, Map<String, String> enclosing) {
        if (list != null) {
            sourceDestinations(list.getDestination(), into, enclosing);
        }
    }

    private void sourceDestinations(List<SourceDestType> list, List<SourceDestination> into, Map<String, String> enclosing) {
        for (SourceDestType sd : list) {
            into.add(new SourceDestination(cbv(CbvVocabulary.SOURCE_DESTINATION_TYPE, sd.getType(), scope(sd, enclosing)),
                    clean(sd.getValue())));
        }
    }

    /** ILMD content: user elements in any namespace, and its {@code <extension>} wrapper if present. */
    List<ExtensionElement> ilmd(ILMDType ilmd) {
        if (ilmd == null) {
            return null;
        }
        return extensions(ilmd.getExtension() == null ? null
                : wildcards.wrapper(ExtensionSlots.EXTENSION, ilmd.getExtension().getOtherAttributes(),
                ilmd.getExtension().getAny()), ilmd.getAny());
    }

    PersistentDisposition persistentDisposition(PersistentDispositionType pd, Map<String, String> enclosing) {
        if (pd == null) {
            return null;
        }
        Map<String, String> inScope = scope(pd, enclosing);
        return new PersistentDisposition(pd.getSet().stream().map(v -> cbv(CbvVocabulary.DISPOSITION, v, inScope)).toList(),
                pd.getUnset().stream().map(v -> cbv(CbvVocabulary.DISPOSITION, v, inScope)).toList());
    }

    void sensorElements(SensorElementListType list, List<SensorElement> into, Map<String, String> enclosing) {
        if (list == null) {
            return;
        }
        for (SensorElementType element : list.getSensorElement()) {
            List<Map<QName, String>> reports = new ArrayList<>(element.getSensorReport().size());
            for (SensorReportType report : element.getSensorReport()) {
                reports.add(SensorAttributes.of(report, scope(report, enclosing)));
            }
            SensorMetadataType metadata = element.getSensorMetadata();
            into.add(new SensorElement(SensorAttributes.of(metadata, scope(metadata, enclosing)), reports,
                    extensions(element.getExtension() == null ? null
                            : wildcards.wrapper(ExtensionSlots.EXTENSION, element.getExtension().getOtherAttributes(),
                            element.getExtension().getAny()), element.getAny())));
        }
    }

    /** The wrapper (if any) followed by the wildcard content. */
    List<ExtensionElement> extensions(ExtensionElement wrapper, List<Object> any) {
        List<ExtensionElement> trees = wildcards.toTrees(any);
        if (wrapper == null) {
            return trees;
        }
        List<ExtensionElement> all = new ArrayList<>(trees.size() + 1);
        all.add(wrapper);
        all.addAll(trees);
        return all;
    }
}
