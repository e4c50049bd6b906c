package org.pharmatrace.hub.channel.as2;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.component.as2.api.AS2Header;
import org.apache.camel.component.as2.api.entity.AS2DispositionModifier;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.protocol.HttpCoreContext;
import org.pharmatrace.hub.channel.as2.As2Partners.As2Partner;
import org.pharmatrace.hub.deadletter.DeadLetter;
import org.pharmatrace.hub.deadletter.DeadLetters;
import org.pharmatrace.hub.deadletter.Stage;
import org.pharmatrace.hub.ingest.ChannelIngest;
import org.pharmatrace.hub.partner.PartnerDirectory;
import org.pharmatrace.hub.partner.TradingPartner;
import org.pharmatrace.hub.problem.EventProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * What happens to a refused AS2 message: it is kept in the dead-letter queue (the document, or the message as
 * received when it could not be opened) and the sender's MDN carries the error disposition and the reason. A
 * failure of the hub itself (Kafka down) is refused the same way, as an unexpected processing error, so that the
 * partner sends again.
 */
@Component
@ConditionalOnProperty(name = "hub.channels.as2.enabled", havingValue = "true")
public class As2Refusals {

    private static final Logger LOG = LoggerFactory.getLogger(As2Refusals.class);
    private static final int MAX_INLINE = 256 * 1024;

    private final DeadLetters deadLetters;
    private final PartnerDirectory directory;

    public As2Refusals(DeadLetters deadLetters, PartnerDirectory directory) {
        this.deadLetters = deadLetters;
        this.directory = directory;
    }

    /** The refusal of this exchange: an {@link As2Refusal}, or any other failure as a processing error. */
    public As2Refusal refusal(Exchange exchange) {
        Exception caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        if (caught instanceof As2Refusal refusal) {
            return refusal;
        }
        LOG.error("AS2 message could not be processed: {}", String.valueOf(caught), caught);
        return new As2Refusal(AS2DispositionModifier.ERROR_UNEXPECTED_PROCESSING_ERROR, Stage.INGEST,
                exchange.getProperty(As2Reception.PARTNER, As2Partner.class),
                "the hub could not process the message (" + caught + "); nothing was captured, please send it again",
                null, caught);
    }

    /** Keeps the refused message in the DLQ: the document when it was opened, else the message as received. */
    public void deadLetter(Exchange exchange) {
        As2Refusal refusal = refusal(exchange);
        As2Partner partner = refusal.partner();
        TradingPartner hubPartner = partner == null ? null : directory.byId(partner.hubPartner()).orElse(null);
        byte[] document = exchange.getProperty(As2Reception.DOCUMENT, byte[].class);
        byte[] payload = document != null ? document : exchange.getIn().getBody(byte[].class);
        ChannelIngest.StoredOriginal original = exchange.getProperty(As2Reception.ORIGINAL,
                ChannelIngest.StoredOriginal.class);
        As2ChannelProperties.Format format = exchange.getProperty(As2Reception.FORMAT,
                As2ChannelProperties.Format.class);
        String captureId = UUID.randomUUID().toString();
        String utf8 = payload == null || payload.length > MAX_INLINE ? null : utf8(payload);
        String reason = refusal.getMessage() + sender(exchange);
        Instant now = Instant.now();
        DeadLetter entry = new DeadLetter(DeadLetters.documentEntryId(captureId), DeadLetter.OPEN, refusal.stage(),
                reason, List.of(new EventProblem(-1, null, null, reason)), captureId, null,
                hubPartner == null ? null : hubPartner.id(), hubPartner == null ? null : hubPartner.organisation(),
                "as2", payload == null || payload.length > MAX_INLINE ? null
                        : utf8 != null ? utf8 : Base64.getEncoder().encodeToString(payload),
                payload == null || payload.length > MAX_INLINE ? null : utf8 != null ? "utf-8" : "base64",
                format != null ? format.mediaType() : "application/pkcs7-mime",
                original == null ? null : original.reference(), original == null ? null : original.sha256(),
                null, 1, now, now, null, 0);
        try {
            DeadLetter published = deadLetters.publish(entry);
            exchange.setProperty(As2Routes.DEAD_LETTER, published.id());
            LOG.info("AS2 message refused ({}), dead-lettered as {}: {}", refusal.disposition(), published.id(),
                    reason);
        } catch (RuntimeException e) {
            LOG.error("could not dead-letter refused AS2 message: {}", e.toString(), e);
        }
    }

    /** Puts the error disposition and the reason into the MDN. */
    public void answer(Exchange exchange) {
        As2Refusal refusal = refusal(exchange);
        String entry = exchange.getProperty(As2Routes.DEAD_LETTER, String.class);
        As2Outcome.refused(As2Outcome.httpContext(exchange), refusal.disposition(),
                refusal.getMessage() + (entry == null ? "" : " [dead letter " + entry + "]"));
    }

    /** The acknowledgement rejecting the interchange, when the refusal is about its content. */
    public FunctionalAcknowledgement acknowledgement(Exchange exchange) {
        return refusal(exchange).acknowledgement();
    }

    /** Who sent it and which message it was, for the operator reading the dead letter. */
    private static String sender(Exchange exchange) {
        HttpCoreContext context = As2Outcome.httpContext(exchange);
        if (context == null || context.getRequest() == null) {
            return "";
        }
        Header from = context.getRequest().getFirstHeader(AS2Header.AS2_FROM);
        Header id = context.getRequest().getFirstHeader(AS2Header.MESSAGE_ID);
        return " (AS2-From " + (from == null ? "-" : from.getValue()) + ", Message-ID "
                + (id == null ? "-" : id.getValue()) + ")";
    }

    private static String utf8(byte[] content) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
