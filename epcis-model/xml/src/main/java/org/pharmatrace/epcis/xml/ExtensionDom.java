package org.pharmatrace.epcis.xml;

import java.util.Map;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.pharmatrace.epcis.model.ExtensionElement;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Builds the DOM elements JAXB marshals into wildcards. (JAXB only marshals a wildcard's content from DOM; reading
 * goes straight to trees, see {@link ExtensionTreeHandler}.) One scratch document per writer; elements are built,
 * marshalled and dropped. Not thread-safe.
 */
final class ExtensionDom {

    private static final Map<String, String> WELL_KNOWN_PREFIXES = Map.of(
            "xsd", XMLConstants.W3C_XML_SCHEMA_NS_URI, "xs", XMLConstants.W3C_XML_SCHEMA_NS_URI,
            "xsi", XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI);
    /**
     * JAXB names the prefixes it invents ns1, ns2, ... and declares one twice when a DOM element uses the same name
     * for another binding, which yields malformed XML; such source prefixes (machine-made themselves, mostly) are
     * renamed, which changes nothing but the prefix.
     */
    private static final Pattern JAXB_STYLE_PREFIX = Pattern.compile("ns\\d+");

    private final Map<String, String> rootNamespaces;
    private Document scratch;

    /** @param rootNamespaces prefix to URI bindings declared on the document element being written */
    ExtensionDom(Map<String, String> rootNamespaces) {
        this.rootNamespaces = rootNamespaces;
    }

    /**
     * The DOM element for a tree. An {@code xsi:type} value names a type by prefix, so the prefix must be bound
     * where the value is written: when the document element does not bind it, it is declared on the element.
     */
    Element toDom(ExtensionElement tree) {
        if (scratch == null) {
            scratch = newDocument();
        }
        return build(tree);
    }

    private Element build(ExtensionElement tree) {
        QName name = tree.name();
        String ns = name.getNamespaceURI();
        Element element = scratch.createElementNS(ns.isEmpty() ? null : ns, qualified(name));
        for (Map.Entry<QName, String> attribute : tree.attributes().entrySet()) {
            QName attrName = attribute.getKey();
            String attrNs = attrName.getNamespaceURI();
            String value = attribute.getValue();
            if (attrNs.isEmpty()) {
                element.setAttributeNS(null, attrName.getLocalPart(), value);
                continue;
            }
            element.setAttributeNS(attrNs, qualified(attrName), value);
            if (XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI.equals(attrNs) && "type".equals(attrName.getLocalPart())) {
                declareTypePrefix(element, value);
            }
        }
        if (tree.isLeaf()) {
            if (tree.text() != null && !tree.text().isEmpty()) {
                element.appendChild(scratch.createTextNode(tree.text()));
            }
        } else {
            for (ExtensionElement child : tree.children()) {
                element.appendChild(build(child));
            }
        }
        return element;
    }

    private void declareTypePrefix(Element element, String typeName) {
        int colon = typeName.indexOf(':');
        if (colon <= 0) {
            return;
        }
        String prefix = typeName.substring(0, colon);
        if (rootNamespaces.containsKey(prefix)) {
            return;
        }
        String uri = WELL_KNOWN_PREFIXES.get(prefix);
        if (uri != null) {
            element.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:" + prefix, uri);
        }
    }

    private static String qualified(QName name) {
        String prefix = name.getPrefix();
        if (prefix.isEmpty()) {
            return name.getLocalPart();
        }
        if (JAXB_STYLE_PREFIX.matcher(prefix).matches()) {
            prefix = "x" + prefix;
        }
        return prefix + ":" + name.getLocalPart();
    }

    private static Document newDocument() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("No DOM implementation", e);
        }
    }
}
