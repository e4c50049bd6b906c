package org.pharmatrace.query.epcis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * nextPageTokens: a keyset cursor (the ordering key and index id of the last event of the page), bound to the caller
 * and to the query's parameters, with an expiry, signed with HMAC-SHA256. The hub keeps no state per token; a token
 * altered by a client, used by someone else, used with other parameters or expired is refused
 * (QueryParameterException naming nextPageToken).
 */
public final class PageTokens {

    /**
     * Where the next page starts: after this key (ordering value in microseconds, or null) and index id; for lists
     * of values (EPCs, locations, ...) after {@code value}.
     */
    public record Cursor(Long orderKey, long id, Integer remaining, String value) {

        public Cursor(Long orderKey, long id, Integer remaining) {
            this(orderKey, id, remaining, null);
        }

        public static Cursor after(String value) {
            return new Cursor(null, 0, null, value);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final Duration lifetime;
    private final Clock clock;

    public PageTokens(String secret, Duration lifetime, Clock clock) {
        byte[] keyBytes;
        if (secret == null || secret.isBlank()) {
            keyBytes = new byte[32];
            new SecureRandom().nextBytes(keyBytes);
        } else if (secret.length() < 32) {
            throw new IllegalStateException("hub.query.paging.token-secret must be at least 32 characters");
        } else {
            keyBytes = secret.getBytes(StandardCharsets.UTF_8);
        }
        this.key = new SecretKeySpec(keyBytes, "HmacSHA256");
        this.lifetime = lifetime;
        this.clock = clock;
    }

    public Duration lifetime() {
        return lifetime;
    }

    /** When a token issued now expires. */
    public Instant expiry() {
        return clock.instant().plus(lifetime);
    }

    public String issue(Cursor cursor, String caller, String queryCanonical, Instant expiry) {
        ObjectNode body = JSON.createObjectNode();
        body.put("v", 1);
        body.put("c", caller);
        body.put("q", digest(queryCanonical));
        if (cursor.orderKey() != null) {
            body.put("k", cursor.orderKey());
        }
        body.put("i", cursor.id());
        if (cursor.remaining() != null) {
            body.put("r", cursor.remaining());
        }
        if (cursor.value() != null) {
            body.put("s", cursor.value());
        }
        body.put("x", expiry.getEpochSecond());
        String payload;
        try {
            payload = B64.encodeToString(JSON.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return payload + "." + B64.encodeToString(mac(payload));
    }

    public Cursor read(String token, String caller, String queryCanonical) {
        int dot = token.indexOf('.');
        if (dot <= 0) {
            throw invalid("it is not a token this hub issued");
        }
        String payload = token.substring(0, dot);
        byte[] signature;
        try {
            signature = B64D.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw invalid("it is not a token this hub issued");
        }
        if (!MessageDigest.isEqual(signature, mac(payload))) {
            throw invalid("its signature does not match (altered, or issued by another hub or before a restart)");
        }
        JsonNode body;
        try {
            body = JSON.readTree(B64D.decode(payload));
        } catch (IOException | IllegalArgumentException e) {
            throw invalid("it cannot be read");
        }
        if (!caller.equals(body.path("c").asText())) {
            throw invalid("it was issued to another caller");
        }
        if (!digest(queryCanonical).equals(body.path("q").asText())) {
            throw invalid("it belongs to a query with other parameters; repeat the query's parameters unchanged");
        }
        if (clock.instant().getEpochSecond() > body.path("x").asLong()) {
            throw invalid("it has expired; run the query again");
        }
        return new Cursor(body.has("k") ? body.get("k").asLong() : null, body.path("i").asLong(),
                body.has("r") ? body.get("r").asInt() : null, body.has("s") ? body.get("s").asText() : null);
    }

    private static QueryException invalid(String why) {
        return QueryException.parameter("nextPageToken", "nextPageToken refused: " + why);
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String digest(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return B64.encodeToString(java.util.Arrays.copyOf(d, 16));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
