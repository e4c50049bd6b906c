package org.pharmatrace.hub.channel.mllp;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.pharmatrace.hub.HubProperties;
import org.pharmatrace.hub.capture.CaptureReception;
import org.pharmatrace.hub.deadletter.DeadLetter;
import org.pharmatrace.hub.deadletter.DeadLetters;
import org.pharmatrace.hub.observability.IngestMetrics;
import org.pharmatrace.hub.partner.TradingPartner;
import org.pharmatrace.hub.problem.EventProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Dead-letters HL7 messages the channel refused as a whole (the ingest path dead-letters refused events itself).
 * The payload is the redacted message ({@link PatientSegments}), never the received one; input that is not HL7 v2
 * ER7 at all cannot be redacted and is kept without payload (its reason, size and sender only). Entry id:
 * {@code mllp-} and the start of the SHA-256 of what is kept, so a pharmacy resending the same message rewrites its
 * entry (one more attempt) instead of adding one. A message from an unknown sender has no partner: operators see it.
 */
@Component
public class MllpDeadLetters {

    private static final Logger LOG = LoggerFactory.getLogger(MllpDeadLetters.class);
    private static final String UNKNOWN_PARTNER = "unknown";

    private final DeadLetters deadLetters;
    private final IngestMetrics metrics;
    private final MllpChannelProperties properties;
    private final long maxInlinePayload;

    public MllpDeadLetters(DeadLetters deadLetters, IngestMetrics metrics, MllpChannelProperties properties,
                           HubProperties hub) {
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.properties = properties;
        this.maxInlinePayload = hub.deadLetters().maxInlinePayload().toBytes();
    }

    /**
     * @param redacted the message without patient data, or null when it could not be made
     * @param problem what is wrong, located (field: {@code RXD-2}, {@code OBX-5 (repetition 2)}, ...)
     */
    DeadLetter refused(DispenseMessage message, byte[] redacted, String stage, String reason, EventProblem problem) {
        TradingPartner partner = message.sender == null ? null : message.sender.partner();
        String sha256 = CaptureReception.sha256(redacted != null ? redacted : message.received);
        String id = "mllp-" + sha256.substring(0, 32);
        boolean inline = redacted != null && redacted.length <= maxInlinePayload;
        String text = inline ? utf8(redacted) : null;
        String sourceDocument = message.original == null ? null : message.original.reference();
        Instant now = Instant.now();
        List<EventProblem> problems = List.of(problem);
        DeadLetter entry = deadLetters.find(id)
                .filter(DeadLetter::isOpen)
                .map(existing -> existing.failedAgain(stage, reason, problems, now))
                .orElseGet(() -> new DeadLetter(id, DeadLetter.OPEN, stage, reason, problems, null, null,
                        partner == null ? null : partner.id(), partner == null ? null : partner.organisation(),
                        DispenseIntake.CHANNEL,
                        inline ? (text != null ? text : Base64.getEncoder().encodeToString(redacted)) : null,
                        inline ? (text != null ? "utf-8" : "base64") : null,
                        redacted == null ? null : properties.mediaType(), sourceDocument,
                        redacted == null ? null : sha256, null, 1, now, now, null, 0));
        DeadLetter published = deadLetters.publish(entry);
        metrics.deadLettered(partner == null ? UNKNOWN_PARTNER : partner.id(), DispenseIntake.CHANNEL, stage);
        LOG.info("dead-lettered HL7 message {} as {} at stage {}: {}", message.controlId(), id, stage, reason);
        return published;
    }

    private static String utf8(byte[] content) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
