package org.pharmatrace.epcis.xml;

import com.ctc.wstx.stax.WstxOutputFactory;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import java.io.OutputStream;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.pharmatrace.epcis.cbv.EpcisNamespaces;
import org.pharmatrace.epcis.io.EpcisDocumentWriter;
import org.pharmatrace.epcis.io.EpcisFormat;
import org.pharmatrace.epcis.io.EpcisFormatException;
import org.pharmatrace.epcis.model.DocumentKind;
import org.pharmatrace.epcis.model.EpcisDocumentInfo;
import org.pharmatrace.epcis.model.EpcisEvent;
import org.pharmatrace.epcis.model.ExtensionElement;

/**
 * Writes an EPCIS 2.0 or 1.2 XML document event by event: the envelope with StAX, each event as a JAXB fragment
 * of the generated types, so nothing but the current event is held. The output validates against the official
 * XSD of its version; what cannot be expressed validly is refused with an {@link EpcisFormatException} naming the
 * event and field rather than written wrongly or dropped.
 *
 * <p>EPCIS 1.2 output follows GS1's 2.0-to-1.2 conversion: fields 1.2 lacks go in its extension elements, and
 * AssociationEvent (new in 2.0) in EventList/extension/extension, a slot 1.2 leaves open. Not thread-safe; closing
 * completes the document but leaves the output stream open.
 */
public final class EpcisXmlWriter implements EpcisDocumentWriter {

    private static final XMLOutputFactory OUTPUT = new WstxOutputFactory();

    private final OutputStream out;
    private final EpcisFormat version;
    private XMLStreamWriter xml;
    private JaxbFragmentOutput fragments;
    private Marshaller marshaller;
    private TreeWriting trees;
    private Epcis20EventWriting writing20;
    private Epcis12EventWriting writing12;
    private EpcisDocumentInfo document;
    private final List<ExtensionElement> trailingExtensions = new ArrayList<>();
    private long eventIndex = -1;
    private boolean closed;

    /** An EPCIS 2.0 XML writer. */
    public EpcisXmlWriter(OutputStream out) {
        this(out, EpcisFormat.XML_2_0);
    }

    /** @param version {@link EpcisFormat#XML_2_0} or {@link EpcisFormat#XML_1_2} */
    public EpcisXmlWriter(OutputStream out, EpcisFormat version) {
        if (version != EpcisFormat.XML_2_0 && version != EpcisFormat.XML_1_2) {
            throw new IllegalArgumentException("EpcisXmlWriter writes EPCIS XML 2.0 or 1.2, not " + version);
        }
        this.out = out;
        this.version = version;
    }

    /** The syntax this writer produces. */
    public EpcisFormat format() {
        return version;
    }

    @Override
    public void start(EpcisDocumentInfo info) {
        if (xml != null) {
            throw new IllegalStateException("The document has already been started");
        }
        document = info;
        boolean query = info.getKind() == DocumentKind.EPCIS_QUERY_DOCUMENT;
        boolean v2 = version == EpcisFormat.XML_2_0;
        String rootPrefix = query ? "epcisq" : "epcis";
        String rootNamespace = query ? (v2 ? EpcisNamespaces.EPCIS_QUERY_2_0 : EpcisNamespaces.EPCIS_QUERY_1_2)
                : (v2 ? EpcisNamespaces.EPCIS_2_0 : EpcisNamespaces.EPCIS_1_2);
        RootNamespaces namespaces = new RootNamespaces(rootPrefix, rootNamespace, info.getNamespaces());
        Map<String, String> bindings = namespaces.bindings();
        try {
            xml = OUTPUT.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement(rootPrefix, query ? "EPCISQueryDocument" : "EPCISDocument", rootNamespace);
            for (Map.Entry<String, String> binding : bindings.entrySet()) {
                xml.writeNamespace(binding.getKey(), binding.getValue());
            }
            xml.writeAttribute("schemaVersion", v2 ? "2.0" : "1.2");
            xml.writeAttribute("creationDate", info.getCreationDate() != null ? info.getCreationDate()
                    : DateTimeFormatter.ISO_INSTANT.format(Instant.now().truncatedTo(ChronoUnit.MILLIS)));

            fragments = new JaxbFragmentOutput(xml);
            marshaller = EpcisJaxb.newFragmentMarshaller();
            marshaller.setProperty("org.glassfish.jaxb.namespacePrefixMapper", namespaces);
            WildcardContent wildcards = new WildcardContent(bindings);
            SharedFieldsWriting shared = new SharedFieldsWriting(wildcards, new CompactIris(bindings));
            writing20 = new Epcis20EventWriting(shared);
            writing12 = new Epcis12EventWriting(shared);
            trees = new TreeWriting(xml, bindings);

            trailingExtensions.addAll(new HeaderWriting(xml, fragments, trees, marshaller, new MasterDataMapping(wildcards))
                    .write(info.getHeader(), version));
            xml.writeStartElement("EPCISBody");
            if (query) {
                xml.writeStartElement(rootPrefix, "QueryResults", rootNamespace);
                writeText("queryName", info.getQueryName() != null ? info.getQueryName() : "SimpleEventQuery");
                if (info.getSubscriptionId() != null) {
                    writeText("subscriptionID", info.getSubscriptionId());
                }
                xml.writeStartElement("resultsBody");
            }
            xml.writeStartElement("EventList");
        } catch (XMLStreamException | JAXBException e) {
            throw new EpcisFormatException("Cannot write the EPCIS XML document header: " + JaxbErrors.describe(e), e);
        }
    }

    @Override
    public void write(EpcisEvent event) {
        if (xml == null) {
            throw new IllegalStateException("start() the document before writing events");
        }
        if (closed) {
            throw new IllegalStateException("The document is closed");
        }
        long index = eventIndex + 1;
        String type = event.getType() == null ? "event" : event.getType().localName();
        try {
            fragments.reset();
            if (version == EpcisFormat.XML_2_0) {
                marshaller.marshal(writing20.toXml(event), fragments);
            } else {
                Epcis12EventWriting.Placement placement = writing12.toXml(event);
                for (int i = 0; i < placement.eventListExtensionDepth(); i++) {
                    xml.writeStartElement(ExtensionSlots.EXTENSION);
                }
                marshaller.marshal(placement.element(), fragments);
                for (int i = 0; i < placement.eventListExtensionDepth(); i++) {
                    xml.writeEndElement();
                }
            }
        } catch (EpcisFormatException e) {
            throw new EpcisFormatException("Cannot write event #" + index + " (" + type + ") as " + versionName() + ": "
                    + e.getMessage(), index, e.field(), e);
        } catch (JAXBException | XMLStreamException | RuntimeException e) {
            throw new EpcisFormatException("Cannot write event #" + index + " (" + type + ") as " + versionName() + ": "
                    + JaxbErrors.describe(e), index, null, e);
        }
        eventIndex = index;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        if (xml == null) {
            start(new EpcisDocumentInfo());
        }
        closed = true;
        try {
            xml.writeEndElement(); // EventList
            if (document.getKind() == DocumentKind.EPCIS_QUERY_DOCUMENT) {
                xml.writeEndElement(); // resultsBody
                xml.writeEndElement(); // QueryResults
            }
            xml.writeEndElement(); // EPCISBody
            writeDocumentExtensions();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.flush();
            xml.close();
            out.flush();
        } catch (XMLStreamException | java.io.IOException e) {
            throw new EpcisFormatException("Cannot complete the EPCIS XML document: " + JaxbErrors.describe(e), e);
        }
    }

    /** After EPCISBody: the document's extension wrapper (unqualified content), then qualified extensions. */
    private void writeDocumentExtensions() throws XMLStreamException {
        ExtensionElement wrapper = ExtensionSlots.find(document.getExtensions(), ExtensionSlots.EXTENSION);
        if (wrapper != null) {
            for (ExtensionElement child : wrapper.children()) {
                if (ExtensionSlots.hasNamespace(child)) {
                    throw new EpcisFormatException("Element {" + child.name().getNamespaceURI() + "}"
                            + child.name().getLocalPart() + " cannot go in the document's extension element, which"
                            + " EPCIS reserves for unqualified elements");
                }
            }
            trees.write(wrapper);
        }
        List<ExtensionElement> qualified = new ArrayList<>(
                ExtensionSlots.withoutWrappers(document.getExtensions(), ExtensionSlots.EXTENSION));
        qualified.addAll(trailingExtensions);
        for (ExtensionElement e : qualified) {
            if (!ExtensionSlots.hasNamespace(e)) {
                throw new EpcisFormatException("Document extension <" + e.name().getLocalPart()
                        + "> has no namespace; EPCIS XML only allows namespace-qualified extensions after EPCISBody");
            }
            trees.write(e);
        }
    }

    private void writeText(String element, String text) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private String versionName() {
        return version == EpcisFormat.XML_2_0 ? "EPCIS 2.0 XML" : "EPCIS 1.2 XML";
    }
}
