package org.pharmatrace.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pharmatrace.hub.HubClient.User.ACME;
import static org.pharmatrace.hub.HubClient.User.OPS;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.pharmatrace.connectors.ipfs.cid.Cid;
import org.pharmatrace.connectors.ipfs.kubo.KuboClient;
import org.pharmatrace.hub.HubClient.Answer;
import org.pharmatrace.hub.capture.CaptureJob;
import org.pharmatrace.hub.documents.OriginalDocumentStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The hub with originals on IPFS (a real Kubo, encrypted through the IPFS connector): the capture job and the
 * canonical records point at the envelope's CID, the ingest reads the document back from Kubo, and what Kubo holds
 * is not the plaintext. A context of its own, closed after this class.
 */
@CamelSpringBootTest
@SpringBootTest(classes = HubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DirtiesContext
class IpfsDocumentStoreTest {

    private static final char[] PASSWORD = "kek-test-password".toCharArray();
    private static KuboDaemon kubo;

    @LocalServerPort
    int port;

    @Autowired
    CamelContext camel;

    @Autowired
    OriginalDocumentStore documents;

    @DynamicPropertySource
    static void ipfs(DynamicPropertyRegistry registry) throws IOException, GeneralSecurityException {
        kubo = KuboDaemon.start();
        Path keystore = TestKeystores.withKek(PASSWORD);
        registry.add("hub.kafka.bootstrap-servers", TestKafka::bootstrapServers);
        registry.add("hub.documents.store", () -> "ipfs");
        registry.add("hub.documents.ipfs.api-url", kubo::api);
        registry.add("hub.documents.ipfs.keystore", keystore::toString);
        registry.add("hub.documents.ipfs.keystore-password", () -> new String(PASSWORD));
        registry.add("hub.documents.ipfs.spool-directory", () -> keystore.getParent().resolve("spool").toString());
        registry.add("hub.capture.resume-on-startup", () -> "false");
    }

    @AfterAll
    static void stopKubo() {
        if (kubo != null) {
            kubo.stop();
        }
    }

    @Test
    void originalsAreStoredEncryptedOnIpfsAndIngestedFromThere() throws Exception {
        String document = TestDocuments.commissioning(3);
        NotifyBuilder ingested = new NotifyBuilder(camel).fromRoute("ingest-accepted-capture")
                .filter(e -> e.getMessage().getBody() instanceof CaptureJob).whenDone(1).create();

        Answer accepted = new HubClient(port).post("/capture", ACME, document, "application/ld+json");

        assertThat(accepted.status()).as(accepted.response().body()).isEqualTo(202);
        assertThat(ingested.matches(60, TimeUnit.SECONDS)).isTrue();
        JsonNode job = new HubClient(port).get(accepted.header("Location"), ACME).json();
        String cid = job.get("sourceDocument").asText();
        assertThat(cid).startsWith("ipfs://b");
        assertThat(job.get("acceptedCount").asInt()).isEqualTo(3);
        assertThat(HttpCaptureTest.recordsOf(job.get("captureID").asText()))
                .hasSize(3).allSatisfy(r -> assertThat(TestKafka.header(r, "sourceDocument")).isEqualTo(cid));

        try (InputStream stored = KuboClient.of(URI.create(kubo.api())).cat(Cid.parse(cid))) {
            String envelope = new String(stored.readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(envelope).startsWith("PTBE").doesNotContain("urn:epc:id:sgtin:0614141");
        }

        JsonNode health = new HubClient(port).get("/actuator/health", OPS).json();
        assertThat(health.at("/components/documentStore/status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/documentStore/details/store").asText()).isEqualTo("ipfs");
    }

    @Test
    void whenKuboIsDownDuringACaptureThenTheCaptureCompletesOnceItIsBack() throws Exception {
        String document = TestDocuments.commissioning(2);
        NotifyBuilder ingested = new NotifyBuilder(camel).fromRoute("ingest-accepted-capture")
                .filter(e -> e.getMessage().getBody() instanceof CaptureJob).whenDone(1).create();
        kubo.pause();
        CompletableFuture<Answer> capture;
        try {
            // the hub meets a stopped Kubo and retries with back-off while it comes back
            capture = CompletableFuture.supplyAsync(() -> new HubClient(port).post("/capture", ACME, document,
                    "application/ld+json"));
        } finally {
            kubo.resume();
        }

        Answer accepted = capture.get(2, TimeUnit.MINUTES);
        assertThat(accepted.status()).as(accepted.response().body()).isEqualTo(202);
        assertThat(ingested.matches(60, TimeUnit.SECONDS)).isTrue();
        JsonNode job = new HubClient(port).get(accepted.header("Location"), ACME).json();
        assertThat(job.get("acceptedCount").asInt()).isEqualTo(2);
        assertThat(job.get("sourceDocument").asText()).startsWith("ipfs://b");
    }

    @Test
    void aLargeOriginalIsStreamedToIpfsWithoutBeingHeldInMemory() throws Exception {
        long size = 6L * 1024 * 1024;
        String sha256 = GeneratedOriginal.sha256(new GeneratedOriginal(11, size));

        String reference = documents.store(new GeneratedOriginal(11, size), sha256, "text/csv");

        assertThat(reference).startsWith("ipfs://b");
        try (InputStream back = documents.open(reference)) {
            assertThat(GeneratedOriginal.sha256(back)).isEqualTo(sha256);
        }
    }
}
