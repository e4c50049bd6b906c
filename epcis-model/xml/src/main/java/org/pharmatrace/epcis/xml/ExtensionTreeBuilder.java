package org.pharmatrace.epcis.xml;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;
import org.pharmatrace.epcis.model.ExtensionElement;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/** Builds an {@link ExtensionElement} tree from the SAX events of one element, as JAXB hands a wildcard's content. */
final class ExtensionTreeBuilder extends DefaultHandler {

    private record Open(QName name, Map<QName, String> attributes, StringBuilder text, List<ExtensionElement> children) {
    }

    private final Deque<Open> open = new ArrayDeque<>();
    private ExtensionElement tree;

    ExtensionElement tree() {
        return tree;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) {
        Map<QName, String> attributes = new LinkedHashMap<>();
        for (int i = 0; i < atts.getLength(); i++) {
            String attrQName = atts.getQName(i);
            if (attrQName.equals("xmlns") || attrQName.startsWith("xmlns:")) {
                continue;
            }
            attributes.put(new QName(nullToEmpty(atts.getURI(i)), localPart(atts.getLocalName(i), attrQName), prefix(attrQName)),
                    atts.getValue(i));
        }
        open.push(new Open(new QName(nullToEmpty(uri), localPart(localName, qName), prefix(qName)), attributes,
                new StringBuilder(), new ArrayList<>()));
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        if (!open.isEmpty()) {
            open.peek().text().append(ch, start, length);
        }
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) {
        characters(ch, start, length);
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        Open done = open.pop();
        ExtensionElement element = new ExtensionElement(done.name(), done.attributes(),
                done.children().isEmpty() ? done.text().toString() : null, done.children());
        if (open.isEmpty()) {
            tree = element;
        } else {
            open.peek().children().add(element);
        }
    }

    private static String prefix(String qName) {
        int colon = qName == null ? -1 : qName.indexOf(':');
        return colon > 0 ? qName.substring(0, colon) : "";
    }

    private static String localPart(String localName, String qName) {
        if (localName != null && !localName.isEmpty()) {
            return localName;
        }
        int colon = qName.indexOf(':');
        return colon >= 0 ? qName.substring(colon + 1) : qName;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
