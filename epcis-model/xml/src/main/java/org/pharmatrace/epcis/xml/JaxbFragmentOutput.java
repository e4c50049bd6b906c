package org.pharmatrace.epcis.xml;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.pharmatrace.epcis.cbv.EpcisNamespaces;

/**
 * The output JAXB marshals fragments (events, master data) into. JAXB declares every namespace its context knows on
 * the root of each fragment; for EPCIS that is five or six namespaces (1.2, query, master data) that this content
 * never uses, some 300 bytes per event. This view drops those declarations on the fragment's root element and,
 * should content ever use one of the dropped prefixes after all, declares it on the element that does.
 */
final class JaxbFragmentOutput extends DelegatingStreamWriter {

    private static final Set<String> UNUSED_IN_EVENTS = Set.of(EpcisNamespaces.EPCIS_2_0, EpcisNamespaces.EPCIS_1_2,
            EpcisNamespaces.EPCIS_QUERY_2_0, EpcisNamespaces.EPCIS_QUERY_1_2, EpcisNamespaces.EPCIS_MASTER_DATA_2_0,
            EpcisNamespaces.EPCIS_MASTER_DATA_1_2);

    private final Map<String, String> dropped = new HashMap<>();
    private final Set<String> declaredOnCurrent = new HashSet<>();
    private int depth;

    JaxbFragmentOutput(XMLStreamWriter out) {
        super(out);
    }

    /** Call before marshalling each fragment. */
    void reset() {
        dropped.clear();
        depth = 0;
    }

    @Override
    public void writeStartElement(String prefix, String localName, String namespaceUri) throws XMLStreamException {
        startElement();
        super.writeStartElement(prefix, localName, namespaceUri);
        redeclareIfDropped(prefix);
    }

    @Override
    public void writeStartElement(String localName) throws XMLStreamException {
        startElement();
        super.writeStartElement(localName);
    }

    @Override
    public void writeStartElement(String namespaceUri, String localName) throws XMLStreamException {
        startElement();
        super.writeStartElement(namespaceUri, localName);
    }

    @Override
    public void writeEmptyElement(String prefix, String localName, String namespaceUri) throws XMLStreamException {
        declaredOnCurrent.clear();
        super.writeEmptyElement(prefix, localName, namespaceUri);
        redeclareIfDropped(prefix);
    }

    @Override
    public void writeEndElement() throws XMLStreamException {
        depth--;
        super.writeEndElement();
    }

    @Override
    public void writeNamespace(String prefix, String namespaceUri) throws XMLStreamException {
        if (depth == 1 && UNUSED_IN_EVENTS.contains(namespaceUri)) {
            dropped.put(prefix, namespaceUri);
            return;
        }
        declaredOnCurrent.add(prefix);
        super.writeNamespace(prefix, namespaceUri);
    }

    @Override
    public void writeAttribute(String prefix, String namespaceUri, String localName, String value) throws XMLStreamException {
        redeclareIfDropped(prefix);
        super.writeAttribute(prefix, namespaceUri, localName, value);
    }

    private void startElement() {
        depth++;
        declaredOnCurrent.clear();
    }

    private void redeclareIfDropped(String prefix) throws XMLStreamException {
        String uri = prefix == null ? null : dropped.get(prefix);
        if (uri != null && declaredOnCurrent.add(prefix)) {
            super.writeNamespace(prefix, uri);
        }
    }
}
