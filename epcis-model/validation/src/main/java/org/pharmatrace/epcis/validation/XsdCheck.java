package org.pharmatrace.epcis.validation;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.validation.Schema;
import javax.xml.validation.ValidatorHandler;
import org.xml.sax.Attributes;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.XMLFilterImpl;

/**
 * Streams an EPCIS XML document through the official XSD and reports each schema error with the event it is in
 * (index and eventID) and the element path inside that event. Refuses any DTD that declares or loads something
 * (entities, an external subset); a bare {@code <!DOCTYPE x>}, as some GS1 examples carry, declares nothing and passes,
 * as it does in the reader.
 */
final class XsdCheck {

    private static final SAXParserFactory PARSERS = secureParserFactory();

    private XsdCheck() {
    }

    /** Returns the number of events seen. */
    static long check(InputStream in, Schema schema, ErrorCollector errors) throws IOException {
        ValidatorHandler validator = schema.newValidatorHandler();
        EventTracker tracker = new EventTracker(errors);
        validator.setErrorHandler(tracker);
        tracker.setContentHandler(validator);
        try {
            XMLReader reader = PARSERS.newSAXParser().getXMLReader();
            reader.setProperty("http://xml.org/sax/properties/declaration-handler", DtdRefusal.INSTANCE);
            reader.setProperty("http://xml.org/sax/properties/lexical-handler", DtdRefusal.INSTANCE);
            tracker.setParent(reader);
            tracker.setErrorHandler(tracker);
            tracker.parse(new InputSource(in));
        } catch (SAXParseException e) {
            // fatal: already reported by the tracker, parsing cannot go on
        } catch (SAXException | ParserConfigurationException e) {
            errors.add(-1, null, null, DtdRefusal.MESSAGE.equals(e.getMessage()) ? e.getMessage()
                    : "cannot parse the XML: " + e.getMessage());
        }
        return tracker.eventCount;
    }

    private static SAXParserFactory secureParserFactory() {
        try {
            SAXParserFactory f = SAXParserFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            return f;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("the JDK's SAX parser lacks a security feature", e);
        }
    }

    /** Stops the parse at the first thing a DTD would declare or load. */
    private static final class DtdRefusal extends org.xml.sax.ext.DefaultHandler2 {
        static final DtdRefusal INSTANCE = new DtdRefusal();
        static final String MESSAGE = "DTDs (DOCTYPE declarations with an internal subset or an external DTD) are not"
                + " accepted in EPCIS documents";

        @Override
        public void startDTD(String name, String publicId, String systemId) throws SAXException {
            if (publicId != null || systemId != null) {
                throw new SAXException(MESSAGE);
            }
        }

        @Override
        public void elementDecl(String name, String model) throws SAXException {
            throw new SAXException(MESSAGE);
        }

        @Override
        public void attributeDecl(String eName, String aName, String type, String mode, String value) throws SAXException {
            throw new SAXException(MESSAGE);
        }

        @Override
        public void internalEntityDecl(String name, String value) throws SAXException {
            throw new SAXException(MESSAGE);
        }

        @Override
        public void externalEntityDecl(String name, String publicId, String systemId) throws SAXException {
            throw new SAXException(MESSAGE);
        }
    }

    /** Sits between parser and validator, knowing at every moment which event and field is being read. */
    private static final class EventTracker extends XMLFilterImpl implements ErrorHandler {
        private final ErrorCollector errors;
        private final Deque<String> path = new ArrayDeque<>();
        private Locator locator;
        private int eventListDepth = -1;
        private int eventDepth = -1;
        private long eventIndex = -1;
        private long eventCount;
        private String eventId;
        private StringBuilder eventIdText;

        EventTracker(ErrorCollector errors) {
            this.errors = errors;
        }

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
            super.setDocumentLocator(locator);
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
            path.push(localName);
            int depth = path.size();
            if (eventDepth < 0) {
                if ("EventList".equals(localName)) {
                    eventListDepth = depth;
                } else if (eventListDepth > 0 && localName.endsWith("Event")
                        && (depth == eventListDepth + 1 || depth == eventListDepth + 2)) {
                    eventDepth = depth;
                    eventIndex = eventCount++;
                    eventId = null;
                }
            } else if ("eventID".equals(localName) && eventId == null) {
                eventIdText = new StringBuilder();
            }
            super.startElement(uri, localName, qName, atts);
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            if (eventIdText != null) {
                eventIdText.append(ch, start, length);
            }
            super.characters(ch, start, length);
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            super.endElement(uri, localName, qName);
            if (eventIdText != null && "eventID".equals(localName)) {
                eventId = eventIdText.toString().trim();
                eventIdText = null;
            }
            if (path.size() == eventDepth) {
                eventDepth = -1;
            } else if (path.size() == eventListDepth) {
                eventListDepth = -1;
            }
            path.pop();
        }

        private String field() {
            if (eventDepth < 0 || path.size() <= eventDepth) {
                return eventDepth < 0 ? String.join("/", reversed()) : null;
            }
            String[] names = reversed();
            return String.join("/", java.util.Arrays.copyOfRange(names, eventDepth, names.length));
        }

        private String[] reversed() {
            String[] names = path.toArray(new String[0]);
            for (int i = 0, j = names.length - 1; i < j; i++, j--) {
                String t = names[i];
                names[i] = names[j];
                names[j] = t;
            }
            return names;
        }

        private void report(SAXParseException e) {
            long index = eventDepth < 0 ? -1 : eventIndex;
            String message = e.getMessage();
            if (message != null && message.contains("DOCTYPE")) {
                message = "DTDs (DOCTYPE declarations) are not accepted in EPCIS documents";
            }
            errors.add(new ValidationError(index, index < 0 ? null : eventId, field(), message,
                    e.getLineNumber() > 0 ? e.getLineNumber() : locator == null ? -1 : locator.getLineNumber()));
        }

        @Override
        public void warning(SAXParseException e) {
            // schema warnings do not make a document invalid
        }

        @Override
        public void error(SAXParseException e) {
            report(e);
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            report(e);
            throw e;
        }
    }
}
