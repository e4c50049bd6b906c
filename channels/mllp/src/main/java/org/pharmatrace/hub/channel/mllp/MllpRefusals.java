package org.pharmatrace.hub.channel.mllp;

import org.apache.camel.Exchange;
import org.pharmatrace.hub.deadletter.Stage;
import org.pharmatrace.hub.problem.EventProblem;
import org.pharmatrace.mapping.PartnerFormatException;
import org.pharmatrace.mapping.hl7.Hl7Acknowledgements;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What the channel answers when a message is not captured, declared once for its routes
 * ({@link MllpChannelErrorHandling}): the message is dead-lettered (redacted) and answered with a negative ACK that
 * names the reason in MSA-3 and ERR — AR for messages refused unread (not HL7, unknown sender, wrong type or
 * version), AE for content errors — or, when the hub itself cannot work, with AR "resend later".
 */
@Component
public class MllpRefusals {

    private static final Logger LOG = LoggerFactory.getLogger(MllpRefusals.class);

    private final DispenseIntake intake;
    private final MllpDeadLetters deadLetters;
    private final Hl7Acknowledgements acknowledgements;

    public MllpRefusals(DispenseIntake intake, MllpDeadLetters deadLetters, Hl7Acknowledgements acknowledgements) {
        this.intake = intake;
        this.deadLetters = deadLetters;
        this.acknowledgements = acknowledgements;
    }

    /** The message cannot be captured as sent: dead-lettered, answered AR or AE with the reason. */
    public void refused(Exchange exchange) {
        PartnerFormatException refusal = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, PartnerFormatException.class);
        DispenseMessage message = message(exchange);
        String code = Hl7Acknowledgements.acknowledgementCode(refusal);
        String stage = stageOf(refusal);
        try {
            deadLetters.refused(message, intake.redacted(message), stage, refusal.getMessage(), problem(refusal));
        } catch (RuntimeException e) {
            // The partner still learns what is wrong with its message; the operator learns from the log.
            LOG.error("HL7 message {} could not be dead-lettered: {}", message.controlId(), e.toString());
        }
        DispenseIntake.answer(exchange, acknowledgements.reject(message.received, refusal));
        LOG.info("HL7 message {} from {}: {}: {}", message.controlId(),
                message.sender != null ? "partner " + message.sender.partner().id()
                        : message.header != null ? message.header.sender() : "an unreadable sender",
                code, refusal.getMessage());
    }

    /**
     * The hub could not take the message (the document store or Kafka failing): AR, so that the pharmacy system
     * resends it. It is dead-lettered when the dead-letter queue still works.
     */
    public void failed(Exchange exchange) {
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        DispenseMessage message = message(exchange);
        String stage = exchange.getProperty(DispenseIntake.STAGE, Stage.INGEST, String.class);
        String reason = "the hub cannot take the message now (" + stage + " failed: " + failure.getClass().getSimpleName()
                + "); send it again later";
        LOG.error("HL7 message {}: {}", message.controlId(), reason, failure);
        try {
            deadLetters.refused(message, intake.redacted(message), stage, reason,
                    new EventProblem(-1, null, null, reason));
        } catch (RuntimeException e) {
            LOG.error("HL7 message {} could not be dead-lettered either: {}", message.controlId(), e.toString());
        }
        PartnerFormatException unavailable = new PartnerFormatException(null, "HUB_UNAVAILABLE", reason);
        DispenseIntake.answer(exchange, applicationReject(acknowledgements.acknowledge(message.received, unavailable),
                message));
    }

    /**
     * The mapping module answers AE for every reason it does not know; a hub that cannot work is an application
     * reject (HL7: "for reasons unrelated to its content or format"), so MSA-1 becomes AR.
     */
    private static String applicationReject(String acknowledgement, DispenseMessage message) {
        String f = message.header == null ? "|" : String.valueOf(message.header.fieldSeparator());
        return acknowledgement.replace("\rMSA" + f + "AE" + f, "\rMSA" + f + "AR" + f);
    }

    /** Refused unread (AR) at {@code receive}, for its content (AE) at {@code validation}. */
    static String stageOf(PartnerFormatException refusal) {
        return "AR".equals(Hl7Acknowledgements.acknowledgementCode(refusal)) ? Stage.RECEIVE : Stage.VALIDATION;
    }

    /** The refusal as the entry's problem, located by its HL7 field. */
    static EventProblem problem(PartnerFormatException refusal) {
        String text = refusal.getMessage();
        String prefix = refusal.location() == null ? null : refusal.location() + ": ";
        if (prefix != null && text.startsWith(prefix)) {
            text = text.substring(prefix.length());
        }
        return new EventProblem(-1, null, refusal.location(), text);
    }

    private static DispenseMessage message(Exchange exchange) {
        DispenseMessage message = DispenseIntake.message(exchange);
        if (message == null) {
            byte[] body = exchange.getMessage().getBody(byte[].class);
            message = new DispenseMessage(body == null ? new byte[0] : body);
            exchange.setProperty(DispenseMessage.PROPERTY, message);
        }
        return message;
    }
}
