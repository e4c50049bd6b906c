package org.pharmatrace.epcis.xml;

import jakarta.xml.bind.JAXBElement;
import java.util.List;
import javax.xml.namespace.QName;
import org.pharmatrace.epcis.io.EpcisFormatException;
import org.pharmatrace.epcis.model.BizTransaction;
import org.pharmatrace.epcis.model.ExtensionElement;
import org.pharmatrace.epcis.model.Location;
import org.pharmatrace.epcis.model.PersistentDisposition;
import org.pharmatrace.epcis.model.QuantityElement;
import org.pharmatrace.epcis.model.SensorElement;
import org.pharmatrace.epcis.model.SourceDestination;
import org.pharmatrace.epcis.xml.bind.epcglobal.EPC;
import org.pharmatrace.epcis.xml.bind.v2.BusinessLocationExtensionType;
import org.pharmatrace.epcis.xml.bind.v2.BusinessLocationType;
import org.pharmatrace.epcis.xml.bind.v2.BusinessTransactionListType;
import org.pharmatrace.epcis.xml.bind.v2.BusinessTransactionType;
import org.pharmatrace.epcis.xml.bind.v2.DestinationListType;
import org.pharmatrace.epcis.xml.bind.v2.EPCListType;
import org.pharmatrace.epcis.xml.bind.v2.ILMDExtensionType;
import org.pharmatrace.epcis.xml.bind.v2.ILMDType;
import org.pharmatrace.epcis.xml.bind.v2.ObjectFactory;
import org.pharmatrace.epcis.xml.bind.v2.PersistentDispositionType;
import org.pharmatrace.epcis.xml.bind.v2.QuantityElementType;
import org.pharmatrace.epcis.xml.bind.v2.QuantityListType;
import org.pharmatrace.epcis.xml.bind.v2.ReadPointExtensionType;
import org.pharmatrace.epcis.xml.bind.v2.ReadPointType;
import org.pharmatrace.epcis.xml.bind.v2.SensorElementExtensionType;
import org.pharmatrace.epcis.xml.bind.v2.SensorElementListType;
import org.pharmatrace.epcis.xml.bind.v2.SensorElementType;
import org.pharmatrace.epcis.xml.bind.v2.SourceDestType;
import org.pharmatrace.epcis.xml.bind.v2.SourceListType;

/**
 * Builds the generated types for the structures EPCIS 1.2 and 2.0 share. Wildcards are checked on the way: XSD
 * {@code ##other} slots take only namespace-qualified elements and {@code ##local} ones only unqualified elements,
 * so the writer fails with the element's name rather than emit a document that does not validate. IRI-valued
 * fields are written as compact IRIs where the document's prefixes allow ({@link CompactIris}).
 */
final class SharedFieldsWriting {

    private static final ObjectFactory FACTORY = new ObjectFactory();

    private final WildcardContent wildcards;
    private final CompactIris iris;

    SharedFieldsWriting(WildcardContent wildcards, CompactIris iris) {
        this.wildcards = wildcards;
        this.iris = iris;
    }

    WildcardContent wildcards() {
        return wildcards;
    }

    /** XML's spelling of a model IRI (bizStep, disposition, error reason...): compact where possible. */
    String iri(String iri) {
        return iris.compact(iri);
    }

    /** An EPC list, or {@code null} when empty and {@code required} is false. */
    static EPCListType epcs(List<String> epcs, boolean required) {
        if (epcs.isEmpty() && !required) {
            return null;
        }
        EPCListType list = new EPCListType();
        for (String value : epcs) {
            EPC epc = new EPC();
            epc.setValue(value);
            list.getEpc().add(epc);
        }
        return list;
    }

    static QuantityListType quantities(List<QuantityElement> quantities) {
        if (quantities.isEmpty()) {
            return null;
        }
        QuantityListType list = new QuantityListType();
        for (QuantityElement q : quantities) {
            QuantityElementType element = new QuantityElementType();
            element.setEpcClass(q.epcClass());
            if (q.quantity() != null || q.uom() != null) {
                // A unit without a quantity needs the (nillable) quantity element before it.
                JAXBElement<java.math.BigDecimal> quantity = FACTORY.createQuantityElementTypeQuantity(q.quantity());
                if (q.quantity() == null) {
                    quantity.setNil(true);
                }
                element.setQuantity(quantity);
                element.setUom(q.uom());
            }
            list.getQuantityElement().add(element);
        }
        return list;
    }

    ReadPointType readPoint(Location location) {
        if (location == null) {
            return null;
        }
        ReadPointType readPoint = new ReadPointType();
        readPoint.setId(location.id());
        ExtensionElement wrapper = ExtensionSlots.find(location.extensions(), ExtensionSlots.EXTENSION);
        if (wrapper != null) {
            ReadPointExtensionType ext = new ReadPointExtensionType();
            ext.getOtherAttributes().putAll(wrapper.attributes());
            ext.getAny().addAll(local(wrapper.children(), "readPoint/extension"));
            readPoint.setExtension(ext);
        }
        readPoint.getAny().addAll(other(ExtensionSlots.withoutWrappers(location.extensions(), ExtensionSlots.EXTENSION), "readPoint"));
        return readPoint;
    }

    BusinessLocationType bizLocation(Location location) {
        if (location == null) {
            return null;
        }
        BusinessLocationType bizLocation = new BusinessLocationType();
        bizLocation.setId(location.id());
        ExtensionElement wrapper = ExtensionSlots.find(location.extensions(), ExtensionSlots.EXTENSION);
        if (wrapper != null) {
            BusinessLocationExtensionType ext = new BusinessLocationExtensionType();
            ext.getOtherAttributes().putAll(wrapper.attributes());
            ext.getAny().addAll(local(wrapper.children(), "bizLocation/extension"));
            bizLocation.setExtension(ext);
        }
        bizLocation.getAny().addAll(other(ExtensionSlots.withoutWrappers(location.extensions(), ExtensionSlots.EXTENSION), "bizLocation"));
        return bizLocation;
    }

    BusinessTransactionListType bizTransactions(List<BizTransaction> transactions, boolean required) {
        if (transactions.isEmpty() && !required) {
            return null;
        }
        BusinessTransactionListType list = new BusinessTransactionListType();
        for (BizTransaction t : transactions) {
            BusinessTransactionType transaction = new BusinessTransactionType();
            transaction.setType(iris.compact(t.type()));
            transaction.setValue(t.value());
            list.getBizTransaction().add(transaction);
        }
        return list;
    }

    SourceListType sources(List<SourceDestination> sources) {
        if (sources.isEmpty()) {
            return null;
        }
        SourceListType list = new SourceListType();
        for (SourceDestination s : sources) {
            list.getSource().add(sourceDestination(s, "source"));
        }
        return list;
    }

    DestinationListType destinations(List<SourceDestination> destinations) {
        if (destinations.isEmpty()) {
            return null;
        }
        DestinationListType list = new DestinationListType();
        for (SourceDestination d : destinations) {
            list.getDestination().add(sourceDestination(d, "destination"));
        }
        return list;
    }

    private SourceDestType sourceDestination(SourceDestination sd, String element) {
        if (sd.type() == null) {
            throw new EpcisFormatException("A " + element + " needs a type in EPCIS XML (" + sd.value() + ")", -1, element, null);
        }
        SourceDestType type = new SourceDestType();
        type.setType(iris.compact(sd.type()));
        type.setValue(sd.value());
        return type;
    }

    ILMDType ilmd(List<ExtensionElement> ilmd) {
        if (ilmd == null) {
            return null;
        }
        ILMDType type = new ILMDType();
        ExtensionElement wrapper = ExtensionSlots.find(ilmd, ExtensionSlots.EXTENSION);
        if (wrapper != null) {
            ILMDExtensionType ext = new ILMDExtensionType();
            ext.getOtherAttributes().putAll(wrapper.attributes());
            ext.getAny().addAll(local(wrapper.children(), "ilmd/extension"));
            type.setExtension(ext);
        }
        type.getAny().addAll(other(ExtensionSlots.withoutWrappers(ilmd, ExtensionSlots.EXTENSION), "ilmd"));
        return type;
    }

    PersistentDispositionType persistentDisposition(PersistentDisposition pd) {
        if (pd == null) {
            return null;
        }
        PersistentDispositionType type = new PersistentDispositionType();
        pd.unset().forEach(d -> type.getUnset().add(iris.compact(d)));
        pd.set().forEach(d -> type.getSet().add(iris.compact(d)));
        return type;
    }

    SensorElementListType sensorElements(List<SensorElement> sensorElements) {
        if (sensorElements.isEmpty()) {
            return null;
        }
        SensorElementListType list = new SensorElementListType();
        for (SensorElement s : sensorElements) {
            if (s.reports().isEmpty()) {
                throw new EpcisFormatException("A sensorElement needs at least one sensorReport in EPCIS XML", -1,
                        "sensorElement", null);
            }
            SensorElementType element = new SensorElementType();
            if (!s.metadata().isEmpty()) {
                element.setSensorMetadata(SensorAttributes.metadata(s.metadata(), iris));
            }
            s.reports().forEach(r -> element.getSensorReport().add(SensorAttributes.report(r, iris)));
            ExtensionElement wrapper = ExtensionSlots.find(s.extensions(), ExtensionSlots.EXTENSION);
            if (wrapper != null) {
                SensorElementExtensionType ext = new SensorElementExtensionType();
                ext.getOtherAttributes().putAll(wrapper.attributes());
                ext.getAny().addAll(local(wrapper.children(), "sensorElement/extension"));
                element.setExtension(ext);
            }
            element.getAny().addAll(other(ExtensionSlots.withoutWrappers(s.extensions(), ExtensionSlots.EXTENSION), "sensorElement"));
            list.getSensorElement().add(element);
        }
        return list;
    }

    /** Content for an {@code xsd:any namespace="##other"} slot: user extensions, which must have a namespace. */
    List<Object> other(List<ExtensionElement> extensions, String where) {
        for (ExtensionElement e : extensions) {
            if (!ExtensionSlots.hasNamespace(e)) {
                throw new EpcisFormatException("Extension element <" + e.name().getLocalPart() + "> in " + where
                        + " has no namespace; EPCIS XML only allows namespace-qualified extensions there", -1, where, null);
            }
        }
        return wildcards.toAny(extensions);
    }

    /** Content for an {@code xsd:any namespace="##local"} slot (inside an extension wrapper): unqualified only. */
    List<Object> local(List<ExtensionElement> extensions, String where) {
        for (ExtensionElement e : extensions) {
            if (ExtensionSlots.hasNamespace(e)) {
                throw new EpcisFormatException("Element {" + e.name().getNamespaceURI() + "}" + e.name().getLocalPart()
                        + " cannot go in " + where + ", which EPCIS reserves for unqualified elements", -1, where, null);
            }
        }
        return wildcards.toAny(extensions);
    }

    /** A 2.0 structure placed in a 1.2 extension wrapper, where it appears under its 2.0 element name. */
    static <T> JAXBElement<T> element(String name, Class<T> type, T value) {
        return new JAXBElement<>(new QName(name), type, value);
    }
}
