package org.pharmatrace.hub.channel.as2;

import org.apache.camel.component.as2.api.entity.AS2DispositionModifier;
import org.pharmatrace.hub.channel.as2.As2Partners.As2Partner;

/**
 * A message the channel will not capture: the MDN disposition modifier the sender gets, the pipeline stage for the
 * dead-letter entry, and the reason in words (in the MDN text and the DLQ entry alike).
 */
public class As2Refusal extends RuntimeException {

    private final transient AS2DispositionModifier disposition;
    private final String stage;
    private final transient As2Partner partner;
    private final transient FunctionalAcknowledgement acknowledgement;

    public As2Refusal(AS2DispositionModifier disposition, String stage, As2Partner partner, String reason) {
        this(disposition, stage, partner, reason, null, null);
    }

    public As2Refusal(AS2DispositionModifier disposition, String stage, As2Partner partner, String reason,
                      FunctionalAcknowledgement acknowledgement, Throwable cause) {
        super(reason, cause);
        this.disposition = disposition;
        this.stage = stage;
        this.partner = partner;
        this.acknowledgement = acknowledgement;
    }

    public AS2DispositionModifier disposition() {
        return disposition;
    }

    public String stage() {
        return stage;
    }

    /** The registered partner, or null when the sender is not one. */
    public As2Partner partner() {
        return partner;
    }

    /** The 997/999/CONTRL rejecting the interchange, when the refusal is about its content. */
    public FunctionalAcknowledgement acknowledgement() {
        return acknowledgement;
    }
}
