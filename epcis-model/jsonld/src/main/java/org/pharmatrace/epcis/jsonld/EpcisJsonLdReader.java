package org.pharmatrace.epcis.jsonld;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.pharmatrace.epcis.io.EpcisEventReader;
import org.pharmatrace.epcis.io.EpcisFormat;
import org.pharmatrace.epcis.io.EpcisFormatException;
import org.pharmatrace.epcis.jsonld.JsonValue.JsonObject;
import org.pharmatrace.epcis.model.DocumentKind;
import org.pharmatrace.epcis.model.EpcisDocumentInfo;
import org.pharmatrace.epcis.model.EpcisEvent;
import org.pharmatrace.epcis.model.EpcisHeader;
import org.pharmatrace.epcis.model.EventType;
import org.pharmatrace.epcis.model.ExtensionElement;
import org.pharmatrace.epcis.model.Vocabulary;

/**
 * Reads an EPCIS 2.0 JSON-LD document (EPCISDocument, EPCISQueryDocument, or a single event object as the capture
 * interface accepts it) one event at a time. The envelope is read with the streaming parser up to
 * {@code eventList}; each event is then read as a small tree and mapped to the model, so memory stays bounded by
 * the largest event, not the document.
 *
 * <p>The standard EPCIS context is known, never fetched; prefixes come from {@code @context} objects in the
 * document, the body wrappers and the events themselves. A document whose {@code @context} follows its events is
 * still read: when an event needs a prefix that is not declared yet, the reader holds the remaining events
 * (up to {@link JsonLdReaderOptions#maxDeferredEvents()}) until it has seen the rest of the document. Members that
 * follow the event list (late {@code @context} prefixes, document extensions) reach {@link #document()} then.
 */
public final class EpcisJsonLdReader implements EpcisEventReader {

    private static final JsonFactory DEFAULT_FACTORY = factory(JsonLdReaderOptions.DEFAULTS);

    private enum Level { TOP, BODY, QUERY_RESULTS, RESULTS_BODY }

    private enum State { IN_EVENT_LIST, DONE }

    private final JsonParser parser;
    private final JsonTreeReader trees;
    private final JsonLdReaderOptions options;
    private final InputStream ownedInput;
    private final EpcisDocumentInfo document = new EpcisDocumentInfo();
    private final Deque<Level> levels = new ArrayDeque<>();
    private final Deque<JsonObject> pending = new ArrayDeque<>();
    /** Top-level members that are neither envelope terms nor the body: document extensions, or a lone event. */
    private final Map<String, JsonValue> topLevelOthers = new LinkedHashMap<>();
    private JsonLdContext context = JsonLdContext.STANDARD;
    private boolean documentContextSeen;
    private boolean eventListSeen;
    private boolean typeSeen;
    private JsonValue headerTree;
    private EventType loneEventType;
    private JsonLocation rootLocation;
    private State state = State.DONE;
    private long eventsStarted;
    /** Index of the event whose tree is being read, -1 between events (for syntax error messages). */
    private long eventBeingRead = -1;
    private long index = -1;

    public EpcisJsonLdReader(InputStream in) {
        this(in, JsonLdReaderOptions.DEFAULTS);
    }

    public EpcisJsonLdReader(InputStream in, JsonLdReaderOptions options) {
        this(createParser(options, f -> f.createParser(in)), options, null);
    }

    public EpcisJsonLdReader(Reader in, JsonLdReaderOptions options) {
        this(createParser(options, f -> f.createParser(in)), options, null);
    }

    /** Opens a file; {@link #close()} closes it. */
    public static EpcisJsonLdReader open(Path file) {
        return open(file, JsonLdReaderOptions.DEFAULTS);
    }

    public static EpcisJsonLdReader open(Path file, JsonLdReaderOptions options) {
        InputStream in;
        try {
            in = Files.newInputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open JSON-LD document " + file, e);
        }
        try {
            return new EpcisJsonLdReader(createParser(options, f -> f.createParser(in)), options, in);
        } catch (RuntimeException e) {
            closeQuietly(in, e);
            throw e;
        }
    }

    private EpcisJsonLdReader(JsonParser parser, JsonLdReaderOptions options, InputStream ownedInput) {
        this.parser = parser;
        this.options = options;
        this.ownedInput = ownedInput;
        this.trees = new JsonTreeReader(parser, options.maxValuesPerEvent());
        guarded(this::readEnvelopeStart);
    }

    private interface ParserOpener {
        JsonParser open(JsonFactory factory) throws IOException;
    }

    private static JsonParser createParser(JsonLdReaderOptions options, ParserOpener opener) {
        JsonFactory factory = options.equals(JsonLdReaderOptions.DEFAULTS) ? DEFAULT_FACTORY : factory(options);
        try {
            return opener.open(factory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open JSON-LD input", e);
        }
    }

    private static JsonFactory factory(JsonLdReaderOptions options) {
        return JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(options.maxNestingDepth())
                        .maxStringLength(options.maxStringLength())
                        .maxNameLength(Math.min(options.maxStringLength(), 10_000))
                        .maxNumberLength(200)
                        .build())
                .configure(StreamReadFeature.STRICT_DUPLICATE_DETECTION, options.rejectDuplicateMembers())
                .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
                .build();
    }

    @Override
    public EpcisDocumentInfo document() {
        return document;
    }

    @Override
    public EpcisFormat format() {
        return EpcisFormat.JSON_LD;
    }

    @Override
    public long eventIndex() {
        return index;
    }

    @Override
    public boolean hasNext() {
        if (pending.isEmpty() && state == State.IN_EVENT_LIST) {
            guarded(this::readNextEventTree);
        }
        return !pending.isEmpty();
    }

    @Override
    public EpcisEvent next() {
        if (!hasNext()) {
            throw new NoSuchElementException("No more events in the JSON-LD document");
        }
        JsonObject tree = pending.poll();
        index++;
        try {
            return EventDecoder.decode(tree, index, context);
        } catch (UndeclaredPrefixException e) {
            if (documentContextSeen || state != State.IN_EVENT_LIST) {
                throw e;
            }
            // the document's @context may still come after the events: read on, then try again with it
            guarded(this::readRestOfDocument);
            return EventDecoder.decode(tree, index, context);
        }
    }

    @Override
    public void close() {
        try {
            parser.close();
            if (ownedInput != null) {
                ownedInput.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot close JSON-LD input", e);
        }
    }

    // ---- envelope -------------------------------------------------------------------------------------------

    private void readEnvelopeStart() throws IOException {
        JsonToken first = parser.nextToken();
        rootLocation = parser.currentTokenLocation();
        if (first != JsonToken.START_OBJECT) {
            throw new EpcisFormatException("A JSON-LD EPCIS document must be a JSON object, found "
                    + (first == null ? "no content" : first)
                    + " at line " + rootLocation.getLineNr() + ", column " + rootLocation.getColumnNr());
        }
        levels.push(Level.TOP);
        if (readEnvelopeUntilEventList()) {
            state = State.IN_EVENT_LIST;
            applyEnvelopeMembers();
        } else {
            finishDocument();
        }
    }

    /** Reads envelope members until {@code eventList} opens (true) or the document ends (false). */
    private boolean readEnvelopeUntilEventList() throws IOException {
        while (true) {
            JsonToken token = parser.nextToken();
            if (token == JsonToken.END_OBJECT) {
                levels.pop();
                if (levels.isEmpty()) {
                    JsonToken trailing = parser.nextToken();
                    if (trailing != null) {
                        throw syntax("unexpected content after the end of the document");
                    }
                    return false;
                }
                continue;
            }
            if (token != JsonToken.FIELD_NAME) {
                throw syntax("unexpected " + token);
            }
            String name = parser.currentName();
            JsonToken valueToken = parser.nextToken();
            Level level = levels.peek();
            Level child = child(level, name);
            if (child != null && valueToken == JsonToken.START_OBJECT) {
                levels.push(child);
            } else if (name.equals("eventList") && (level == Level.BODY || level == Level.RESULTS_BODY)
                    && valueToken == JsonToken.START_ARRAY) {
                if (eventListSeen) {
                    throw syntax("a second eventList");
                }
                eventListSeen = true;
                return true;
            } else {
                envelopeMember(level, name, trees.readCurrent());
            }
        }
    }

    private static Level child(Level level, String name) {
        return switch (level) {
            case TOP -> name.equals("epcisBody") ? Level.BODY : null;
            case BODY -> name.equals("queryResults") ? Level.QUERY_RESULTS : null;
            case QUERY_RESULTS -> name.equals("resultsBody") ? Level.RESULTS_BODY : null;
            case RESULTS_BODY -> null;
        };
    }

    private void envelopeMember(Level level, String name, JsonValue value) {
        DecodingScope scope = DecodingScope.outsideEvents(context);
        String path = pathOf(level, name);
        if (child(level, name) != null) {
            throw scope.fail(value, path, "expected an object, found " + value.describe());
        }
        if (name.equals("eventList") && (level == Level.BODY || level == Level.RESULTS_BODY)) {
            throw scope.fail(value, path, "expected an array of events, found " + value.describe());
        }
        if (name.equals("@context")) {
            context = context.with(value, document.getNamespaces());
            documentContextSeen = true;
            if (level == Level.TOP) {
                topLevelOthers.put(name, value);
            }
            return;
        }
        switch (level) {
            case TOP -> topLevelMember(name, value, scope);
            case QUERY_RESULTS -> {
                switch (name) {
                    case "queryName" -> document.setQueryName(scope.string(value, path));
                    case "subscriptionID" -> document.setSubscriptionId(scope.string(value, path));
                    default -> documentExtension(name, value, path);
                }
            }
            case RESULTS_BODY -> {
                if (name.equals("vocabularyList")) {
                    addMasterData(HeaderDecoder.vocabularies(value, scope, path));
                } else {
                    documentExtension(name, value, path);
                }
            }
            case BODY -> documentExtension(name, value, path);
        }
    }

    private void topLevelMember(String name, JsonValue value, DecodingScope scope) {
        switch (name) {
            case "type" -> {
                typeSeen = true;
                String type = scope.string(value, name);
                switch (type) {
                    case "EPCISDocument" -> document.setKind(DocumentKind.EPCIS_DOCUMENT);
                    case "EPCISQueryDocument" -> document.setKind(DocumentKind.EPCIS_QUERY_DOCUMENT);
                    default -> {
                        loneEventType = EventType.fromLocalName(type);
                        if (loneEventType == null) {
                            throw scope.fail(value, name, "unknown document type '" + type
                                    + "' (expected EPCISDocument, EPCISQueryDocument or an event type)");
                        }
                    }
                }
                topLevelOthers.put(name, value);
            }
            case "id" -> document.setDocumentId(scope.string(value, name));
            case "schemaVersion" -> document.setSchemaVersion(scope.scalarText(value, name));
            case "creationDate" -> document.setCreationDate(scope.string(value, name));
            case "sender" -> document.setSender(scope.string(value, name));
            case "receiver" -> document.setReceiver(scope.string(value, name));
            case "instanceIdentifier" -> document.setInstanceIdentifier(scope.scalarText(value, name));
            case "epcisHeader" -> headerTree = value;
            default -> topLevelOthers.put(name, value);
        }
    }

    private static String pathOf(Level level, String name) {
        return switch (level) {
            case TOP -> name;
            case BODY -> "epcisBody." + name;
            case QUERY_RESULTS -> "epcisBody.queryResults." + name;
            case RESULTS_BODY -> "epcisBody.queryResults.resultsBody." + name;
        };
    }

    private void documentExtension(String name, JsonValue value, String path) {
        ExtensionDecoder.addTopLevel(name, value, DecodingScope.outsideEvents(context), path, document.getExtensions());
    }

    private void addMasterData(List<Vocabulary> vocabularies) {
        EpcisHeader header = document.getHeader();
        List<Vocabulary> all = new ArrayList<>(header.masterData());
        all.addAll(vocabularies);
        document.setHeader(new EpcisHeader(header.standardBusinessDocumentHeader(), all, header.extensions()));
    }

    /**
     * Decodes what the envelope held back until its context was known: the header and top-level extensions. When
     * they need a prefix and the document's {@code @context} may still follow the events, they wait for it.
     */
    private void applyEnvelopeMembers() {
        if (loneEventType != null) {
            return;
        }
        DecodingScope scope = DecodingScope.outsideEvents(context);
        EpcisHeader header;
        List<ExtensionElement> extensions = new ArrayList<>();
        try {
            header = headerTree == null ? null : HeaderDecoder.header(headerTree, scope);
            for (var member : topLevelOthers.entrySet()) {
                if (!member.getKey().equals("@context") && !member.getKey().equals("type")) {
                    ExtensionDecoder.addTopLevel(member.getKey(), member.getValue(), scope, member.getKey(),
                            extensions);
                }
            }
        } catch (UndeclaredPrefixException e) {
            if (documentContextSeen || state != State.IN_EVENT_LIST) {
                throw e;
            }
            return;
        }
        if (header != null) {
            List<Vocabulary> masterData = new ArrayList<>(header.masterData());
            masterData.addAll(document.getHeader().masterData());
            document.setHeader(new EpcisHeader(header.standardBusinessDocumentHeader(), masterData,
                    header.extensions()));
            headerTree = null;
        }
        document.getExtensions().addAll(extensions);
        topLevelOthers.clear();
    }

    /** After the event list, or for a document without one: trailing members, or the lone event. */
    private void finishDocument() {
        state = State.DONE;
        if (loneEventType != null) {
            if (eventListSeen) {
                throw new EpcisFormatException("A JSON-LD object of type " + loneEventType.localName()
                        + " cannot have an epcisBody");
            }
            pending.add(new JsonObject(new LinkedHashMap<>(topLevelOthers), rootLocation.getLineNr(),
                    rootLocation.getColumnNr()));
            topLevelOthers.clear();
            return;
        }
        if (!eventListSeen && !typeSeen) {
            throw new EpcisFormatException("The JSON object at line " + rootLocation.getLineNr()
                    + " has no 'type' member: not an EPCIS document");
        }
        applyEnvelopeMembers();
    }

    // ---- events ---------------------------------------------------------------------------------------------

    private void readNextEventTree() throws IOException {
        eventBeingRead = -1;
        JsonToken token = parser.nextToken();
        if (token == JsonToken.START_OBJECT) {
            eventBeingRead = eventsStarted++;
            pending.add((JsonObject) trees.readCurrent());
            eventBeingRead = -1;
        } else if (token == JsonToken.END_ARRAY) {
            if (readEnvelopeUntilEventList()) {
                throw syntax("a second eventList");
            }
            finishDocument();
        } else {
            throw new EpcisFormatException("JSON-LD event " + eventsStarted + " at line "
                    + parser.currentTokenLocation().getLineNr() + ", column "
                    + parser.currentTokenLocation().getColumnNr() + ": an event must be a JSON object, found "
                    + (token == null ? "the end of input" : token), eventsStarted, "eventList", null);
        }
    }

    private void readRestOfDocument() throws IOException {
        while (state == State.IN_EVENT_LIST) {
            if (pending.size() >= options.maxDeferredEvents()) {
                throw new EpcisFormatException("JSON-LD event " + index + " uses a prefix that is not declared yet, "
                        + "and more than " + options.maxDeferredEvents() + " further events would have to be held to "
                        + "find a later @context; put @context at the start of the document", index, null, null);
            }
            readNextEventTree();
        }
    }

    // ---- errors ---------------------------------------------------------------------------------------------

    private interface ParserStep {
        void run() throws IOException;
    }

    /** Runs a parser step, turning Jackson's syntax and limit errors into format errors that say where. */
    private void guarded(ParserStep step) {
        try {
            step.run();
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
            long event = eventBeingRead;
            String member = currentNameOrNull();
            throw new EpcisFormatException("Malformed JSON-LD at line " + at.getLineNr() + ", column "
                    + at.getColumnNr() + (event >= 0 ? " (in event " + event + ")" : "")
                    + (member != null ? " near member '" + member + "'" : "") + ": " + e.getOriginalMessage(),
                    event, member, e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read JSON-LD input", e);
        }
    }

    private String currentNameOrNull() {
        try {
            return parser.currentName();
        } catch (IOException e) {
            return null;
        }
    }

    private EpcisFormatException syntax(String problem) {
        JsonLocation at = parser.currentTokenLocation();
        return new EpcisFormatException("Malformed EPCIS JSON-LD at line " + at.getLineNr() + ", column "
                + at.getColumnNr() + ": " + problem);
    }

    private static void closeQuietly(InputStream in, RuntimeException failure) {
        try {
            in.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
