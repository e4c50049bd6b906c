package org.pharmatrace.epcis.xml;

import jakarta.xml.bind.Unmarshaller;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

/**
 * The namespace prefixes in scope as a document is read, for the compact IRIs in event fields: {@code ext1:x} means
 * what {@code ext1} is bound to where the value stands, which may be a declaration on the event or on a
 * sensorReport, not only on the root. All reading goes through this view of the parser; while JAXB binds an event,
 * {@link #listener()} notes the prefixes in scope where each object of it started, when they differ from the root's.
 *
 * <p>JAXB makes no object for an element with text only ({@code bizStep}, {@code reason}), so a declaration on such
 * an element itself is not seen: its value is read with the prefixes of the element around it.
 */
final class NamespaceScopes extends StreamReaderDelegate {

    /** The prefixes in scope from an element that declares some, {@code depth} levels below the document. */
    private record Scope(int depth, Map<String, String> prefixes) {
    }

    private final Deque<Scope> scopes = new ArrayDeque<>();
    private final Map<Object, Map<String, String>> bound = new IdentityHashMap<>();
    private Map<String, String> root = Map.of();
    private int depth;
    private boolean leaving;

    NamespaceScopes(XMLStreamReader parser) {
        super(parser);
    }

    @Override
    public int next() throws XMLStreamException {
        if (leaving) {
            leaving = false;
            if (!scopes.isEmpty() && scopes.peek().depth() == depth) {
                scopes.pop();
            }
            depth--;
        }
        int event = super.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
            depth++;
            enter();
        } else if (event == XMLStreamConstants.END_ELEMENT) {
            // The element's prefixes stay in scope on its end tag; they go with the next step.
            leaving = true;
        }
        return event;
    }

    private void enter() {
        Map<String, String> prefixes = null;
        for (int i = 0; i < getNamespaceCount(); i++) {
            String prefix = getNamespacePrefix(i);
            if (prefix != null && !prefix.isEmpty()) {
                if (prefixes == null) {
                    prefixes = new HashMap<>(current());
                }
                prefixes.put(prefix, ExtensionTrees.nullToEmpty(getNamespaceURI(i)));
            }
        }
        if (prefixes != null) {
            scopes.push(new Scope(depth, Collections.unmodifiableMap(prefixes)));
        }
        if (depth == 1) {
            root = current();
        }
    }

    /** The default methods would step the parser past this view, which must see every tag. */
    @Override
    public int nextTag() throws XMLStreamException {
        int event = next();
        while (event == XMLStreamConstants.SPACE || event == XMLStreamConstants.COMMENT
                || event == XMLStreamConstants.PROCESSING_INSTRUCTION
                || (event == XMLStreamConstants.CHARACTERS && isWhiteSpace())) {
            event = next();
        }
        if (event != XMLStreamConstants.START_ELEMENT && event != XMLStreamConstants.END_ELEMENT) {
            throw new XMLStreamException("Expected a start or end tag", getLocation());
        }
        return event;
    }

    @Override
    public String getElementText() throws XMLStreamException {
        if (getEventType() != XMLStreamConstants.START_ELEMENT) {
            throw new XMLStreamException("Element text is read from a start tag", getLocation());
        }
        StringBuilder text = new StringBuilder();
        while (true) {
            switch (next()) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE,
                        XMLStreamConstants.ENTITY_REFERENCE -> text.append(getText());
                case XMLStreamConstants.END_ELEMENT -> {
                    return text.toString();
                }
                case XMLStreamConstants.START_ELEMENT ->
                        throw new XMLStreamException("Text expected, found element <" + getLocalName() + ">", getLocation());
                case XMLStreamConstants.END_DOCUMENT -> throw new XMLStreamException("Document ends inside an element");
                default -> {
                    // comments and processing instructions are not text
                }
            }
        }
    }

    /** The prefixes declared on the document element. */
    Map<String, String> root() {
        return root;
    }

    /** The prefixes in scope at the current position. */
    Map<String, String> current() {
        return scopes.isEmpty() ? root : scopes.peek().prefixes();
    }

    /**
     * Notes, for each object JAXB starts, the prefixes in scope at its element (JAXB creates it on the start tag,
     * before reading further).
     */
    Unmarshaller.Listener listener() {
        return new Unmarshaller.Listener() {
            @Override
            public void beforeUnmarshal(Object target, Object parent) {
                Map<String, String> inScope = current();
                if (inScope != root) {
                    bound.put(target, inScope);
                }
            }
        };
    }

    /**
     * The prefixes in scope where JAXB started {@code object}; {@code enclosing} for an object it did not note (one
     * in the root's scope, or one bound later from kept extension content, which has the scope around it).
     */
    Map<String, String> of(Object object, Map<String, String> enclosing) {
        Map<String, String> inScope = bound.get(object);
        return inScope != null ? inScope : enclosing;
    }

    /** Forgets the objects of the event just read. */
    void forgetBound() {
        bound.clear();
    }
}
