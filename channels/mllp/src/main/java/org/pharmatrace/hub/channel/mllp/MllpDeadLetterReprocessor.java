package org.pharmatrace.hub.channel.mllp;

import java.io.IOException;
import java.util.List;
import org.pharmatrace.hub.capture.CaptureJob;
import org.pharmatrace.hub.capture.CaptureReception;
import org.pharmatrace.hub.deadletter.DeadLetter;
import org.pharmatrace.hub.deadletter.DeadLetterPayload;
import org.pharmatrace.hub.deadletter.DeadLetterReprocessor;
import org.pharmatrace.hub.deadletter.ReprocessingRefusedException;
import org.pharmatrace.hub.ingest.ChannelIngest;
import org.pharmatrace.hub.ingest.IngestRequest;
import org.pharmatrace.hub.partner.TradingPartner;
import org.pharmatrace.mapping.PartnerFormatException;
import org.pharmatrace.mapping.hl7.Hl7DispenseException;
import org.pharmatrace.mapping.hl7.Hl7ErrorCode;
import org.pharmatrace.mapping.hl7.Hl7Location;
import org.springframework.stereotype.Component;

/**
 * {@code POST /dlq/{id}/reprocess} of a refused HL7 message: the message goes through the channel's steps again
 * (sender, redacted original, mapping, ingest), without an ACK — the pharmacy system is not on the line. The entry's
 * payload is the redacted message, which maps to the same events as the received one by design; a corrected message
 * sent with the call is redacted before anything of it is kept, like a received one. It must come from a pharmacy
 * system of the partner whose entry it is.
 */
@Component
public class MllpDeadLetterReprocessor implements DeadLetterReprocessor {

    private final DispenseIntake intake;
    private final ChannelIngest channels;

    public MllpDeadLetterReprocessor(DispenseIntake intake, ChannelIngest channels) {
        this.intake = intake;
        this.channels = channels;
    }

    @Override
    public String channel() {
        return DispenseIntake.CHANNEL;
    }

    @Override
    public CaptureJob reprocess(DeadLetter entry, TradingPartner partner, DeadLetterPayload payload)
            throws IOException {
        DispenseMessage message = new DispenseMessage(payload.readAllBytes());
        try {
            intake.identify(message);
            if (!message.sender.partner().id().equals(partner.id())) {
                throw new Hl7DispenseException(Hl7Location.field("MSH", 1, 4), Hl7ErrorCode.BAD_MSH, "the sender, "
                        + message.header.sender() + ", is a pharmacy system of partner "
                        + message.sender.partner().id() + ", not of " + partner.id() + " whose dead letter this is");
            }
            byte[] redacted = intake.redacted(message);
            String sha256 = CaptureReception.sha256(redacted);
            if (sha256.equals(entry.documentSha256()) && entry.sourceDocument() != null) {
                message.original = new ChannelIngest.StoredOriginal(entry.sourceDocument(), sha256);   // kept already
            } else {
                intake.keepRedactedOriginal(message);
            }
            intake.mapDispenses(message);
        } catch (PartnerFormatException refusal) {
            throw new ReprocessingRefusedException(MllpRefusals.stageOf(refusal), refusal.getMessage(),
                    List.of(MllpRefusals.problem(refusal)));
        }
        return channels.ingest(IngestRequest.mappedEvents(partner, DispenseIntake.CHANNEL,
                message.original.reference(), message.original.sha256(), message.events));
    }
}
