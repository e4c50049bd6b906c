package org.pharmatrace.hub.attachments;

import static org.pharmatrace.hub.attachments.AttachmentStore.refused;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.pharmatrace.hub.HubProperties;
import org.pharmatrace.hub.attachments.LimitedInputStream.TooLargeException;
import org.pharmatrace.hub.attachments.MultipartFormData.MalformedMultipartException;
import org.pharmatrace.hub.attachments.MultipartFormData.Part;
import org.pharmatrace.hub.partner.TradingPartner;
import org.pharmatrace.hub.problem.CaptureRejectedException;
import org.pharmatrace.hub.problem.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code POST /capture} as {@code multipart/form-data}: the EPCIS document in the part {@value #DOCUMENT_PART}, any
 * number of files in parts of their own. The files are stored (encrypted, on IPFS) as they arrive; then every
 * {@code attachment:<part-name>} in the document is replaced by the URI its part was stored under, so that what is
 * validated, hashed (the Event Hash ID covers certificationInfo), kept as the original and put on the ledger is the
 * document with {@code ipfs://<CID>} in it.
 */
@Component
public class MultipartCapture {

    public static final String DOCUMENT_PART = "epcisDocument";

    /** Part names that make a plain URI in {@code attachment:<name>}. */
    private static final Pattern PART_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Logger LOG = LoggerFactory.getLogger(MultipartCapture.class);

    private final AttachmentStore store;
    private final AttachmentProperties properties;
    private final long maxDocumentBytes;

    public MultipartCapture(AttachmentStore store, AttachmentProperties properties, HubProperties hub) {
        this.store = store;
        this.properties = properties;
        this.maxDocumentBytes = hub.capture().maxDocumentSize().toBytes();
    }

    /** Whether a request is a multipart capture (its files come with it) rather than a document alone. */
    public static boolean isMultipart(Exchange exchange) {
        return isMultipart(exchange.getIn().getHeader(Exchange.CONTENT_TYPE, String.class));
    }

    public static boolean isMultipart(String contentType) {
        return contentType != null && contentType.strip().toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }

    /**
     * A multipart capture as received: its document as sent, and its files, stored.
     *
     * @param document the content of the part {@value #DOCUMENT_PART}, references not yet linked
     * @param mediaType that part's Content-Type, or null
     * @param fingerprint what the same capture sent again has in common with this one: the SHA-256 of the
     *        document's SHA-256 followed by each part's name and SHA-256 (the hub's dedupe key for this capture)
     * @param attachments by part name, in the order they came
     */
    public record Received(byte[] document, String mediaType, String fingerprint, Map<String, Attachment> attachments) {
    }

    /**
     * Reads the whole body: the document into memory (up to {@code hub.capture.max-document-size}), every file into
     * the store (each up to {@code hub.attachments.max-size}, all of it up to {@code hub.attachments.max-capture-size}),
     * recorded for the partner's organisation under this captureID.
     */
    public Received receive(Exchange exchange, TradingPartner partner, String captureId) {
        String contentType = exchange.getIn().getHeader(Exchange.CONTENT_TYPE, String.class);
        long maxCapture = properties.maxCaptureSize().toBytes();
        byte[] document = null;
        String documentType = null;
        Map<String, Attachment> attachments = new LinkedHashMap<>();
        try {
            InputStream body = exchange.getIn().getBody(InputStream.class);
            MultipartFormData form = new MultipartFormData(new LimitedInputStream(
                    body == null ? InputStream.nullInputStream() : body, maxCapture, "Capture too large",
                    "the multipart capture is larger than this hub takes: up to " + maxCapture
                            + " bytes in all (hub.attachments.max-capture-size)"),
                    MultipartFormData.boundary(contentType));
            for (Part part = form.next(); part != null; part = form.next()) {
                if (DOCUMENT_PART.equals(part.name())) {
                    if (document != null) {
                        throw malformed("the request has two parts named '" + DOCUMENT_PART + "'");
                    }
                    document = new LimitedInputStream(part.body(), maxDocumentBytes, "Document too large",
                            "the document in part '" + DOCUMENT_PART + "' is larger than this hub captures: up to "
                                    + maxDocumentBytes + " bytes (hub.capture.max-document-size)").readAllBytes();
                    documentType = part.contentType();
                } else {
                    attachments.put(part.name(), keep(part, attachments, partner, captureId));
                }
            }
        } catch (TooLargeException e) {
            throw refused(413, Problem.CAPTURE_LIMIT, e.title(), e.getMessage());
        } catch (MalformedMultipartException e) {
            throw malformed(e.getMessage());
        } catch (IOException e) {
            throw refused(400, Problem.VALIDATION, "Incomplete body", "the multipart body could not be read to its "
                    + "end (" + e.getMessage() + ")");
        }
        if (document == null) {
            throw malformed("the request has no part named '" + DOCUMENT_PART + "' (the EPCIS document)"
                    + (attachments.isEmpty() ? "" : "; the files sent were kept: GET /attachments?captureID=" + captureId));
        }
        return new Received(document, documentType, fingerprint(document, attachments), attachments);
    }

    private Attachment keep(Part part, Map<String, Attachment> earlier, TradingPartner partner, String captureId) {
        String name = part.name();
        if (!PART_NAME.matcher(name).matches()) {
            throw malformed("part '" + name + "' cannot be referenced as attachment:" + name + ": name file parts "
                    + "with letters, digits, '.', '_' and '-' (up to 64, e.g. 'coa')");
        }
        if (earlier.containsKey(name)) {
            throw malformed("the request has two parts named '" + name + "'");
        }
        if (earlier.size() >= properties.maxParts()) {
            throw refused(413, Problem.CAPTURE_LIMIT, "Too many attachments", "a capture takes up to "
                    + properties.maxParts() + " files (hub.attachments.max-parts)");
        }
        return store.keep(part.body(), properties.maxSize().toBytes(), AttachmentApi.mediaType(part.contentType()),
                AttachmentApi.sanitisedFilename(part.filename()), partner, captureId, name);
    }

    /**
     * The document with every {@code attachment:<part-name>} replaced by that part's URI. A reference to a part that
     * was not sent is refused (400, naming it); the refusal is not dead-lettered, since the document could not be
     * captured again without the file.
     */
    public byte[] link(byte[] document, Map<String, Attachment> attachments) {
        Map<String, String> uris = new LinkedHashMap<>();
        attachments.forEach((part, attachment) -> uris.put(part, attachment.uri()));
        AttachmentReferences.Linked linked = AttachmentReferences.link(document, uris);
        if (!linked.unknown().isEmpty()) {
            throw refused(400, Problem.VALIDATION, "Unknown attachment", "the document refers to "
                    + String.join(", ", linked.unknown()) + ", but the request has no such part (files sent: "
                    + (attachments.isEmpty() ? "none" : String.join(", ", attachments.keySet())) + ")");
        }
        if (linked.referenced().size() < attachments.size()) {
            LOG.info("attachments sent but not referenced by the document: {}", attachments.keySet().stream()
                    .filter(p -> !linked.referenced().contains(p)).collect(Collectors.joining(", ")));
        }
        return linked.document();
    }

    private static String fingerprint(byte[] document, Map<String, Attachment> attachments) {
        MessageDigest digest = sha256();
        StringBuilder parts = new StringBuilder(DOCUMENT_PART).append(' ')
                .append(HexFormat.of().formatHex(sha256().digest(document))).append('\n');
        new TreeMap<>(attachments).forEach((name, a) -> parts.append(name).append(' ').append(a.sha256()).append('\n'));
        return HexFormat.of().formatHex(digest.digest(parts.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static CaptureRejectedException malformed(String detail) {
        return refused(400, Problem.VALIDATION, "Malformed multipart capture", detail);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
