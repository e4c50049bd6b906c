package org.pharmatrace.hub;

import org.apache.camel.builder.RouteConfigurationBuilder;
import org.pharmatrace.hub.capture.CaptureRejections;
import org.pharmatrace.hub.ingest.CaptureIngest;
import org.pharmatrace.hub.problem.CaptureRejectedException;
import org.springframework.stereotype.Component;

/**
 * Error handling, declared once. {@code capture-api}: routes answering an HTTP caller turn a refusal into its RFC 7807
 * problem (after dead-lettering the document) and anything else into a 500 problem. {@code pipeline}: routes of the
 * ingest path dead-letter what failed (the event, or the document) and carry on with the next event.
 *
 * <p>Sub-steps that are routes of their own run without an error handler, so that a failure reaches the handling of
 * the route that called them (a called route that handles a failure itself hides it from its caller).
 */
@Component
public class HubRouteConfigurations extends RouteConfigurationBuilder {

    public static final String CAPTURE_API = "capture-api";
    public static final String PIPELINE = "pipeline";

    private final CaptureRejections rejections;
    private final CaptureIngest ingest;

    public HubRouteConfigurations(CaptureRejections rejections, CaptureIngest ingest) {
        this.rejections = rejections;
        this.ingest = ingest;
    }

    @Override
    public void configuration() {
        routeConfiguration(CAPTURE_API)
                .onException(CaptureRejectedException.class).handled(true)
                    .bean(rejections, "refused")
                .end()
                .onException(Exception.class).handled(true)
                    .bean(rejections, "failed")
                .end();

        routeConfiguration(PIPELINE)
                .onException(Exception.class).handled(true)
                    .bean(ingest, "failed")
                .end();
    }
}
