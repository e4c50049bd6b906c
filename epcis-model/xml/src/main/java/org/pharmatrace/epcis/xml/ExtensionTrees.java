package org.pharmatrace.epcis.xml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.pharmatrace.epcis.model.ExtensionElement;

/**
 * Reads XML element trees of the envelope (SBDH, header and document extensions) with StAX into the model's
 * {@link ExtensionElement}, keeping namespace, local name, prefix, attributes and text or children.
 */
final class ExtensionTrees {

    private ExtensionTrees() {
    }

    /**
     * Reads the element the reader is positioned on (START_ELEMENT) with its subtree; leaves the reader on its
     * END_ELEMENT.
     */
    static ExtensionElement fromStax(XMLStreamReader xml) throws XMLStreamException {
        QName name = new QName(nullToEmpty(xml.getNamespaceURI()), xml.getLocalName(), nullToEmpty(xml.getPrefix()));
        Map<QName, String> attributes = new LinkedHashMap<>();
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            attributes.put(new QName(nullToEmpty(xml.getAttributeNamespace(i)), xml.getAttributeLocalName(i),
                    nullToEmpty(xml.getAttributePrefix(i))), xml.getAttributeValue(i));
        }
        List<ExtensionElement> children = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        while (true) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> children.add(fromStax(xml));
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        text.append(xml.getText());
                case XMLStreamConstants.END_ELEMENT -> {
                    return new ExtensionElement(name, attributes, children.isEmpty() ? text.toString() : null, children);
                }
                default -> { }
            }
        }
    }

    static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
