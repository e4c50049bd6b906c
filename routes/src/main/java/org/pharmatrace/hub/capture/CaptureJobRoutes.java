package org.pharmatrace.hub.capture;

import static org.pharmatrace.hub.HubRouteConfigurations.CAPTURE_API;
import static org.pharmatrace.hub.HubRouteConfigurations.PIPELINE;

import org.apache.camel.ExchangePattern;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Capture jobs after the 202: the background ingest of accepted documents (from the stored original), the
 * resumption on start-up of those a stopped hub left running, and GET /capture, GET /capture/{captureID}.
 */
@Component
public class CaptureJobRoutes extends RouteBuilder {

    private final CapturedDocuments documents;
    private final CaptureJobApi api;

    public CaptureJobRoutes(CapturedDocuments documents, CaptureJobApi api) {
        this.documents = documents;
        this.api = api;
    }

    @Override
    public void configure() {
        from("seda:ingest-captured-document?concurrentConsumers={{hub.capture.ingest-workers:1}}")
                .routeId("ingest-accepted-capture").routeConfigurationId(PIPELINE)
                .to("direct:ingest-captured-document");

        from("direct:ingest-captured-document").routeId("ingest-captured-document").errorHandler(noErrorHandler())
                .bean(documents, "openForIngest")
                .to("direct:ingest-canonical-events");

        from("timer:resume-interrupted-captures?repeatCount=1&delay={{hub.capture.resume-delay:1000}}")
                .routeId("resume-interrupted-captures").autoStartup("{{hub.capture.resume-on-startup:true}}")
                .bean(api, "interruptedCaptureIds")
                .split(body())
                    .log("resuming capture ${body}, interrupted by a stop of the hub")
                    .to(ExchangePattern.InOnly, "seda:ingest-captured-document")
                .end();

        from("direct:report-capture-job").routeId("report-capture-job").routeConfigurationId(CAPTURE_API)
                .bean(api, "report");

        from("direct:list-capture-jobs").routeId("list-capture-jobs").routeConfigurationId(CAPTURE_API)
                .bean(api, "list");
    }
}
