package org.pharmatrace.hub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.pharmatrace.hub.capture.CaptureJob;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The hub as it runs: the whole application on a random port, against the test JVM's Kafka, with originals in a
 * temporary directory. Every test class extends this one unchanged, so they all share one application context.
 */
@CamelSpringBootTest
@AutoConfigureObservability
@SpringBootTest(classes = HubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
abstract class HubIntegrationTest {

    static final Path DOCUMENTS = temporaryDirectory();

    @LocalServerPort
    int port;

    @Autowired
    CamelContext camel;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("hub.kafka.bootstrap-servers", TestKafka::bootstrapServers);
        registry.add("hub.documents.local.directory", DOCUMENTS::toString);
    }

    /**
     * Notified once the background ingest of an accepted capture is over. The filter keeps the splitter's per-event
     * exchanges, which come from the same route, out of the count: only the capture's own exchange ends with its job.
     */
    NotifyBuilder ingestFinished() {
        return new NotifyBuilder(camel).fromRoute("ingest-accepted-capture")
                .filter(e -> e.getMessage().getBody() instanceof CaptureJob).whenDone(1).create();
    }

    HubClient hub() {
        return new HubClient(port);
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("hub-documents-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
