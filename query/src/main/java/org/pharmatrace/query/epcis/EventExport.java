package org.pharmatrace.query.epcis;

import java.io.OutputStream;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.UnaryOperator;
import javax.xml.namespace.QName;
import org.pharmatrace.epcis.cbv.CbvVocabulary;
import org.pharmatrace.epcis.io.EpcisDocumentWriter;
import org.pharmatrace.epcis.jsonld.EpcisJsonLdWriter;
import org.pharmatrace.epcis.model.BizTransaction;
import org.pharmatrace.epcis.model.DocumentKind;
import org.pharmatrace.epcis.model.EpcisDocumentInfo;
import org.pharmatrace.epcis.model.EpcisEvent;
import org.pharmatrace.epcis.model.ErrorDeclaration;
import org.pharmatrace.epcis.model.ExtensionElement;
import org.pharmatrace.epcis.model.Location;
import org.pharmatrace.epcis.model.PersistentDisposition;
import org.pharmatrace.epcis.model.QuantityElement;
import org.pharmatrace.epcis.model.SourceDestination;
import org.pharmatrace.epcis.xml.EpcisXmlWriter;
import org.pharmatrace.query.index.EventJson;
import org.pharmatrace.query.index.Identifiers;

/**
 * Writes query answers as an EPCISQueryDocument, one event at a time (JSON-LD with the project's streaming writer,
 * or EPCIS 2.0 XML), so an answer of any size needs memory for one event.
 *
 * <p>Every event carries its proof, in the hub's ledger namespace ({@value #LEDGER_NAMESPACE}, prefix
 * {@code ledger}): {@code ledger:transactionId}, {@code ledger:blockNumber} and {@code ledger:recordedBy}; its eventID
 * is its Event Hash ID and its recordTime the ledger transaction's timestamp. Fields in that namespace found in the
 * recorded event itself are dropped: only the hub speaks for the ledger.
 */
public final class EventExport implements AutoCloseable {

    public static final String LEDGER_NAMESPACE = "https://pharmatrace.org/ledger#";
    public static final String LEDGER_PREFIX = "ledger";
    public static final QName TRANSACTION_ID = new QName(LEDGER_NAMESPACE, "transactionId", LEDGER_PREFIX);
    public static final QName BLOCK_NUMBER = new QName(LEDGER_NAMESPACE, "blockNumber", LEDGER_PREFIX);
    public static final QName RECORDED_BY = new QName(LEDGER_NAMESPACE, "recordedBy", LEDGER_PREFIX);

    /** The syntax of the answer. */
    public enum Syntax { JSON_LD, XML }

    /** GS1-EPC-Format: how identifiers are written. */
    public enum EpcFormat {
        NO_PREFERENCE("No_Preference"), ALWAYS_GS1_DIGITAL_LINK("Always_GS1_Digital_Link"),
        ALWAYS_EPC_URN("Always_EPC_URN"), NEVER_TRANSLATES("Never_Translates");

        public final String header;

        EpcFormat(String header) {
            this.header = header;
        }

        public static EpcFormat of(String header) {
            for (EpcFormat f : values()) {
                if (f.header.equalsIgnoreCase(header.trim())) {
                    return f;
                }
            }
            return null;
        }
    }

    /** GS1-CBV-XML-Format: how CBV values are written in XML (JSON-LD always uses bare names). */
    public enum CbvFormat {
        NO_PREFERENCE("No_Preference"), ALWAYS_WEB_URI("Always_Web_URI"), ALWAYS_URN("Always_URN"),
        NEVER_TRANSLATES("Never_Translates");

        public final String header;

        CbvFormat(String header) {
            this.header = header;
        }

        public static CbvFormat of(String header) {
            for (CbvFormat f : values()) {
                if (f.header.equalsIgnoreCase(header.trim())) {
                    return f;
                }
            }
            return null;
        }
    }

    private final EpcisDocumentWriter writer;
    private final EpcFormat epcFormat;
    private final CbvFormat cbvFormat;
    private final Syntax syntax;
    private long written;

    /**
     * Starts the document.
     *
     * @param queryName the query's name (SimpleEventQuery, or a named query's), {@code null} for none
     * @param subscriptionId set when the document goes to a subscriber
     */
    public EventExport(OutputStream out, Syntax syntax, EpcFormat epcFormat, CbvFormat cbvFormat, String queryName,
            String subscriptionId) {
        this.syntax = syntax;
        this.writer = syntax == Syntax.XML ? new EpcisXmlWriter(out) : new EpcisJsonLdWriter(out);
        this.epcFormat = epcFormat;
        this.cbvFormat = cbvFormat;
        EpcisDocumentInfo info = new EpcisDocumentInfo()
                .setKind(DocumentKind.EPCIS_QUERY_DOCUMENT)
                .setSchemaVersion("2.0")
                .setCreationDate(DateTimeFormatter.ISO_INSTANT.format(Instant.now().truncatedTo(ChronoUnit.MILLIS)))
                .setQueryName(queryName == null ? "SimpleEventQuery" : queryName)
                .setSubscriptionId(subscriptionId);
        info.getNamespaces().put(LEDGER_PREFIX, LEDGER_NAMESPACE);
        writer.start(info);
    }

    public void write(IndexedEvent indexed) {
        writer.write(withProof(indexed));
        written++;
    }

    public long written() {
        return written;
    }

    /** The event as exported: read from the ledger's JSON, with its proof and in the requested notation. */
    public EpcisEvent withProof(IndexedEvent indexed) {
        EpcisEvent event = EventJson.read(indexed.eventJson());
        event.setEventId(indexed.eventHash());
        event.setRecordTime(DateTimeFormatter.ISO_INSTANT.format(indexed.recordTime().truncatedTo(ChronoUnit.MILLIS)));
        List<ExtensionElement> extensions = event.getExtensions();
        extensions.removeIf(e -> LEDGER_NAMESPACE.equals(e.name().getNamespaceURI()));
        extensions.add(ExtensionElement.leaf(TRANSACTION_ID, indexed.transactionId()));
        extensions.add(ExtensionElement.leaf(BLOCK_NUMBER, Long.toString(indexed.blockNumber())));
        extensions.add(ExtensionElement.leaf(RECORDED_BY, indexed.recordedBy()));
        translateIdentifiers(event);
        if (syntax == Syntax.XML && cbvFormat == CbvFormat.ALWAYS_WEB_URI) {
            webUris(event);
        }
        return event;
    }

    private void translateIdentifiers(EpcisEvent event) {
        UnaryOperator<String> id = switch (epcFormat) {
            case ALWAYS_GS1_DIGITAL_LINK -> EventExport::digitalLink;
            case ALWAYS_EPC_URN -> EventExport::urn;
            default -> null;
        };
        if (id == null) {
            return;
        }
        if (event.getParentId() != null) {
            event.setParentId(id.apply(event.getParentId()));
        }
        for (List<String> list : List.of(event.getEpcList(), event.getChildEpcs(), event.getInputEpcList(),
                event.getOutputEpcList())) {
            list.replaceAll(id);
        }
        for (List<QuantityElement> list : List.of(event.getQuantityList(), event.getChildQuantityList(),
                event.getInputQuantityList(), event.getOutputQuantityList())) {
            list.replaceAll(q -> new QuantityElement(id.apply(q.epcClass()), q.quantity(), q.uom()));
        }
        if (event.getReadPoint() != null) {
            event.setReadPoint(new Location(id.apply(event.getReadPoint().id()), event.getReadPoint().extensions()));
        }
        if (event.getBizLocation() != null) {
            event.setBizLocation(new Location(id.apply(event.getBizLocation().id()), event.getBizLocation().extensions()));
        }
        event.getSourceList().replaceAll(s -> new SourceDestination(s.type(), id.apply(s.value())));
        event.getDestinationList().replaceAll(d -> new SourceDestination(d.type(), id.apply(d.value())));
    }

    private static String digitalLink(String identifier) {
        return Identifiers.gs1Key(identifier).map(k -> k.toDigitalLink()).orElse(identifier);
    }

    private static String urn(String identifier) {
        String urn = Identifiers.urn(identifier);
        return urn == null ? identifier : urn;
    }

    private static void webUris(EpcisEvent event) {
        if (event.getBizStep() != null) {
            event.setBizStep(CbvVocabulary.BIZ_STEP.toWebUri(event.getBizStep()));
        }
        if (event.getDisposition() != null) {
            event.setDisposition(CbvVocabulary.DISPOSITION.toWebUri(event.getDisposition()));
        }
        PersistentDisposition pd = event.getPersistentDisposition();
        if (pd != null) {
            event.setPersistentDisposition(new PersistentDisposition(
                    pd.set().stream().map(CbvVocabulary.DISPOSITION::toWebUri).toList(),
                    pd.unset().stream().map(CbvVocabulary.DISPOSITION::toWebUri).toList()));
        }
        event.getBizTransactionList().replaceAll(bt -> new BizTransaction(
                bt.type() == null ? null : CbvVocabulary.BIZ_TRANSACTION_TYPE.toWebUri(bt.type()), bt.value()));
        event.getSourceList().replaceAll(s -> new SourceDestination(
                CbvVocabulary.SOURCE_DESTINATION_TYPE.toWebUri(s.type()), s.value()));
        event.getDestinationList().replaceAll(d -> new SourceDestination(
                CbvVocabulary.SOURCE_DESTINATION_TYPE.toWebUri(d.type()), d.value()));
        ErrorDeclaration ed = event.getErrorDeclaration();
        if (ed != null && ed.reason() != null) {
            event.setErrorDeclaration(new ErrorDeclaration(ed.declarationTime(),
                    CbvVocabulary.ERROR_REASON.toWebUri(ed.reason()), ed.correctiveEventIds(), ed.extensions()));
        }
    }

    /** Ends the document (the stream stays open). */
    @Override
    public void close() {
        writer.close();
    }
}
