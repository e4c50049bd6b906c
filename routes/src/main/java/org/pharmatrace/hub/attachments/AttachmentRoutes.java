package org.pharmatrace.hub.attachments;

import static org.pharmatrace.hub.HubRouteConfigurations.CAPTURE_API;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** The attachment API's routes; refusals are answered as RFC 7807 problems by the {@code capture-api} handling. */
@Component
public class AttachmentRoutes extends RouteBuilder {

    private final AttachmentApi api;

    public AttachmentRoutes(AttachmentApi api) {
        this.api = api;
    }

    @Override
    public void configure() {
        from("direct:upload-attachment").routeId("upload-attachment").routeConfigurationId(CAPTURE_API)
                .bean(api, "upload");
        from("direct:download-attachment").routeId("download-attachment").routeConfigurationId(CAPTURE_API)
                .bean(api, "download");
        from("direct:list-attachments").routeId("list-attachments").routeConfigurationId(CAPTURE_API)
                .bean(api, "list");
    }
}
