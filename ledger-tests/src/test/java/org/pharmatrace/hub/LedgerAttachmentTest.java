package org.pharmatrace.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.pharmatrace.connectors.fabric.LedgerGateway;
import org.pharmatrace.connectors.fabric.LedgerQueries;
import org.pharmatrace.connectors.ipfs.cid.Cid;
import org.pharmatrace.connectors.ipfs.kubo.KuboClient;
import org.pharmatrace.hub.attachments.MultipartCapture;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An attachment's round trip on the real stack: a certificate of analysis sent with a capture is stored encrypted on
 * Kubo, its {@code ipfs://} CID is in the event the ledger records, and downloading it decrypts to the original;
 * what Kubo holds is not the plaintext.
 */
@SpringBootTest(classes = HubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "ledger"})
@DirtiesContext
class LedgerAttachmentTest {

    private static final char[] PASSWORD = "kek-ledger-test".toCharArray();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "Certificate of Analysis - lot L42 - assay 99.8% - released by QA";
    private static KuboDaemon kubo;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) throws Exception {
        FabricTestNetwork.start();
        LedgerFixtures.registerCorpusParties();
        kubo = KuboDaemon.start();
        Path keystore = TestKeystores.withKek(PASSWORD);
        String run = UUID.randomUUID().toString().substring(0, 8);
        registry.add("hub.kafka.bootstrap-servers", TestKafka::bootstrapServers);
        FabricTestNetwork.ownTopics(registry, "attachment-test-" + run);
        registry.add("hub.documents.store", () -> "ipfs");
        registry.add("hub.documents.ipfs.api-url", kubo::api);
        registry.add("hub.documents.ipfs.keystore", keystore::toString);
        registry.add("hub.documents.ipfs.keystore-password", () -> new String(PASSWORD));
        registry.add("hub.documents.ipfs.spool-directory", () -> keystore.getParent().resolve("spool").toString());
        FabricTestNetwork.ledgerSettings(registry, "attachment-test-" + run, FabricTestNetwork.MANUFACTURER);
    }

    @AfterAll
    static void stopKubo() {
        if (kubo != null) {
            kubo.stop();
        }
    }

    @Test
    void theCidOfACertificateOfAnalysisIsOnTheLedgerAndDownloadsDecryptedToTheOriginal() throws Exception {
        byte[] coa = ("%PDF-1.7\n" + SECRET + "\n").repeat(2_000).getBytes(StandardCharsets.ISO_8859_1);
        String document = AttachmentsTest.withCertificationInfo(TestDocuments.commissioning(2), "attachment:coa");
        MultipartBody multipart = new MultipartBody()
                .part(MultipartCapture.DOCUMENT_PART, "application/ld+json", document)
                .part("coa", "coa-L42.pdf", "application/pdf", coa);
        HubClient hub = new HubClient(port);

        HubClient.Answer accepted = hub.post("/capture", HubClient.User.ACME, multipart.bytes(), multipart.contentType());
        assertThat(accepted.status()).as(accepted.response().body()).isEqualTo(202);
        String captureId = accepted.json().get("captureID").asText();
        JsonNode job = Eventually.captureFinished(hub, captureId, Duration.ofMinutes(2));
        assertThat(job.get("committedCount").asInt()).as(job.toPrettyString()).isEqualTo(2);

        String uri = hub.get("/attachments?captureID=" + captureId, HubClient.User.ACME).json()
                .at("/attachments/0/uri").asText();
        assertThat(uri).startsWith("ipfs://");

        // On the ledger: the event as the peers recorded it names the attachment by its CID.
        try (LedgerGateway regulator = FabricTestNetwork.gateway(FabricTestNetwork.REGULATOR)) {
            String hash = job.at("/events/0/eventHashId").asText();
            JsonNode stored = JSON.readTree(new LedgerQueries(regulator).event(FabricTestNetwork.REGULATOR, hash)
                    .orElseThrow());
            assertThat(stored.at("/event/certificationInfo").asText()).isEqualTo(uri);
            assertThat(stored.get("txId").asText()).isEqualTo(job.at("/events/0/transactionId").asText());
        }

        // Download and decrypt equals the original; the raw IPFS content is ciphertext.
        String cid = uri.substring("ipfs://".length());
        assertThat(hub.download("/attachments/" + cid, HubClient.User.ACME).body()).isEqualTo(coa);
        KuboClient client = KuboClient.of(URI.create(kubo.api()));
        try (InputStream raw = client.cat(Cid.parse(cid))) {
            String stored = new String(raw.readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(stored).doesNotContain(SECRET).doesNotContain("%PDF");
        }
        for (Cid block : client.refs(Cid.parse(cid))) {
            assertThat(new String(client.blockGet(block), StandardCharsets.ISO_8859_1)).doesNotContain(SECRET);
        }
    }

}
