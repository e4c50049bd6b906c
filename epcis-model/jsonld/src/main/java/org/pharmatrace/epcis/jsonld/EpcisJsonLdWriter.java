package org.pharmatrace.epcis.jsonld;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import org.pharmatrace.epcis.cbv.EpcisNamespaces;
import org.pharmatrace.epcis.io.EpcisDocumentWriter;
import org.pharmatrace.epcis.model.DocumentKind;
import org.pharmatrace.epcis.model.EpcisDocumentInfo;
import org.pharmatrace.epcis.model.EpcisEvent;
import org.pharmatrace.epcis.model.ExtensionElement;

/**
 * Writes an EPCIS 2.0 JSON-LD document (EPCISDocument or EPCISQueryDocument) one event at a time with Jackson's
 * streaming generator, so output of any size needs memory for one event only.
 *
 * <p>The {@code @context} is the standard EPCIS context URL plus an object with the document's namespaces and those
 * its header needs. A namespace first met in an event is declared in that event's own {@code @context}: the
 * document's context is already written when events arrive. Model values go back to JSON-LD's spelling: bare CBV
 * and sensor terms, JSON numbers and booleans for sensor values.
 *
 * <p>The Standard Business Document Header of an XML source has no JSON-LD form in the standard (JSON-LD only has
 * the {@code sender}/{@code receiver}/{@code instanceIdentifier} shorthand). This writer keeps it whole as the
 * member {@code "sbdh:StandardBusinessDocumentHeader"} of {@code epcisHeader}, with {@code sbdh} bound to the SBDH
 * namespace in the document's {@code @context}; its elements are written like any extension, XML attributes (such
 * as {@code Authority}) in an {@code "@attributes"} object and the text of such an element as {@code "@value"}:
 * <pre>{@code
 * "epcisHeader": {"sbdh:StandardBusinessDocumentHeader": {
 *     "sbdh:HeaderVersion": "1.0",
 *     "sbdh:Sender": {"sbdh:Identifier": {"@attributes": {"Authority": "GS1"}, "@value": "urn:epc:id:sgln:..."}},
 *     ...}}
 * }</pre>
 * {@link EpcisJsonLdReader} reads this back into the same model. Elements of one name are grouped (a JSON object
 * cannot interleave them), and {@link #close()} does not close the stream it was given.
 */
public final class EpcisJsonLdWriter implements EpcisDocumentWriter {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private final JsonGenerator out;
    private final EventEncoder events;
    private PrefixScope scope;
    private EpcisDocumentInfo document;
    private int documentExtensionsWritten;
    private long eventCount;
    private boolean closed;

    /** Compact output. */
    public EpcisJsonLdWriter(OutputStream out) {
        this(out, false);
    }

    public EpcisJsonLdWriter(OutputStream out, boolean prettyPrint) {
        this(open(() -> FACTORY.createGenerator(out, JsonEncoding.UTF8)), prettyPrint);
    }

    public EpcisJsonLdWriter(Writer out, boolean prettyPrint) {
        this(open(() -> FACTORY.createGenerator(out)), prettyPrint);
    }

    private EpcisJsonLdWriter(JsonGenerator generator, boolean prettyPrint) {
        this.out = prettyPrint ? generator.useDefaultPrettyPrinter() : generator;
        this.events = new EventEncoder(out);
    }

    private interface GeneratorOpener {
        JsonGenerator open() throws IOException;
    }

    private static JsonGenerator open(GeneratorOpener opener) {
        try {
            return opener.open();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open JSON-LD output", e);
        }
    }

    @Override
    public void start(EpcisDocumentInfo document) {
        if (this.document != null) {
            throw new IllegalStateException("start() was already called for this document");
        }
        this.document = document;
        scope = PrefixScope.forDocument(document.getNamespaces());
        HeaderEncoder.declareNamespaces(document.getHeader(), scope);
        ExtensionEncoder.declareNamespaces(document.getExtensions(), scope);
        try {
            writePrologue();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write JSON-LD document", e);
        }
    }

    private void writePrologue() throws IOException {
        out.writeStartObject();
        out.writeArrayFieldStart("@context");
        out.writeString(EpcisNamespaces.EPCIS_JSONLD_CONTEXT);
        if (!scope.declared().isEmpty()) {
            out.writeStartObject();
            for (var binding : scope.declared().entrySet()) {
                out.writeStringField(binding.getKey(), binding.getValue());
            }
            out.writeEndObject();
        }
        out.writeEndArray();
        stringField("id", document.getDocumentId());
        boolean query = document.getKind() == DocumentKind.EPCIS_QUERY_DOCUMENT;
        out.writeStringField("type", query ? "EPCISQueryDocument" : "EPCISDocument");
        stringField("schemaVersion", document.getSchemaVersion());
        stringField("creationDate", document.getCreationDate());
        stringField("sender", document.getSender());
        stringField("receiver", document.getReceiver());
        stringField("instanceIdentifier", document.getInstanceIdentifier());
        if (!document.getHeader().isEmpty()) {
            HeaderEncoder.write(document.getHeader(), out, scope);
        }
        List<ExtensionElement> extensions = document.getExtensions();
        ExtensionEncoder.writeMembers(extensions, out, scope);
        documentExtensionsWritten = extensions.size();
        out.writeObjectFieldStart("epcisBody");
        if (query) {
            out.writeObjectFieldStart("queryResults");
            stringField("queryName", document.getQueryName());
            stringField("subscriptionID", document.getSubscriptionId());
            out.writeObjectFieldStart("resultsBody");
        }
        out.writeArrayFieldStart("eventList");
    }

    private void stringField(String name, String value) throws IOException {
        if (value != null) {
            out.writeStringField(name, value);
        }
    }

    @Override
    public void write(EpcisEvent event) {
        if (document == null) {
            throw new IllegalStateException("start() must be called before the first event");
        }
        if (closed) {
            throw new IllegalStateException("the document is already closed");
        }
        try {
            events.write(event, eventCount, scope);
            eventCount++;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write JSON-LD event " + eventCount, e);
        }
    }

    /** Completes the document (starting an empty one if {@link #start} was never called) and flushes. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        if (document == null) {
            start(new EpcisDocumentInfo());
        }
        closed = true;
        try {
            out.writeEndArray();
            if (document.getKind() == DocumentKind.EPCIS_QUERY_DOCUMENT) {
                out.writeEndObject();
                out.writeEndObject();
            }
            out.writeEndObject();
            writeLateDocumentExtensions();
            out.writeEndObject();
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot complete JSON-LD document", e);
        }
    }

    /**
     * Document extensions a streaming source only found after its events (XML puts them after the body): written
     * after {@code epcisBody}. The document's {@code @context} is written by then, so a namespace without a prefix
     * in scope is spelled out in full IRIs as member names.
     */
    private void writeLateDocumentExtensions() throws IOException {
        List<ExtensionElement> all = document.getExtensions();
        if (documentExtensionsWritten < all.size()) {
            ExtensionEncoder.writeMembers(all.subList(documentExtensionsWritten, all.size()), out, scope.sealed());
        }
    }
}
