package org.pharmatrace.hub.capture;

import static org.pharmatrace.hub.HubRouteConfigurations.CAPTURE_API;

import org.apache.camel.ExchangePattern;
import org.apache.camel.builder.RouteBuilder;
import org.pharmatrace.hub.HubExchange;
import org.springframework.stereotype.Component;

/**
 * Capture over HTTP: POST /capture takes a document and answers 202 with its capture job once the document is
 * stored, valid (in part, or in whole) and within what the partner may claim; the events are then ingested in the
 * background. POST /events does the same for one event, synchronously, and answers 201.
 */
@Component
public class DocumentCaptureRoute extends RouteBuilder {

    private final CaptureReception reception;
    private final DocumentValidation validation;
    private final SingleEventCapture singleEvents;

    public DocumentCaptureRoute(CaptureReception reception, DocumentValidation validation,
                                SingleEventCapture singleEvents) {
        this.reception = reception;
        this.validation = validation;
        this.singleEvents = singleEvents;
    }

    @Override
    public void configure() {
        from("direct:capture-document").routeId("capture-document").routeConfigurationId(CAPTURE_API)
                .bean(reception, "receiveDocument")
                .to("direct:capture-received-document")
                .choice()
                    .when(exchangeProperty(HubExchange.EARLIER_JOB).isNotNull())
                        .bean(reception, "answerDuplicate")
                    .otherwise()
                        .removeHeaders("*") // the background ingest needs the captureID, not the HTTP request
                        .to(ExchangePattern.InOnly, "seda:ingest-captured-document")
                        .bean(reception, "answerAccepted")
                .end();

        from("direct:capture-single-event").routeId("capture-single-event").routeConfigurationId(CAPTURE_API)
                .bean(reception, "receiveSingleEvent")
                .to("direct:capture-received-document")
                .choice()
                    .when(exchangeProperty(HubExchange.EARLIER_JOB).isNotNull())
                        .bean(reception, "answerDuplicate")
                    .otherwise()
                        .bean(singleEvents, "ingestNow")
                        .bean(reception, "answerEventCaptured")
                .end();

        // Also the way back in for a document reprocessed from the dead-letter queue.
        from("direct:capture-received-document").routeId("capture-received-document").errorHandler(noErrorHandler())
                .filter(method(reception, "isDuplicate").isEqualTo(false))
                    .bean(reception, "storeOriginal")
                    .bean(validation, "validate")
                    .bean(validation, "checkEntitlements")
                    .bean(reception, "openJob")
                .end();
    }
}
