package org.pharmatrace.query;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestBindingMode;
import org.pharmatrace.hub.HubProperties;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The query side as the hub's server runs it, minus the capture pipeline: the hub's security and partner directory
 * (routes' partner package), this module's auto-configuration, and the in-memory ledger as feed and proof. A Camel
 * platform-http route answers POST /events as the capture API does, so the tests see both sides of that path.
 */
@SpringBootApplication(scanBasePackages = "org.pharmatrace.hub.partner")
@EnableConfigurationProperties(HubProperties.class)
public class QueryTestApplication {

    @Bean
    InMemoryLedger inMemoryLedger() {
        return new InMemoryLedger();
    }

    @Bean
    RouteBuilder captureStandIn() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                restConfiguration().component("platform-http").bindingMode(RestBindingMode.off);
                rest("/events").post().id("test-capture-single-event").to("direct:test-capture");
                from("direct:test-capture").routeId("test-capture")
                        .setHeader("CamelHttpResponseCode", constant(201))
                        .setBody(constant("{\"captured\":true}"));
            }
        };
    }
}
