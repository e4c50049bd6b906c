package org.pharmatrace.epcis.xml;

import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

/**
 * Presents elements in the EPCIS namespace as unqualified. EPCIS event content is unqualified, but some writers
 * qualify the whole event ({@code <epcis:ObjectEvent><epcis:eventTime>...}); seen through this view such an event
 * binds like a conformant one. Only used for events that arrive qualified, so conformant documents pay nothing.
 */
final class EpcisNamespaceUnqualifier extends StreamReaderDelegate {

    private final String epcisNamespace;

    EpcisNamespaceUnqualifier(XMLStreamReader reader, String epcisNamespace) {
        super(reader);
        this.epcisNamespace = epcisNamespace;
    }

    private boolean unqualify() {
        return isStartElement() || isEndElement() ? epcisNamespace.equals(super.getNamespaceURI()) : false;
    }

    @Override
    public String getNamespaceURI() {
        return unqualify() ? "" : super.getNamespaceURI();
    }

    @Override
    public String getPrefix() {
        return unqualify() ? "" : super.getPrefix();
    }

    @Override
    public QName getName() {
        return unqualify() ? new QName(getLocalName()) : super.getName();
    }
}
