package org.pharmatrace.hub.channel.sftp;

import org.apache.camel.builder.RouteConfigurationBuilder;
import org.pharmatrace.epcis.io.EpcisFormatException;
import org.pharmatrace.mapping.PartnerFormatException;
import org.springframework.stereotype.Component;

/**
 * Error handling of the SFTP routes, declared once. A file refused for what it contains (a bad row, an unreadable
 * EPCIS document, no acceptable event) is handled: dead-lettered, its {@code .reason} written, and it moves to the
 * error folder. Anything else (the hub cannot reach Kafka, the document store fails) is not handled: Camel rolls
 * the file back, it stays in the partner folder and the next poll tries again.
 */
@Component
public class SftpRouteConfigurations extends RouteConfigurationBuilder {

    public static final String PARTNER_FILE = "sftp-partner-file";

    @Override
    public void configuration() {
        routeConfiguration(PARTNER_FILE)
                .onException(PartnerFileRejectedException.class, PartnerFormatException.class,
                        EpcisFormatException.class).handled(true)
                    .to("direct:sftp-refuse-partner-file")
                .end();
    }
}
