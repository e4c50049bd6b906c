package org.pharmatrace.hub.ingest;

import static org.pharmatrace.hub.HubRouteConfigurations.PIPELINE;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * The ingest path every channel feeds: {@code direct:ingest-canonical-events} takes an {@link IngestRequest}
 * (canonical EPCIS events, partner, channel, original document reference) and answers the finished
 * {@link org.pharmatrace.hub.capture.CaptureJob}. Each event is checked (EPCIS/CBV rules, the partner's
 * entitlements), gets its Event Hash ID as eventID and goes to the canonical-events topic; or, refused, to the
 * dead-letter queue with its reasons. Events stream through one at a time, in document order.
 */
@Component
public class CanonicalEventIngestRoute extends RouteBuilder {

    private final CaptureIngest ingest;

    public CanonicalEventIngestRoute(CaptureIngest ingest) {
        this.ingest = ingest;
    }

    @Override
    public void configure() {
        from("direct:ingest-canonical-events").routeId("ingest-canonical-events").routeConfigurationId(PIPELINE)
                .bean(ingest, "begin")
                .choice()
                    .when(method(ingest, "isDuplicate"))
                        .log("same document as capture ${body.captureId}: not ingested again")
                    .otherwise()
                        .split(method(ingest, "events")).streaming()
                            .to("direct:admit-canonical-event")
                        .end()
                        .bean(ingest, "finish")
                .end();

        from("direct:admit-canonical-event").routeId("admit-canonical-event").routeConfigurationId(PIPELINE)
                .bean(ingest, "examine")
                .choice()
                    .when(method(ingest, "isRejected"))
                        .bean(ingest, "deadLetter")
                    .otherwise()
                        .to("direct:publish-canonical-event")
                .end();

        from("direct:publish-canonical-event").routeId("publish-canonical-event").errorHandler(noErrorHandler())
                .bean(ingest, "prepareRecord")
                .to("kafka:{{hub.kafka.topics.canonical-events}}")
                .bean(ingest, "published");
    }
}
