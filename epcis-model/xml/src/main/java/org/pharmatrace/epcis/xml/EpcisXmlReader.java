package org.pharmatrace.epcis.xml;

import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Unmarshaller;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.NoSuchElementException;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.pharmatrace.epcis.cbv.EpcisNamespaces;
import org.pharmatrace.epcis.io.EpcisEventReader;
import org.pharmatrace.epcis.io.EpcisFormat;
import org.pharmatrace.epcis.io.EpcisFormatException;
import org.pharmatrace.epcis.model.DocumentKind;
import org.pharmatrace.epcis.model.EpcisDocumentInfo;
import org.pharmatrace.epcis.model.EpcisEvent;
import org.pharmatrace.epcis.model.EpcisHeader;
import org.pharmatrace.epcis.model.Vocabulary;
import org.pharmatrace.epcis.xml.bind.v2.VocabularyListType;
import org.codehaus.stax2.DTDInfo;

/**
 * Streams the events of an EPCIS 2.0 or 1.2 XML document (EPCISDocument or EPCISQueryDocument). A StAX reader
 * walks the envelope; each event element alone is bound with JAXB, mapped to the model and let go, so memory stays
 * flat whatever the document size. Hostile input (a DOCTYPE, oversized nodes, deep nesting) is refused.
 *
 * <p>Not thread-safe. Closing does not close the input stream, which belongs to the caller.
 */
public final class EpcisXmlReader implements EpcisEventReader {

    /** Enough envelope elements to recognise a document's structure in an error message. */
    private static final int MAX_ENVELOPE_NAMES = 10;

    private enum Container { ROOT, BODY, QUERY_RESULTS, RESULTS_BODY, EVENT_LIST, EVENT_LIST_EXTENSION, EVENT_LIST_EXTENSION2 }

    /** The parser, seen through the namespace scope tracking that all reading goes through. */
    private final NamespaceScopes xml;
    private final XMLStreamReader parser;
    private final Unmarshaller unmarshaller;
    private final EpcisDocumentInfo document = new EpcisDocumentInfo();
    private final EpcisFormat format;
    private final String epcisNamespace;
    private final Epcis20EventReading reading20;
    private final Epcis12EventReading reading12;
    private final MasterDataMapping masterData;
    private final Deque<Container> containers = new ArrayDeque<>();
    /** The envelope elements met, for the error on a query document whose results the reader does not find. */
    private final List<String> envelope = new ArrayList<>();

    /** JAXB leaves the reader on the token after the event it bound; that token has not been looked at yet. */
    private boolean tokenPending;
    private boolean eventReady;
    private boolean finished;
    private long eventIndex = -1;
    /** Whether the document showed where its events are: an EventList, or a query document's resultsBody. */
    private boolean resultsFound;

    public EpcisXmlReader(InputStream in) {
        this(in, XmlReadLimits.DEFAULT);
    }

    public EpcisXmlReader(InputStream in, XmlReadLimits limits) {
        try {
            this.parser = SecureXmlInput.factory(limits).createXMLStreamReader(in);
            this.xml = new NamespaceScopes(parser);
        } catch (XMLStreamException e) {
            throw new EpcisFormatException("Cannot open the EPCIS XML document: " + JaxbErrors.describe(e), e);
        }
        try {
            moveToRoot();
            String ns = ExtensionTrees.nullToEmpty(xml.getNamespaceURI());
            String root = xml.getLocalName();
            if ("EPCISDocument".equals(root) && (EpcisNamespaces.EPCIS_2_0.equals(ns) || EpcisNamespaces.EPCIS_1_2.equals(ns))) {
                document.setKind(DocumentKind.EPCIS_DOCUMENT);
                format = EpcisNamespaces.EPCIS_2_0.equals(ns) ? EpcisFormat.XML_2_0 : EpcisFormat.XML_1_2;
            } else if ("EPCISQueryDocument".equals(root)
                    && (EpcisNamespaces.EPCIS_QUERY_2_0.equals(ns) || EpcisNamespaces.EPCIS_QUERY_1_2.equals(ns))) {
                document.setKind(DocumentKind.EPCIS_QUERY_DOCUMENT);
                format = EpcisNamespaces.EPCIS_QUERY_2_0.equals(ns) ? EpcisFormat.XML_2_0 : EpcisFormat.XML_1_2;
            } else {
                throw new EpcisFormatException("The root element {" + ns + "}" + root + " " + at(xml.getLocation())
                        + " is not an EPCIS 2.0 or 1.2 EPCISDocument or EPCISQueryDocument");
            }
            epcisNamespace = format == EpcisFormat.XML_2_0 ? EpcisNamespaces.EPCIS_2_0 : EpcisNamespaces.EPCIS_1_2;
            readRoot();
            unmarshaller = EpcisJaxb.newUnmarshaller();
            unmarshaller.setListener(xml.listener());
            WildcardContent wildcards = new WildcardContent(document.getNamespaces());
            SharedFieldsReading shared = new SharedFieldsReading(wildcards, xml);
            Epcis12ExtensionReading epcis12Wrappers = new Epcis12ExtensionReading(shared);
            reading20 = new Epcis20EventReading(shared, epcis12Wrappers);
            reading12 = new Epcis12EventReading(shared, epcis12Wrappers, reading20);
            masterData = new MasterDataMapping(wildcards);
            containers.push(Container.ROOT);
            advance();
        } catch (XMLStreamException | JAXBException | RuntimeException e) {
            closeQuietly();
            throw failure(e, -1);
        }
    }

    @Override
    public EpcisDocumentInfo document() {
        return document;
    }

    @Override
    public EpcisFormat format() {
        return format;
    }

    @Override
    public long eventIndex() {
        return eventIndex;
    }

    @Override
    public boolean hasNext() {
        if (eventReady) {
            return true;
        }
        if (finished) {
            return false;
        }
        try {
            advance();
        } catch (XMLStreamException | JAXBException | RuntimeException e) {
            finished = true;
            throw failure(e, eventIndex + 1);
        }
        return eventReady;
    }

    @Override
    public EpcisEvent next() {
        if (!hasNext()) {
            throw new NoSuchElementException("No more events in the EPCIS document");
        }
        long index = eventIndex + 1;
        String localName = xml.getLocalName();
        try {
            boolean qualified = !ExtensionTrees.nullToEmpty(xml.getNamespaceURI()).isEmpty();
            XMLStreamReader source = qualified ? new EpcisNamespaceUnqualifier(xml, epcisNamespace) : xml;
            Object bound = unmarshaller.unmarshal(source, EventBinding.type(format, localName)).getValue();
            eventReady = false;
            tokenPending = true;
            EpcisEvent event = format == EpcisFormat.XML_2_0
                    ? reading20.toModel((org.pharmatrace.epcis.xml.bind.v2.EPCISEventType) bound)
                    : reading12.toModel(bound);
            eventIndex = index;
            return event;
        } catch (JAXBException | RuntimeException e) {
            finished = true;
            eventReady = false;
            throw failure(e, index, localName);
        } finally {
            xml.forgetBound();
        }
    }

    @Override
    public void close() {
        finished = true;
        eventReady = false;
        closeQuietly();
    }

    private void moveToRoot() throws XMLStreamException {
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.DTD && declaresSomething()) {
                throw new EpcisFormatException("DTDs are not accepted in EPCIS XML: the document has a DOCTYPE "
                        + at(xml.getLocation()) + " that declares or loads a DTD; remove it (EPCIS needs no DTD, and"
                        + " DTDs enable entity-expansion and external-entity attacks)");
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                return;
            }
            if (event == XMLStreamConstants.END_DOCUMENT) {
                throw new EpcisFormatException("The document has no root element");
            }
        }
    }

    /**
     * A bare {@code <!DOCTYPE name>} (GS1's own EPCIS examples carry {@code <!DOCTYPE project>}) declares no
     * entity and loads nothing, so it is let through; an internal subset or an external DTD is refused.
     */
    private boolean declaresSomething() {
        // For a DTD event the text is the internal subset; reading it also makes Woodstox parse the declaration.
        String internalSubset = xml.getText();
        if (internalSubset != null && !internalSubset.isBlank()) {
            return true;
        }
        return !(parser instanceof DTDInfo dtd) || dtd.getDTDSystemId() != null || dtd.getDTDPublicId() != null;
    }

    private void readRoot() {
        for (int i = 0; i < xml.getNamespaceCount(); i++) {
            String prefix = ExtensionTrees.nullToEmpty(xml.getNamespacePrefix(i));
            document.getNamespaces().put(prefix, ExtensionTrees.nullToEmpty(xml.getNamespaceURI(i)));
        }
        String schemaVersion = xml.getAttributeValue(null, "schemaVersion");
        document.setSchemaVersion(schemaVersion != null ? schemaVersion.strip()
                : format == EpcisFormat.XML_2_0 ? "2.0" : "1.2");
        String creationDate = xml.getAttributeValue(null, "creationDate");
        document.setCreationDate(creationDate == null ? null : creationDate.strip());
    }

    /** Walks the envelope until the reader stands on the next event element, or the document ends. */
    private void advance() throws XMLStreamException, JAXBException {
        while (true) {
            int event = tokenPending ? xml.getEventType() : xml.next();
            tokenPending = false;
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    if (enter()) {
                        eventReady = true;
                        return;
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    containers.pop();
                    if (containers.isEmpty()) {
                        finished = true;
                        requireQueryResults();
                        return;
                    }
                }
                case XMLStreamConstants.END_DOCUMENT -> {
                    finished = true;
                    requireQueryResults();
                    return;
                }
                default -> { }
            }
        }
    }

    /**
     * Handles a child of the current container: descends into containers, reads envelope fields, and stops on
     * events (returns {@code true}). Envelope fields are consumed up to their END_ELEMENT.
     */
    private boolean enter() throws XMLStreamException, JAXBException {
        String localName = xml.getLocalName();
        noteEnvelope();
        switch (containers.peek()) {
            case ROOT -> {
                if (isEpcisElement("EPCISHeader")) {
                    document.setHeader(new HeaderReading(unmarshaller, masterData).read(xml));
                } else if (isEpcisElement("EPCISBody")) {
                    containers.push(Container.BODY);
                } else if (isQueryDocumentElement() && queryResultsPart(localName)) {
                    // GS1's Event Hash examples put QueryResults' content directly under EPCISQueryDocument.
                    return false;
                } else {
                    document.getExtensions().add(ExtensionTrees.fromStax(xml));
                }
            }
            case BODY -> {
                if (isEpcisElement("EventList")) {
                    containers.push(Container.EVENT_LIST);
                    resultsFound = true;
                } else if ("QueryResults".equals(localName)) {
                    // Namespace not checked: several query documents in the wild leave QueryResults unqualified.
                    containers.push(Container.QUERY_RESULTS);
                } else if (document.getKind() == DocumentKind.EPCIS_QUERY_DOCUMENT) {
                    throw new EpcisFormatException("This EPCISQueryDocument holds <" + localName + "> "
                            + at(xml.getLocation()) + ", not QueryResults: only query results carry events");
                } else {
                    document.getExtensions().add(ExtensionTrees.fromStax(xml));
                }
            }
            case QUERY_RESULTS -> {
                if (!queryResultsPart(localName)) {
                    skipElement();
                }
            }
            case RESULTS_BODY -> {
                if ("EventList".equals(localName)) {
                    containers.push(Container.EVENT_LIST);
                } else if ("VocabularyList".equals(localName)) {
                    addQueriedMasterData();
                } else {
                    skipElement();
                }
            }
            case EVENT_LIST -> {
                if (EventBinding.isEvent(localName) && isEpcisElement(localName)) {
                    return true;
                }
                if (isEpcisElement(ExtensionSlots.EXTENSION)) {
                    containers.push(Container.EVENT_LIST_EXTENSION);
                } else {
                    throw unexpected("EventList");
                }
            }
            case EVENT_LIST_EXTENSION -> {
                if (isEpcisElement("TransformationEvent")) {
                    return true;
                }
                if (isEpcisElement(ExtensionSlots.EXTENSION)) {
                    containers.push(Container.EVENT_LIST_EXTENSION2);
                } else {
                    throw unexpected("EventList/extension");
                }
            }
            case EVENT_LIST_EXTENSION2 -> {
                if (isEpcisElement("AssociationEvent")) {
                    return true;
                }
                throw unexpected("EventList/extension/extension");
            }
            default -> throw new IllegalStateException("Unknown container " + containers.peek());
        }
        return false;
    }

    /** Reads the parts of QueryResults the reader uses (consuming them, or entering resultsBody); false for others. */
    private boolean queryResultsPart(String localName) throws XMLStreamException {
        switch (localName) {
            case "queryName" -> document.setQueryName(xml.getElementText().strip());
            case "subscriptionID" -> document.setSubscriptionId(xml.getElementText().strip());
            case "resultsBody" -> {
                containers.push(Container.RESULTS_BODY);
                resultsFound = true;
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** An element of a query document, unqualified or in the query namespace. */
    private boolean isQueryDocumentElement() {
        if (document.getKind() != DocumentKind.EPCIS_QUERY_DOCUMENT) {
            return false;
        }
        String ns = ExtensionTrees.nullToEmpty(xml.getNamespaceURI());
        return ns.isEmpty() || ns.equals(format == EpcisFormat.XML_2_0 ? EpcisNamespaces.EPCIS_QUERY_2_0
                : EpcisNamespaces.EPCIS_QUERY_1_2);
    }

    /**
     * A query document whose results the reader did not find has a structure it does not know: reading it as an
     * answer without events would report a result nobody gave.
     */
    private void requireQueryResults() {
        if (document.getKind() == DocumentKind.EPCIS_QUERY_DOCUMENT && !resultsFound) {
            throw new EpcisFormatException("This EPCISQueryDocument has no query results where EPCIS puts them"
                    + " (EPCISBody/QueryResults/resultsBody, or queryName and resultsBody directly under the root);"
                    + " it holds " + (envelope.isEmpty() ? "no elements" : String.join(", ", envelope)));
        }
    }

    /** Notes an element of the envelope (the root, EPCISBody, QueryResults) by its name as written. */
    private void noteEnvelope() {
        String path = switch (containers.peek()) {
            case ROOT -> "";
            case BODY -> "EPCISBody/";
            case QUERY_RESULTS -> "EPCISBody/QueryResults/";
            default -> null;
        };
        if (path == null || envelope.size() > MAX_ENVELOPE_NAMES) {
            return;
        }
        String prefix = ExtensionTrees.nullToEmpty(xml.getPrefix());
        envelope.add(envelope.size() == MAX_ENVELOPE_NAMES ? "..."
                : path + "<" + (prefix.isEmpty() ? "" : prefix + ":") + xml.getLocalName() + ">");
    }

    /** A query for master data answers with a VocabularyList; it joins the header's master data. */
    private void addQueriedMasterData() throws JAXBException {
        VocabularyListType list = unmarshaller.unmarshal(xml, VocabularyListType.class).getValue();
        tokenPending = true;
        var wrapper = new org.pharmatrace.epcis.xml.bind.v2.EPCISMasterDataType();
        wrapper.setVocabularyList(list);
        EpcisHeader header = document.getHeader();
        List<Vocabulary> all = new ArrayList<>(header.masterData());
        all.addAll(masterData.toModel(wrapper));
        document.setHeader(new EpcisHeader(header.standardBusinessDocumentHeader(), all, header.extensions()));
    }

    /** EPCIS content is unqualified; qualified with the document's EPCIS namespace is tolerated. */
    private boolean isEpcisElement(String localName) {
        String ns = ExtensionTrees.nullToEmpty(xml.getNamespaceURI());
        return localName.equals(xml.getLocalName()) && (ns.isEmpty() || ns.equals(epcisNamespace));
    }

    private EpcisFormatException unexpected(String container) {
        String ns = ExtensionTrees.nullToEmpty(xml.getNamespaceURI());
        String name = ns.isEmpty() ? xml.getLocalName() : "{" + ns + "}" + xml.getLocalName();
        String hint = "QuantityEvent".equals(xml.getLocalName())
                ? " (QuantityEvent was deprecated in EPCIS 1.1 and removed in 2.0; it is not supported)" : "";
        return new EpcisFormatException("Unexpected element <" + name + "> in " + container + " " + at(xml.getLocation())
                + hint, eventIndex + 1, xml.getLocalName(), null);
    }

    private void skipElement() throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    private EpcisFormatException failure(Exception e, long index) {
        return failure(e, index, null);
    }

    private EpcisFormatException failure(Exception e, long index, String eventName) {
        if (e instanceof EpcisFormatException formatException) {
            if (formatException.eventIndex() >= 0 || index < 0) {
                return formatException;
            }
            return new EpcisFormatException(formatException.getMessage() + " (event #" + index + ")", index,
                    eventName != null ? eventName : formatException.field(), formatException);
        }
        Location location = location(e);
        StringBuilder message = new StringBuilder("Malformed EPCIS XML");
        if (location != null) {
            message.append(' ').append(at(location));
        }
        if (index >= 0) {
            message.append(" in event #").append(index);
            if (eventName != null) {
                message.append(" (").append(eventName).append(')');
            }
        }
        message.append(": ").append(JaxbErrors.describe(e));
        return new EpcisFormatException(message.toString(), index, eventName, e);
    }

    /** The position the parser reported with the error, or where the reader stands. */
    private Location location(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : nextCause(t)) {
            if (t instanceof XMLStreamException x && x.getLocation() != null) {
                return x.getLocation();
            }
        }
        try {
            return xml == null ? null : xml.getLocation();
        } catch (RuntimeException ignored) {
            return null;
        }
    }

    private static Throwable nextCause(Throwable t) {
        if (t instanceof JAXBException jaxb && jaxb.getLinkedException() != null) {
            return jaxb.getLinkedException();
        }
        return t.getCause();
    }

    private static String at(Location location) {
        return "at line " + location.getLineNumber() + ", column " + location.getColumnNumber();
    }

    private void closeQuietly() {
        try {
            if (xml != null) {
                xml.close();
            }
        } catch (XMLStreamException ignored) {
            // Nothing to release beyond the parser's buffers; the caller owns the stream.
        }
    }
}
