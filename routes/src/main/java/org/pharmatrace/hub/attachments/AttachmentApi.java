package org.pharmatrace.hub.attachments;

import static org.pharmatrace.hub.attachments.AttachmentStore.refused;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.pharmatrace.hub.partner.Caller;
import org.pharmatrace.hub.partner.Callers;
import org.pharmatrace.hub.partner.TradingPartner;
import org.pharmatrace.hub.problem.HttpAnswers;
import org.pharmatrace.hub.problem.Problem;
import org.springframework.http.ContentDisposition;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * {@code POST /attachments} (a partner sends a file: the body is the file, Content-Type its media type),
 * {@code GET /attachments/{id}} (the file as it was sent, to its organisation and to operators) and
 * {@code GET /attachments} (the caller's attachments, {@code ?captureID=} for those of one multipart capture).
 */
@Component
public class AttachmentApi {

    static final String OCTET_STREAM = "application/octet-stream";
    private static final int MAX_LISTED = 1000;
    private static final int MAX_FILENAME = 255;

    private final AttachmentStore store;
    private final AttachmentRecords records;
    private final AttachmentProperties properties;
    private final HttpAnswers answers;

    public AttachmentApi(AttachmentStore store, AttachmentRecords records, AttachmentProperties properties,
                         HttpAnswers answers) {
        this.store = store;
        this.records = records;
        this.properties = properties;
        this.answers = answers;
    }

    /** 201 Created, Location: /attachments/{id}, the record: uri, sha256, size, mediaType, filename. */
    public void upload(Exchange exchange) {
        TradingPartner partner = Callers.partnerOf(exchange);
        Message in = exchange.getIn();
        String contentType = in.getHeader(Exchange.CONTENT_TYPE, String.class);
        String mediaType = mediaType(contentType);
        String lower = mediaType.toLowerCase(Locale.ROOT);
        if (lower.startsWith("multipart/form-data") || lower.startsWith("application/x-www-form-urlencoded")) {
            throw refused(415, Problem.VALIDATION, "Send the file itself", "POST /attachments takes the file as "
                    + "the body, with its own media type as Content-Type (e.g. application/pdf), not a form; files "
                    + "sent together with a document go to POST /capture as multipart/form-data");
        }
        long max = properties.maxSize().toBytes();
        HttpServletRequest request = in.getHeader("CamelHttpServletRequest", HttpServletRequest.class);
        if (request != null && request.getContentLengthLong() > max) {
            throw refused(413, Problem.CAPTURE_LIMIT, "Attachment too large", "the attachment has "
                    + request.getContentLengthLong() + " bytes; this hub takes attachments of up to " + max + " bytes");
        }
        String filename = filename(in);
        InputStream body = in.getBody(InputStream.class);
        Attachment attachment = store.keep(body == null ? InputStream.nullInputStream() : body, max, mediaType,
                filename, partner, null, null);
        answers.json(exchange, 201, attachment.describe());
        HttpAnswers.header(exchange, "Location", attachment.location());
    }

    /** The file, with its media type, once it has been read back and found to be what was sent. */
    public void download(Exchange exchange) throws IOException {
        Caller caller = Callers.of(exchange);
        String id = exchange.getIn().getHeader("attachmentId", String.class);
        Attachment attachment = records.find(id, caller).orElseThrow(() -> refused(404, Problem.NOT_FOUND,
                "No such attachment", "there is no attachment " + id + " that " + caller.id() + " may read"));
        store.verify(attachment);
        InputStream content = store.open(attachment);
        Message answer = exchange.getMessage();
        answer.removeHeaders("*");
        answer.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        answer.setHeader(Exchange.CONTENT_TYPE, attachment.mediaType());
        answer.setHeader(Exchange.CONTENT_LENGTH, attachment.size());
        answer.setHeader("Content-Disposition", ContentDisposition.attachment()
                .filename(attachment.filename() != null ? attachment.filename() : attachment.id(), StandardCharsets.UTF_8)
                .build().toString());
        // Any media type is taken in; none is to be rendered by a browser as if it came from the hub.
        answer.setHeader("X-Content-Type-Options", "nosniff");
        answer.setHeader("Cache-Control", "private, no-store");
        answer.setHeader("ETag", "\"" + attachment.sha256() + "\"");
        answer.setBody(content);
    }

    /** {"count", "attachments"}: the caller's (an operator's: everyone's), newest first. */
    public void list(Exchange exchange) {
        Caller caller = Callers.of(exchange);
        String captureId = exchange.getIn().getHeader("captureID", String.class);
        int limit = Math.min(MAX_LISTED, exchange.getIn().getHeader("limit", 100, Integer.class));
        List<Map<String, Object>> listed = records.list(caller, captureId, limit).stream()
                .map(Attachment::describe).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("count", listed.size());
        body.put("attachments", listed);
        answers.json(exchange, 200, body);
    }

    /** The media type as the sender gave it (any is taken and recorded); application/octet-stream when none. */
    static String mediaType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return OCTET_STREAM;
        }
        try {
            MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException e) {
            throw refused(400, Problem.VALIDATION, "Not a media type", "Content-Type '" + contentType
                    + "' is not a media type (" + e.getMessage() + ")");
        }
        return contentType.trim();
    }

    /** From {@code ?filename=}, else the Content-Disposition header's filename (or filename*). */
    private static String filename(Message in) {
        String given = in.getHeader("filename", String.class);
        if (given == null) {
            String disposition = in.getHeader("Content-Disposition", String.class);
            if (disposition != null && !disposition.isBlank()) {
                try {
                    given = ContentDisposition.parse(disposition).getFilename();
                } catch (IllegalArgumentException e) {
                    throw refused(400, Problem.VALIDATION, "Malformed Content-Disposition", "Content-Disposition '"
                            + disposition + "' cannot be read: " + e.getMessage());
                }
            }
        }
        return sanitisedFilename(given);
    }

    /** The last path segment, without control characters, at most 255 characters; null when nothing is left. */
    static String sanitisedFilename(String name) {
        if (name == null) {
            return null;
        }
        String last = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        String clean = last.replaceAll("\\p{Cntrl}", "").strip();
        if (clean.length() > MAX_FILENAME) {
            clean = clean.substring(0, MAX_FILENAME);
        }
        return clean.isEmpty() || clean.equals(".") || clean.equals("..") ? null : clean;
    }
}
