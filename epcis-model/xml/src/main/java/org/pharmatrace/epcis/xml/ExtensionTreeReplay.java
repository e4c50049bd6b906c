package org.pharmatrace.epcis.xml;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import org.pharmatrace.epcis.model.ExtensionElement;
import org.xml.sax.ContentHandler;
import org.xml.sax.DTDHandler;
import org.xml.sax.EntityResolver;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.AttributesImpl;

/**
 * Plays an {@link ExtensionElement} tree as SAX events, from which JAXB binds it to a generated type (a 1.2
 * sensorElementList found in an extension wrapper, for instance). Namespaces are announced where the tree first
 * needs them.
 */
final class ExtensionTreeReplay implements XMLReader {

    private static final Map<String, String> WELL_KNOWN_PREFIXES = Map.of(
            "xsd", XMLConstants.W3C_XML_SCHEMA_NS_URI, "xs", XMLConstants.W3C_XML_SCHEMA_NS_URI,
            "xsi", XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI);
    private final ExtensionElement tree;
    private final Deque<Map<String, String>> scopes = new ArrayDeque<>();
    private ContentHandler handler;
    private int generated;

    ExtensionTreeReplay(ExtensionElement tree) {
        this.tree = tree;
    }

    @Override
    public void parse(InputSource input) throws SAXException {
        scopes.clear();
        scopes.push(new HashMap<>());
        handler.startDocument();
        play(tree);
        handler.endDocument();
    }

    private void play(ExtensionElement element) throws SAXException {
        Map<String, String> declared = new LinkedHashMap<>();
        scopes.push(declared);
        QName name = element.name();
        String prefix = "";
        if (!name.getNamespaceURI().isEmpty()) {
            prefix = bind(name.getPrefix(), name.getNamespaceURI(), false);
        } else if (!"".equals(uriOf("")) && uriOf("") != null) {
            declare("", "");
        }
        AttributesImpl attributes = new AttributesImpl();
        for (Map.Entry<QName, String> attribute : element.attributes().entrySet()) {
            QName attrName = attribute.getKey();
            String attrNs = attrName.getNamespaceURI();
            String qName = attrName.getLocalPart();
            if (!attrNs.isEmpty()) {
                qName = bind(attrName.getPrefix(), attrNs, true) + ":" + attrName.getLocalPart();
                if (XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI.equals(attrNs) && "type".equals(attrName.getLocalPart())) {
                    bindTypePrefix(attribute.getValue());
                }
            }
            attributes.addAttribute(attrNs, attrName.getLocalPart(), qName, "CDATA", attribute.getValue());
        }
        for (Map.Entry<String, String> binding : declared.entrySet()) {
            handler.startPrefixMapping(binding.getKey(), binding.getValue());
        }
        String qName = prefix.isEmpty() ? name.getLocalPart() : prefix + ":" + name.getLocalPart();
        handler.startElement(name.getNamespaceURI(), name.getLocalPart(), qName, attributes);
        if (element.isLeaf()) {
            String text = element.text();
            if (text != null && !text.isEmpty()) {
                handler.characters(text.toCharArray(), 0, text.length());
            }
        } else {
            for (ExtensionElement child : element.children()) {
                play(child);
            }
        }
        handler.endElement(name.getNamespaceURI(), name.getLocalPart(), qName);
        for (String bound : declared.keySet()) {
            handler.endPrefixMapping(bound);
        }
        scopes.pop();
    }

    /** The prefix to use for the namespace, declared on the current element when not yet in scope. */
    private String bind(String preferred, String ns, boolean needsPrefix) {
        if (ns.equals(uriOf(preferred)) && !(needsPrefix && preferred.isEmpty())) {
            return preferred;
        }
        if (uriOf(preferred) == null && !(needsPrefix && preferred.isEmpty())) {
            declare(preferred, ns);
            return preferred;
        }
        for (Map<String, String> scope : scopes) {
            for (Map.Entry<String, String> binding : scope.entrySet()) {
                if (binding.getValue().equals(ns) && !binding.getKey().isEmpty() && ns.equals(uriOf(binding.getKey()))) {
                    return binding.getKey();
                }
            }
        }
        String fresh;
        do {
            fresh = "ext" + (++generated);
        } while (uriOf(fresh) != null);
        declare(fresh, ns);
        return fresh;
    }

    /** An xsi:type value names a type by prefix, which must be bound where the value is written. */
    private void bindTypePrefix(String typeName) {
        int colon = typeName.indexOf(':');
        if (colon <= 0) {
            return;
        }
        String prefix = typeName.substring(0, colon);
        if (uriOf(prefix) == null && WELL_KNOWN_PREFIXES.containsKey(prefix)) {
            declare(prefix, WELL_KNOWN_PREFIXES.get(prefix));
        }
    }

    private void declare(String prefix, String ns) {
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

    @Override
    public void parse(String systemId) throws SAXException {
        parse(new InputSource(systemId));
    }

    @Override
    public void setContentHandler(ContentHandler handler) {
        this.handler = handler;
    }

    @Override
    public ContentHandler getContentHandler() {
        return handler;
    }

    @Override
    public boolean getFeature(String name) {
        return "http://xml.org/sax/features/namespaces".equals(name);
    }

    @Override
    public void setFeature(String name, boolean value) {
        // Always namespace-aware, never reporting xmlns attributes: the only mode a tree can be played in.
    }

    @Override
    public Object getProperty(String name) {
        return null;
    }

    @Override
    public void setProperty(String name, Object value) {
        // No properties apply.
    }

    @Override
    public void setEntityResolver(EntityResolver resolver) {
    }

    @Override
    public EntityResolver getEntityResolver() {
        return null;
    }

    @Override
    public void setDTDHandler(DTDHandler dtdHandler) {
    }

    @Override
    public DTDHandler getDTDHandler() {
        return null;
    }

    @Override
    public void setErrorHandler(ErrorHandler errorHandler) {
    }

    @Override
    public ErrorHandler getErrorHandler() {
        return null;
    }
}
