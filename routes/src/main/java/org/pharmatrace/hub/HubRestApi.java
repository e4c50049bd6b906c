package org.pharmatrace.hub;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestBindingMode;
import org.springframework.stereotype.Component;

/**
 * The hub's HTTP API, on Spring Boot's web server (platform-http): the EPCIS 2.0 capture interface, attachments and
 * the dead-letter queue. Each operation hands over to the route that implements it.
 */
@Component
public class HubRestApi extends RouteBuilder {

    @Override
    public void configure() {
        // useStreaming: request bodies are read as bytes. Without it, Camel's Spring Boot platform-http reads them
        // through a Reader in the request's charset (UTF-8 when none is given), which corrupts binary attachments
        // and documents in any other encoding (CAMEL-23320).
        restConfiguration().component("platform-http").bindingMode(RestBindingMode.off).inlineRoutes(false)
                .endpointProperty("useStreaming", "true");

        rest("/capture").description("EPCIS 2.0 capture interface")
                .post().id("http-capture").description("capture an EPCIS document (JSON-LD or XML, 1.2 or 2.0)")
                    .to("direct:capture-document")
                .get().id("http-capture-jobs").description("the caller's capture jobs, newest first")
                    .to("direct:list-capture-jobs")
                .get("/{captureID}").id("http-capture-job").description("one capture job")
                    .to("direct:report-capture-job");

        rest("/events").description("EPCIS 2.0 single-event capture")
                .post().id("http-event").description("capture one event, synchronously")
                    .to("direct:capture-single-event");

        rest("/attachments").description("files EPCIS events refer to (certificates of analysis, photos, PDFs)")
                .post().id("http-attachment-upload").description("keep a file (the body; Content-Type its media type, "
                        + "?filename= or Content-Disposition its name), encrypted on IPFS")
                    .to("direct:upload-attachment")
                .get().id("http-attachments").description("the caller's attachments (?captureID=, ?limit=)")
                    .to("direct:list-attachments")
                .get("/{attachmentId}").id("http-attachment").description("the file as it was sent")
                    .to("direct:download-attachment");

        rest("/dlq").description("dead-letter queue")
                .get().id("http-dead-letters").description("entries (?status=open|reprocessed|discarded|all, "
                        + "?captureID=, ?partner= for operators, ?limit=)")
                    .to("direct:list-dead-letters")
                .get("/{entryId}").id("http-dead-letter").to("direct:show-dead-letter")
                .post("/{entryId}/reprocess").id("http-reprocess-dead-letter").to("direct:reprocess-dead-letter")
                .delete("/{entryId}").id("http-discard-dead-letter").to("direct:discard-dead-letter");
    }
}
