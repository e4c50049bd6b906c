package org.pharmatrace.hub.deadletter;

import static org.pharmatrace.hub.HubRouteConfigurations.CAPTURE_API;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * The DLQ API: list and show entries, discard one, or reprocess it — an event goes through the ingest path again
 * into its capture job, a whole document of a channel with a format of its own goes back through that channel's
 * {@link DeadLetterReprocessor}, a refused document is captured again as its partner, an interrupted ingest is
 * resumed.
 */
@Component
public class DeadLetterRoutes extends RouteBuilder {

    private final DeadLetterDesk desk;

    public DeadLetterRoutes(DeadLetterDesk desk) {
        this.desk = desk;
    }

    @Override
    public void configure() {
        from("direct:list-dead-letters").routeId("list-dead-letters").routeConfigurationId(CAPTURE_API)
                .bean(desk, "list");

        from("direct:show-dead-letter").routeId("show-dead-letter").routeConfigurationId(CAPTURE_API)
                .bean(desk, "show");

        from("direct:discard-dead-letter").routeId("discard-dead-letter").routeConfigurationId(CAPTURE_API)
                .bean(desk, "discard");

        from("direct:reprocess-dead-letter").routeId("reprocess-dead-letter").routeConfigurationId(CAPTURE_API)
                .bean(desk, "openEntry")
                .choice()
                    .when(method(desk, "isEvent"))
                        .bean(desk, "reingestEvent")
                    .when(method(desk, "isChannelDocument"))
                        .bean(desk, "reprocessInChannel")
                    .when(method(desk, "isInterruptedIngest"))
                        .bean(desk, "resumeCapture")
                    .otherwise()
                        .bean(desk, "recaptureDocument")
                .end();
    }
}
