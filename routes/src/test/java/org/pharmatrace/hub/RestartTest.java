package org.pharmatrace.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pharmatrace.hub.HubClient.User.ACME;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Test;
import org.pharmatrace.hub.HubClient.Answer;
import org.pharmatrace.hub.capture.CaptureJob;
import org.pharmatrace.hub.capture.CaptureJobs;
import org.pharmatrace.hub.capture.CaptureReception;
import org.pharmatrace.hub.documents.OriginalDocumentStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Capture jobs live in Kafka: a new application context on the same broker knows them, and finishes those left running. */
class RestartTest extends HubIntegrationTest {

    @Autowired
    CaptureJobs jobs;

    @Autowired
    OriginalDocumentStore documents;

    @Test
    void aNewContextReportsTheJobsOfTheOneBeforeAndResumesThoseLeftRunning() throws Exception {
        NotifyBuilder ingested = ingestFinished();
        Answer finished = hub().post("/capture", ACME, TestDocuments.commissioning(2), "application/ld+json");
        assertThat(finished.status()).isEqualTo(202);
        assertThat(ingested.matches(60, TimeUnit.SECONDS)).isTrue();
        JsonNode before = hub().get(finished.header("Location"), ACME).json();

        // A capture the hub accepted (202) and stopped before ingesting: stored original, job still running.
        byte[] interruptedDocument = TestDocuments.commissioning(3).getBytes(StandardCharsets.UTF_8);
        String sha256 = CaptureReception.sha256(interruptedDocument);
        String reference = documents.store(interruptedDocument, sha256, "application/ld+json");
        String interrupted = UUID.randomUUID().toString();
        jobs.save(new CaptureJob(interrupted, true, true, Instant.now(), null, "proceed", "acme", "AcmeMSP", "http",
                reference, sha256, "EPCIS 2.0 JSON-LD", 3, 0, 0, null, List.of(), List.of(), 0));

        try (ConfigurableApplicationContext restarted = new SpringApplicationBuilder(HubApplication.class)
                .profiles("test")
                .run("--server.port=0",
                        "--hub.kafka.bootstrap-servers=" + TestKafka.bootstrapServers(),
                        "--hub.documents.local.directory=" + DOCUMENTS,
                        "--hub.capture.resume-on-startup=false")) {
            HubClient restartedHub = new HubClient(
                    ((ServletWebServerApplicationContext) restarted).getWebServer().getPort());

            JsonNode after = restartedHub.get(finished.header("Location"), ACME).json();
            assertThat(after).isEqualTo(before);

            CamelContext restartedCamel = restarted.getBean(CamelContext.class);
            NotifyBuilder resumed = new NotifyBuilder(restartedCamel).fromRoute("ingest-accepted-capture")
                    .filter(e -> e.getMessage().getBody() instanceof CaptureJob).whenDone(1).create();
            restartedCamel.getRouteController().startRoute("resume-interrupted-captures");
            assertThat(resumed.matches(60, TimeUnit.SECONDS)).as("the interrupted capture was resumed").isTrue();

            JsonNode completed = restartedHub.get("/capture/" + interrupted, ACME).json();
            assertThat(completed.get("running").asBoolean()).isFalse();
            assertThat(completed.get("acceptedCount").asInt()).isEqualTo(3);
            assertThat(HttpCaptureTest.recordsOf(interrupted)).hasSize(3);
        }
    }
}
