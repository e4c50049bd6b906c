package org.pharmatrace.epcis.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;

/**
 * A user extension (or ILMD, SBDH, master-data value) in any namespace, kept losslessly as a small element tree.
 * A leaf has {@code text}; a complex element has {@code children}. Both syntaxes map onto it: an XML element, or a
 * JSON-LD member whose key is a CURIE or IRI ({@code "example:myField": ...}).
 *
 * @param name namespace URI, local name and the prefix the source used (a hint for writers)
 * @param attributes XML attributes in document order (JSON-LD has none unless it came from XML)
 * @param text the text of a leaf element, {@code null} for a complex one
 * @param children the child elements of a complex element, empty for a leaf
 */
public record ExtensionElement(QName name, Map<QName, String> attributes, String text, List<ExtensionElement> children) {
    public ExtensionElement {
        attributes = attributes.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        children = List.copyOf(children);
    }

    public static ExtensionElement leaf(QName name, String text) {
        return new ExtensionElement(name, Map.of(), text, List.of());
    }

    public static ExtensionElement complex(QName name, List<ExtensionElement> children) {
        return new ExtensionElement(name, Map.of(), null, children);
    }

    public boolean isLeaf() {
        return children.isEmpty();
    }

    /** The first child with this namespace and local name, or {@code null}. */
    public ExtensionElement child(String namespaceUri, String localName) {
        for (ExtensionElement c : children) {
            if (c.name.getLocalPart().equals(localName) && c.name.getNamespaceURI().equals(namespaceUri)) {
                return c;
            }
        }
        return null;
    }
}
