package org.pharmatrace.hub.channel.mllp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.component.mllp.MllpConstants;
import org.pharmatrace.epcis.model.EpcisEvent;
import org.pharmatrace.hub.capture.CaptureError;
import org.pharmatrace.hub.capture.CaptureJob;
import org.pharmatrace.hub.deadletter.Stage;
import org.pharmatrace.hub.ingest.ChannelIngest;
import org.pharmatrace.hub.ingest.IngestRequest;
import org.pharmatrace.mapping.PartnerFormatException;
import org.pharmatrace.mapping.PartnerProfile;
import org.pharmatrace.mapping.hl7.Hl7Acknowledgements;
import org.pharmatrace.mapping.hl7.Hl7DispenseException;
import org.pharmatrace.mapping.hl7.Hl7DispenseMapper;
import org.pharmatrace.mapping.hl7.Hl7ErrorCode;
import org.pharmatrace.mapping.hl7.Hl7Location;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The steps of {@link PharmacyDispenseRoute} for a message that goes well: read the MSH and identify the pharmacy,
 * keep the redacted original, map the dispenses, ingest the events, acknowledge. A step that refuses the message
 * throws a {@link PartnerFormatException}; {@link MllpRefusals} answers it.
 */
@Component
public class DispenseIntake {

    /** The stage a failure happens in, for its dead-letter entry. */
    static final String STAGE = "hub.mllp.stage";
    static final String CHANNEL = "mllp";

    private static final Logger LOG = LoggerFactory.getLogger(DispenseIntake.class);

    private final PharmacySenders senders;
    private final ChannelIngest channels;
    private final MllpChannelProperties properties;
    private final Hl7DispenseMapper mapper = new Hl7DispenseMapper();
    private final Hl7Acknowledgements acknowledgements;

    public DispenseIntake(PharmacySenders senders, ChannelIngest channels, MllpChannelProperties properties,
                          Hl7Acknowledgements acknowledgements) {
        this.senders = senders;
        this.channels = channels;
        this.properties = properties;
        this.acknowledgements = acknowledgements;
    }

    /** Takes the received bytes in; refuses (AR) what is not HL7 v2 ER7 and what an unknown system sent. */
    public void receive(Exchange exchange) {
        byte[] body = exchange.getMessage().getBody(byte[].class);
        DispenseMessage message = new DispenseMessage(body == null ? new byte[0] : body);
        exchange.setProperty(DispenseMessage.PROPERTY, message);
        exchange.setProperty(STAGE, Stage.RECEIVE);
        identify(message);
    }

    /** The pharmacy system that sent the message, from its MSH; refused (AR) when there is none or it is unknown. */
    void identify(DispenseMessage message) {
        if (message.header == null) {
            throw whyUnreadable(message.received);
        }
        message.sender = senders.of(message.header).orElseThrow(() -> new Hl7DispenseException(
                Hl7Location.field("MSH", 1, 4), Hl7ErrorCode.BAD_MSH, "the sender, " + message.header.sender()
                + ", is not a pharmacy system of this hub (hub.channels.mllp.partners)"));
    }

    /** Stores the message with its patient segments emptied; that copy is the original the capture job names. */
    public void keepRedactedOriginal(Exchange exchange) throws IOException {
        DispenseMessage message = message(exchange);
        exchange.setProperty(STAGE, Stage.STORE);
        keepRedactedOriginal(message);
    }

    void keepRedactedOriginal(DispenseMessage message) throws IOException {
        message.redacted = redacted(message);
        message.original = channels.keepOriginal(message.redacted, properties.mediaType());
    }

    /** Maps the dispenses (from the received message, so that a configured patient pseudonym can be computed). */
    public void mapDispenses(Exchange exchange) {
        DispenseMessage message = message(exchange);
        exchange.setProperty(STAGE, Stage.VALIDATION);
        mapDispenses(message);
    }

    void mapDispenses(DispenseMessage message) {
        List<EpcisEvent> events = new ArrayList<>();
        mapper.map(message.received, message.sender.profile(), events::add);
        message.events = events;
    }

    /** Feeds the events to the ingest path; throws when the hub cannot work (then nothing is acknowledged AA). */
    public void ingestEvents(Exchange exchange) {
        DispenseMessage message = message(exchange);
        exchange.setProperty(STAGE, Stage.INGEST);
        message.job = channels.ingest(IngestRequest.mappedEvents(message.sender.partner(), CHANNEL,
                message.original.reference(), message.original.sha256(), message.events));
    }

    /**
     * AA when every event was captured; AE naming the first event the EPCIS/CBV rules or the entitlements refused.
     * A capture that failed as a whole, or is still running, is the hub's problem, not the message's: it throws, and
     * the message is answered AR ("send it again later").
     */
    public void acknowledge(Exchange exchange) {
        DispenseMessage message = message(exchange);
        CaptureJob job = message.job;
        if (job.running()) {
            // The same message arrived twice at once and the other copy is still being captured: not AA yet.
            throw new IllegalStateException("the same message is being captured right now as capture "
                    + job.captureId());
        }
        job.errors().stream().filter(e -> e.eventIndex() < 0
                        || !Stage.VALIDATION.equals(e.stage()) && !Stage.AUTHORISATION.equals(e.stage()))
                .findFirst().ifPresent(e -> {
                    throw new IllegalStateException("capture " + job.captureId() + " failed: " + e.detail());
                });
        if (job.errors().isEmpty()) {
            answer(exchange, acknowledgements.accept(message.received));
            LOG.info("HL7 message {} from partner {}: AA, capture {} ({} events)", message.controlId(),
                    job.partner(), job.captureId(), job.acceptedCount());
            return;
        }
        DispenseNotCapturedException refusal = notCaptured(job);
        answer(exchange, acknowledgements.reject(message.received, refusal));
        LOG.info("HL7 message {} from partner {}: AE, capture {} ({} of {} events refused): {}", message.controlId(),
                job.partner(), job.captureId(), job.rejectedCount(), job.eventCount(), refusal.getMessage());
    }

    /** The message with patient segments emptied, made once; null when it is not HL7 v2 ER7 at all. */
    byte[] redacted(DispenseMessage message) {
        if (message.redacted == null && message.header != null) {
            String packCode = (message.sender == null ? PartnerProfile.defaults() : message.sender.profile())
                    .convention(Hl7DispenseMapper.PACK_OBX_CODE, Hl7DispenseMapper.DEFAULT_PACK_OBX_CODE).strip();
            message.redacted = PatientSegments.redact(message.received, message.header, packCode);
        }
        return message.redacted;
    }

    static DispenseMessage message(Exchange exchange) {
        return exchange.getProperty(DispenseMessage.PROPERTY, DispenseMessage.class);
    }

    /** Hands the ACK to the MLLP consumer, which sends it on the connection the message came in on. */
    static void answer(Exchange exchange, String acknowledgement) {
        DispenseMessage message = message(exchange);
        exchange.setProperty(MllpConstants.MLLP_ACKNOWLEDGEMENT,
                acknowledgement.getBytes(message == null ? StandardCharsets.UTF_8
                        : message.acknowledgementCharset()));
    }

    /** The mapper says best why bytes without a readable MSH cannot be taken (empty, UTF-16, XML, no MSH, ...). */
    private Hl7DispenseException whyUnreadable(byte[] received) {
        try {
            mapper.map(received, PartnerProfile.defaults(), event -> { });
        } catch (Hl7DispenseException e) {
            return e;
        }
        return new Hl7DispenseException(null, Hl7ErrorCode.BAD_MSH,
                "the message does not begin with an MSH segment: HL7 v2 in ER7 (pipe-delimited) encoding is expected");
    }

    private static DispenseNotCapturedException notCaptured(CaptureJob job) {
        CaptureError first = job.errors().get(0);
        String code = Stage.AUTHORISATION.equals(first.stage()) ? "NOT_ENTITLED"
                : Stage.VALIDATION.equals(first.stage()) ? "EPCIS_RULES" : "NOT_CAPTURED";
        // One event per RXD, in order: event i is the dispense of RXD occurrence i + 1.
        String location = first.eventIndex() >= 0 ? "RXD (dispense " + (first.eventIndex() + 1) + ")" : null;
        return new DispenseNotCapturedException(location, code, first.detail() + " (" + job.rejectedCount() + " of "
                + job.eventCount() + " dispenses not captured; capture " + job.captureId() + ")");
    }
}
