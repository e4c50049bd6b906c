package org.pharmatrace.epcis.xml;

import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import java.util.ArrayList;
import java.util.List;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.pharmatrace.epcis.io.EpcisFormat;
import org.pharmatrace.epcis.io.EpcisFormatException;
import org.pharmatrace.epcis.model.EpcisHeader;
import org.pharmatrace.epcis.model.ExtensionElement;
import org.pharmatrace.epcis.xml.bind.v2.EPCISMasterDataType;

/**
 * Writes an EPCISHeader: the SBDH tree, master data, and the header's extension/extension wrapper.
 * Namespace-qualified header extensions (such as GS1 US {@code gs1ushc} statements) have a slot in the 1.2 header
 * but none in the 2.0 header, so for 2.0 they are returned to be written at document level instead (the
 * EPCISDocument's own wildcard after EPCISBody), which keeps them and keeps the document valid.
 */
final class HeaderWriting {

    private final XMLStreamWriter out;
    private final JaxbFragmentOutput fragments;
    private final TreeWriting trees;
    private final Marshaller marshaller;
    private final MasterDataMapping masterData;

    HeaderWriting(XMLStreamWriter out, JaxbFragmentOutput fragments, TreeWriting trees, Marshaller marshaller,
                  MasterDataMapping masterData) {
        this.out = out;
        this.fragments = fragments;
        this.trees = trees;
        this.marshaller = marshaller;
        this.masterData = masterData;
    }

    /** @return the header extensions that must move to document level */
    List<ExtensionElement> write(EpcisHeader header, EpcisFormat version) throws XMLStreamException, JAXBException {
        if (header.isEmpty()) {
            return List.of();
        }
        ExtensionElement wrapper = ExtensionSlots.find(header.extensions(), ExtensionSlots.EXTENSION);
        List<ExtensionElement> qualified = ExtensionSlots.withoutWrappers(header.extensions(), ExtensionSlots.EXTENSION);
        for (ExtensionElement e : qualified) {
            if (!ExtensionSlots.hasNamespace(e)) {
                throw new EpcisFormatException("Header extension <" + e.name().getLocalPart()
                        + "> has no namespace; EPCIS XML only allows namespace-qualified extensions in EPCISHeader",
                        -1, "EPCISHeader", null);
            }
        }
        if (wrapper != null) {
            for (ExtensionElement e : wrapper.children()) {
                if (ExtensionSlots.hasNamespace(e)) {
                    throw new EpcisFormatException("Element {" + e.name().getNamespaceURI() + "}" + e.name().getLocalPart()
                            + " cannot go in EPCISHeader/extension/extension, which EPCIS reserves for unqualified elements",
                            -1, "EPCISHeader", null);
                }
            }
        }
        boolean v12 = version == EpcisFormat.XML_1_2;
        if (v12 && header.standardBusinessDocumentHeader() == null) {
            throw new EpcisFormatException("EPCIS 1.2 XML requires a StandardBusinessDocumentHeader in EPCISHeader,"
                    + " and this document's header (master data or header extensions) has none", -1, "EPCISHeader", null);
        }
        List<ExtensionElement> displaced = v12 ? List.of() : new ArrayList<>(qualified);
        if (!v12 && header.standardBusinessDocumentHeader() == null && header.masterData().isEmpty() && wrapper == null) {
            // Only qualified extensions, which all move to document level: no empty header needed.
            return displaced;
        }
        out.writeStartElement("EPCISHeader");
        if (header.standardBusinessDocumentHeader() != null) {
            trees.write(header.standardBusinessDocumentHeader());
        }
        if (!header.masterData().isEmpty() || wrapper != null) {
            out.writeStartElement(ExtensionSlots.EXTENSION);
            if (!header.masterData().isEmpty()) {
                fragments.reset();
                marshaller.marshal(new JAXBElement<>(new QName("EPCISMasterData"), EPCISMasterDataType.class,
                        masterData.toXml(header.masterData())), fragments);
            }
            if (wrapper != null) {
                trees.write(wrapper);
            }
            out.writeEndElement();
        }
        if (v12) {
            for (ExtensionElement e : qualified) {
                trees.write(e);
            }
        }
        out.writeEndElement();
        return displaced;
    }
}
