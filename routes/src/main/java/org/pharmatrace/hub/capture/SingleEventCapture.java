package org.pharmatrace.hub.capture;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.pharmatrace.hub.HubExchange;
import org.springframework.stereotype.Component;

/**
 * POST /events ingests while the caller waits. The ingest runs as an exchange of its own: its failures are handled
 * (and dead-lettered) inside the pipeline, and the HTTP route goes on to answer with the job that results.
 */
@Component
public class SingleEventCapture {

    private final ProducerTemplate producer;

    public SingleEventCapture(ProducerTemplate producer) {
        this.producer = producer;
    }

    public void ingestNow(Exchange exchange) {
        String captureId = exchange.getMessage().getBody(String.class);
        Object capture = exchange.getProperty(HubExchange.CAPTURE);
        Exchange result = producer.send("direct:ingest-captured-document", ingest -> {
            ingest.setProperty(HubExchange.CAPTURE, capture);
            ingest.getIn().setBody(captureId);
        });
        if (result.getException() != null) {
            throw new IllegalStateException("the event could not be ingested: " + result.getException().getMessage(),
                    result.getException());
        }
        exchange.getMessage().setBody(result.getMessage().getBody(CaptureJob.class));
    }
}
