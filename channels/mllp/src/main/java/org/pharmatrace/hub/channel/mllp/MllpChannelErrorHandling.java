package org.pharmatrace.hub.channel.mllp;

import org.apache.camel.builder.RouteConfigurationBuilder;
import org.pharmatrace.mapping.PartnerFormatException;
import org.springframework.stereotype.Component;

/**
 * Error handling of the MLLP channel, declared once: a message that cannot be captured as sent is refused with its
 * reason (AE/AR), anything else means the hub cannot work and is answered AR. Either way the connection stays open
 * for the next message. Sub-steps run without an error handler, so their failures reach this handling.
 */
@Component
public class MllpChannelErrorHandling extends RouteConfigurationBuilder {

    public static final String MLLP_CHANNEL = "mllp-channel";

    private final MllpRefusals refusals;

    public MllpChannelErrorHandling(MllpRefusals refusals) {
        this.refusals = refusals;
    }

    @Override
    public void configuration() {
        routeConfiguration(MLLP_CHANNEL)
                .onException(PartnerFormatException.class).handled(true)
                    .bean(refusals, "refused")
                .end()
                .onException(Exception.class).handled(true)
                    .bean(refusals, "failed")
                .end();
    }
}
