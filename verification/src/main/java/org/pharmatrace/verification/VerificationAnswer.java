package org.pharmatrace.verification;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The answer to a verification request, shaped as the GS1 Lightweight Messaging Standard's verification response
 * ({@code verificationTimestamp}, {@code responderGLN}, {@code corrUUID}, {@code data}), with the hub's own status and
 * the identifier that was verified beside it.
 *
 * @param verificationTimestamp when the hub answered, UTC, milliseconds
 * @param responderGln the GLN of the responder ({@code hub.verification.responder-gln}); omitted when not configured
 * @param corrUuid the requester's correlation id, echoed; one of the hub's when the request had none
 * @param data the standard's verdict
 * @param status the hub's status code ({@link ProductStatus#code()})
 * @param detail the status in words
 * @param productIdentifier what was verified, as the requester gave it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"verificationTimestamp", "responderGLN", "corrUUID", "data", "status", "detail",
    "productIdentifier"})
public record VerificationAnswer(
        @JsonProperty("verificationTimestamp") String verificationTimestamp,
        @JsonProperty("responderGLN") String responderGln,
        @JsonProperty("corrUUID") String corrUuid,
        @JsonProperty("data") Data data,
        @JsonProperty("status") String status,
        @JsonProperty("detail") String detail,
        @JsonProperty("productIdentifier") Identifier productIdentifier) {

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /**
     * @param verified true only for an active pack whose identifier matches the commissioned one
     * @param verificationFailureReason why not verified ({@code No_match_GTIN_Serial}, …); absent when verified
     * @param additionalInfo {@code Recalled}, {@code Expired} or {@code Suspect}, when one applies
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"verified", "verificationFailureReason", "additionalInfo"})
    public record Data(
            @JsonProperty("verified") boolean verified,
            @JsonProperty("verificationFailureReason") String verificationFailureReason,
            @JsonProperty("additionalInfo") String additionalInfo) {
    }

    /**
     * @param gtin GTIN-14
     * @param serial serial number
     * @param lot batch/lot, when given
     * @param expiry expiry date as yyyy-MM-dd (day 00 of the barcode resolved to the month's last day), when given
     * @param digitalLink the identifier as a GS1 Digital Link on the hub's resolver
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"gtin", "serial", "lot", "expiry", "digitalLink"})
    public record Identifier(
            @JsonProperty("gtin") String gtin,
            @JsonProperty("serial") String serial,
            @JsonProperty("lot") String lot,
            @JsonProperty("expiry") String expiry,
            @JsonProperty("digitalLink") String digitalLink) {
    }

    static VerificationAnswer of(Instant at, String responderGln, String corrUuid, ProductStatus status,
                                 ProductIdentifier pack, String resolverBase) {
        return new VerificationAnswer(TIMESTAMP.format(at), responderGln, corrUuid,
                new Data(status.verified(), status.failureReason(), status.additionalInfo()),
                status.code(), status.description(),
                new Identifier(pack.gtin(), pack.serial(), pack.lot(),
                        pack.expiry() == null ? null : pack.expiry().toString(), pack.digitalLink(resolverBase)));
    }
}
