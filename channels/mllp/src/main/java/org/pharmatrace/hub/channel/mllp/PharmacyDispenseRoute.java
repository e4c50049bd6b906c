package org.pharmatrace.hub.channel.mllp;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * HL7 v2 dispense messages from pharmacy systems over MLLP: each message is identified by its sender, kept with its
 * patient segments emptied, mapped to EPCIS dispensing events, fed to the hub's ingest path and answered on the same
 * connection with an original-mode ACK — AA once its events are on the canonical topic, AE/AR with the reason
 * otherwise (see {@link MllpChannelErrorHandling}).
 */
@Component
public class PharmacyDispenseRoute extends RouteBuilder {

    private final MllpChannelProperties properties;
    private final DispenseIntake intake;

    public PharmacyDispenseRoute(MllpChannelProperties properties, DispenseIntake intake) {
        this.properties = properties;
        this.intake = intake;
    }

    @Override
    public void configure() {
        from(listener())
                .routeId("receive-hl7-dispense")
                .routeConfigurationId(MllpChannelErrorHandling.MLLP_CHANNEL)
                .autoStartup(properties.enabled())
                .bean(intake, "receive")
                .to("direct:keep-redacted-hl7-original")
                .to("direct:map-hl7-dispenses")
                .to("direct:ingest-dispensing-events")
                .bean(intake, "acknowledge");

        from("direct:keep-redacted-hl7-original")
                .routeId("keep-redacted-hl7-original")
                .errorHandler(noErrorHandler())
                .bean(intake, "keepRedactedOriginal");

        from("direct:map-hl7-dispenses")
                .routeId("map-hl7-dispenses")
                .errorHandler(noErrorHandler())
                .bean(intake, "mapDispenses");

        from("direct:ingest-dispensing-events")
                .routeId("ingest-dispensing-events")
                .errorHandler(noErrorHandler())
                .bean(intake, "ingestEvents");
    }

    /**
     * The MLLP consumer: raw bytes (the mapper decodes by MSH-18), the channel's own ACKs, no MSH headers (read by
     * the channel itself, tolerantly).
     */
    private String listener() {
        StringBuilder uri = new StringBuilder("mllp:").append(properties.host()).append(':').append(properties.port())
                .append("?autoAck=false&hl7Headers=false&stringPayload=false&validatePayload=false")
                .append("&maxConcurrentConsumers=").append(properties.maxConcurrentConsumers())
                .append("&receiveTimeout=").append(properties.receiveTimeout())
                .append("&maxBufferSize=").append(properties.maxBufferSize());
        if (properties.idleTimeout() != null) {
            uri.append("&idleTimeout=").append(properties.idleTimeout());
        }
        return uri.toString();
    }
}
