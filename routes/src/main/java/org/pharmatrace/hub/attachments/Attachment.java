package org.pharmatrace.hub.attachments;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pharmatrace.hub.partner.Caller;

/**
 * A file kept for EPCIS events (a certificate of analysis, a GMP certificate, a photo), as the compacted topic
 * {@code hub.attachments} keeps it (key: {@link #id}).
 *
 * @param id what {@code GET /attachments/{id}} takes: the CID for IPFS, {@code sha256:<hex>} for the local store
 * @param uri what events carry: {@code ipfs://<CID>} (the encrypted envelope's CID) or {@code local:sha256:<hex>}
 * @param sha256 hex SHA-256 of the file as it was sent (the plaintext)
 * @param size bytes of the file as it was sent
 * @param mediaType the media type the sender gave (any is accepted), {@code application/octet-stream} if none
 * @param filename the file name the sender gave, without any directory, or null
 * @param partner the partner that sent it first
 * @param organisations the organisations (MSP ids) that sent it; they may read it. More than one only with the
 *        local store, which keeps equal content once; on IPFS every upload is an envelope of its own
 * @param captureId the capture it came with (multipart), or null
 * @param part the name of its part in that capture, or null
 * @param version increases with every change; the state topic keeps the highest
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Attachment(
        String id,
        String uri,
        String sha256,
        long size,
        String mediaType,
        String filename,
        String partner,
        List<String> organisations,
        @JsonProperty("captureID") String captureId,
        String part,
        Instant createdAt,
        long version) {

    public Attachment {
        organisations = organisations == null ? List.of() : List.copyOf(organisations);
    }

    static final String IPFS = "ipfs://";
    static final String LOCAL = "local:";

    /** The id an attachment stored under this reference is known by. */
    static String idOf(String reference) {
        if (reference.startsWith(IPFS)) {
            return reference.substring(IPFS.length());
        }
        if (reference.startsWith(LOCAL)) {
            return reference.substring(LOCAL.length());
        }
        throw new IllegalArgumentException("not a reference of the hub's document store: " + reference);
    }

    /**
     * Who may read it: the organisations that sent it and operators. (A regulator role, when there is one, belongs
     * here too.)
     */
    boolean mayBeReadBy(Caller caller) {
        return caller.isOperator() || organisations.contains(caller.partner().organisation());
    }

    Attachment sentAlsoBy(String organisation) {
        if (organisations.contains(organisation)) {
            return this;
        }
        List<String> more = new java.util.ArrayList<>(organisations);
        more.add(organisation);
        return new Attachment(id, uri, sha256, size, mediaType, filename, partner, more, captureId, part, createdAt,
                version);
    }

    Attachment withVersion(long newVersion) {
        return new Attachment(id, uri, sha256, size, mediaType, filename, partner, organisations, captureId, part,
                createdAt, newVersion);
    }

    /** The URL path GET answers on. */
    String location() {
        return "/attachments/" + id;
    }

    /** What the API answers about it. */
    Map<String, Object> describe() {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("uri", uri);
        answer.put("id", id);
        answer.put("sha256", sha256);
        answer.put("size", size);
        answer.put("mediaType", mediaType);
        answer.put("filename", filename);
        answer.put("partner", partner);
        answer.put("createdAt", createdAt);
        if (captureId != null) {
            answer.put("captureID", captureId);
            answer.put("part", part);
        }
        return answer;
    }
}
