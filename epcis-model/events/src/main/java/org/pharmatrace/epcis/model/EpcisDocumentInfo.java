package org.pharmatrace.epcis.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything in an EPCISDocument or EPCISQueryDocument except its events, which stream separately. Readers fill
 * this from what precedes the event list; writers emit it before the first event.
 */
public final class EpcisDocumentInfo {

    private DocumentKind kind = DocumentKind.EPCIS_DOCUMENT;
    private String schemaVersion = "2.0";
    private String creationDate;
    private EpcisHeader header = EpcisHeader.EMPTY;
    /** Namespaces declared for the whole document (XML xmlns, JSON-LD @context prefixes): prefix to URI. */
    private final Map<String, String> namespaces = new LinkedHashMap<>();
    /** The JSON-LD document's own {@code id}, if any. */
    private String documentId;
    /** JSON-LD's shorthand for SBDH fields: sender, receiver and instanceIdentifier at document level. */
    private String sender;
    private String receiver;
    private String instanceIdentifier;
    private String queryName;
    private String subscriptionId;
    /** Document-level extension elements (XML: after EPCISBody or in its extension). */
    private final List<ExtensionElement> extensions = new ArrayList<>();

    public DocumentKind getKind() { return kind; }
    public EpcisDocumentInfo setKind(DocumentKind kind) { this.kind = kind; return this; }

    public String getSchemaVersion() { return schemaVersion; }
    public EpcisDocumentInfo setSchemaVersion(String v) { this.schemaVersion = v; return this; }

    public String getCreationDate() { return creationDate; }
    public EpcisDocumentInfo setCreationDate(String d) { this.creationDate = d; return this; }

    public EpcisHeader getHeader() { return header; }
    public EpcisDocumentInfo setHeader(EpcisHeader header) { this.header = header == null ? EpcisHeader.EMPTY : header; return this; }

    public Map<String, String> getNamespaces() { return namespaces; }

    public String getDocumentId() { return documentId; }
    public EpcisDocumentInfo setDocumentId(String id) { this.documentId = id; return this; }

    public String getSender() { return sender; }
    public EpcisDocumentInfo setSender(String sender) { this.sender = sender; return this; }

    public String getReceiver() { return receiver; }
    public EpcisDocumentInfo setReceiver(String receiver) { this.receiver = receiver; return this; }

    public String getInstanceIdentifier() { return instanceIdentifier; }
    public EpcisDocumentInfo setInstanceIdentifier(String id) { this.instanceIdentifier = id; return this; }

    public String getQueryName() { return queryName; }
    public EpcisDocumentInfo setQueryName(String queryName) { this.queryName = queryName; return this; }

    public String getSubscriptionId() { return subscriptionId; }
    public EpcisDocumentInfo setSubscriptionId(String id) { this.subscriptionId = id; return this; }

    public List<ExtensionElement> getExtensions() { return extensions; }
}
