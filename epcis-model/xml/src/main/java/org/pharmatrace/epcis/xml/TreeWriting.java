package org.pharmatrace.epcis.xml;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.pharmatrace.epcis.model.ExtensionElement;

/**
 * Writes the envelope's element trees (SBDH, header and document extensions) with StAX, declaring each namespace
 * where it is first needed, under the prefix the source used when it is free. Tracks its own scopes because the
 * writer is not namespace-repairing (JAXB declares its own namespaces inside events).
 */
final class TreeWriting {

    private final XMLStreamWriter out;
    private final Deque<Map<String, String>> scopes = new ArrayDeque<>();
    private int generated;

    /** @param rootNamespaces the bindings declared on the document element */
    TreeWriting(XMLStreamWriter out, Map<String, String> rootNamespaces) {
        this.out = out;
        scopes.push(new HashMap<>(rootNamespaces));
    }

    void write(ExtensionElement tree) throws XMLStreamException {
        scopes.push(new HashMap<>());
        QName name = tree.name();
        String ns = name.getNamespaceURI();
        if (ns.isEmpty()) {
            out.writeStartElement(name.getLocalPart());
            String inherited = uriOf("");
            if (inherited != null && !inherited.isEmpty()) {
                out.writeDefaultNamespace("");
                scopes.peek().put("", "");
            }
        } else {
            String prefix = prefixFor(ns, name.getPrefix());
            out.writeStartElement(prefix, name.getLocalPart(), ns);
            declareIfNeeded(prefix, ns);
        }
        for (Map.Entry<QName, String> attribute : tree.attributes().entrySet()) {
            QName attrName = attribute.getKey();
            String attrNs = attrName.getNamespaceURI();
            if (attrNs.isEmpty()) {
                out.writeAttribute(attrName.getLocalPart(), attribute.getValue());
            } else {
                String prefix = prefixFor(attrNs, attrName.getPrefix().isEmpty() ? "ns" : attrName.getPrefix());
                if (prefix.isEmpty()) {
                    prefix = "ns" + (++generated);
                }
                declareIfNeeded(prefix, attrNs);
                out.writeAttribute(prefix, attrNs, attrName.getLocalPart(), attribute.getValue());
            }
        }
        if (tree.isLeaf()) {
            if (tree.text() != null && !tree.text().isEmpty()) {
                out.writeCharacters(tree.text());
            }
        } else {
            for (ExtensionElement child : tree.children()) {
                write(child);
            }
        }
        out.writeEndElement();
        scopes.pop();
    }

    /** The source's prefix if it is free or already bound to this namespace, else a bound or fresh one. */
    private String prefixFor(String ns, String preferred) {
        String boundTo = uriOf(preferred);
        if (boundTo == null || boundTo.equals(ns)) {
            return preferred;
        }
        for (Map<String, String> scope : scopes) {
            for (Map.Entry<String, String> binding : scope.entrySet()) {
                if (binding.getValue().equals(ns) && ns.equals(uriOf(binding.getKey()))) {
                    return binding.getKey();
                }
            }
        }
        String fresh;
        do {
            fresh = "ns" + (++generated);
        } while (uriOf(fresh) != null);
        return fresh;
    }

    private void declareIfNeeded(String prefix, String ns) throws XMLStreamException {
        if (ns.equals(uriOf(prefix))) {
            return;
        }
        if (prefix.isEmpty()) {
            out.writeDefaultNamespace(ns);
        } else {
            out.writeNamespace(prefix, ns);
        }
        scopes.peek().put(prefix, ns);
    }

    private String uriOf(String prefix) {
        for (Map<String, String> scope : scopes) {
            String uri = scope.get(prefix);
            if (uri != null) {
                return uri;
            }
        }
        return null;
    }
}
