package org.pharmatrace.epcis.xml;

import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Unmarshaller;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.pharmatrace.epcis.cbv.EpcisNamespaces;
import org.pharmatrace.epcis.model.EpcisHeader;
import org.pharmatrace.epcis.model.ExtensionElement;
import org.pharmatrace.epcis.model.Vocabulary;
import org.pharmatrace.epcis.xml.bind.v2.EPCISMasterDataType;

/**
 * Reads an EPCISHeader: the SBDH as an element tree (partners put their own content there), master data through
 * the generated bindings, and everything else (GS1 US {@code gs1ushc} statements in 1.2, the header's own
 * {@code extension/extension}) as extension trees.
 */
final class HeaderReading {

    private final Unmarshaller unmarshaller;
    private final MasterDataMapping masterData;

    HeaderReading(Unmarshaller unmarshaller, MasterDataMapping masterData) {
        this.unmarshaller = unmarshaller;
        this.masterData = masterData;
    }

    /** Reads from the EPCISHeader START_ELEMENT to its END_ELEMENT. */
    EpcisHeader read(XMLStreamReader xml) throws XMLStreamException, JAXBException {
        ExtensionElement sbdh = null;
        List<Vocabulary> vocabularies = new ArrayList<>();
        List<ExtensionElement> extensions = new ArrayList<>();
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                return new EpcisHeader(sbdh, vocabularies, extensions);
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            if (EpcisNamespaces.SBDH.equals(xml.getNamespaceURI())
                    && "StandardBusinessDocumentHeader".equals(xml.getLocalName())) {
                sbdh = ExtensionTrees.fromStax(xml);
            } else if (isUnqualified(xml, ExtensionSlots.EXTENSION)) {
                headerExtension(xml, vocabularies, extensions);
            } else {
                extensions.add(ExtensionTrees.fromStax(xml));
            }
        }
    }

    /** EPCISHeader/extension: master data, then the header's extension/extension wrapper. */
    private void headerExtension(XMLStreamReader xml, List<Vocabulary> vocabularies, List<ExtensionElement> extensions)
            throws XMLStreamException, JAXBException {
        // JAXB leaves the reader on the token after the element it bound, which must not be skipped.
        boolean tokenPending = false;
        while (true) {
            int event = tokenPending ? xml.getEventType() : xml.next();
            tokenPending = false;
            if (event == XMLStreamConstants.END_ELEMENT) {
                return;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            if (isUnqualified(xml, "EPCISMasterData")) {
                vocabularies.addAll(masterData.toModel(unmarshaller.unmarshal(xml, EPCISMasterDataType.class).getValue()));
                tokenPending = true;
            } else {
                extensions.add(ExtensionTrees.fromStax(xml));
            }
        }
    }

    static boolean isUnqualified(XMLStreamReader xml, String localName) {
        String ns = xml.getNamespaceURI();
        return (ns == null || ns.isEmpty()) && localName.equals(xml.getLocalName());
    }
}
