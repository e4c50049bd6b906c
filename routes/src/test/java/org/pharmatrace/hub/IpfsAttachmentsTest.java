package org.pharmatrace.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pharmatrace.hub.HubClient.User.ACME;
import static org.pharmatrace.hub.HubClient.User.OPS;
import static org.pharmatrace.hub.HubClient.User.PHARMACY;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.pharmatrace.connectors.ipfs.cid.Cid;
import org.pharmatrace.connectors.ipfs.kubo.KuboClient;
import org.pharmatrace.epcis.hash.EventHashGenerator;
import org.pharmatrace.epcis.jsonld.EpcisJsonLdReader;
import org.pharmatrace.hub.HubClient.Answer;
import org.pharmatrace.hub.attachments.Attachment;
import org.pharmatrace.hub.attachments.AttachmentRecords;
import org.pharmatrace.hub.attachments.MultipartCapture;
import org.pharmatrace.hub.capture.CaptureJob;
import org.pharmatrace.hub.capture.CaptureReception;
import org.pharmatrace.hub.ingest.CanonicalEventRecords;
import org.pharmatrace.hub.kafka.KafkaClients;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Attachments on IPFS (a real Kubo, encrypted through the IPFS connector): an upload comes back as it was sent, what
 * Kubo holds is not the file, and a multipart capture's event carries its attachment's {@code ipfs://} CID into
 * its Event Hash ID and onto the canonical topic (what the ledger records). A context of its own, closed after.
 */
@CamelSpringBootTest
@SpringBootTest(classes = HubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DirtiesContext
class IpfsAttachmentsTest {

    private static final char[] PASSWORD = "kek-test-password".toCharArray();
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Plain text a certificate of analysis could hold; it must not be readable in anything Kubo stores. */
    private static final String SECRET = "Certificate of Analysis - lot B7 - assay 99.7% - released by QA";
    private static KuboDaemon kubo;

    @LocalServerPort
    int port;

    @Autowired
    CamelContext camel;

    @Autowired
    AttachmentRecords records;

    @Autowired
    KafkaClients kafka;

    @Autowired
    HubProperties properties;

    @Autowired
    ObjectMapper json;

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
        registry.add("hub.attachments.max-size", () -> "4MB");
    }

    @AfterAll
    static void stopKubo() {
        if (kubo != null) {
            kubo.stop();
        }
    }

    @Test
    void anAttachmentRoundTripsThroughIpfsAndWhatKuboHoldsIsNotThePlaintext() throws IOException {
        byte[] pdf = pdfLike(2_500_000, 1); // three 1 MiB chunks: a DAG of a root and three leaves
        HubClient hub = new HubClient(port);

        Answer created = hub.post("/attachments?filename=coa-B7.pdf", ACME, pdf, "application/pdf");

        assertThat(created.status()).as(created.response().body()).isEqualTo(201);
        String uri = created.json().get("uri").asText();
        assertThat(uri).startsWith("ipfs://b");
        String cid = uri.substring("ipfs://".length());
        assertThat(created.header("Location")).isEqualTo("/attachments/" + cid);
        assertThat(created.json().get("sha256").asText()).isEqualTo(CaptureReception.sha256(pdf));
        assertThat(created.json().get("size").asLong()).isEqualTo(pdf.length);

        // download and decrypt equals the original, for its organisation and operators only
        assertThat(hub.download("/attachments/" + cid, ACME).body()).isEqualTo(pdf);
        assertThat(hub.download("/attachments/" + cid, OPS).body()).isEqualTo(pdf);
        assertThat(hub.get("/attachments/" + cid, PHARMACY).status()).isEqualTo(404);

        // the raw IPFS content (the envelope) and every block of its DAG: ciphertext only
        KuboClient client = KuboClient.of(URI.create(kubo.api()));
        byte[] envelope;
        try (InputStream stored = client.cat(Cid.parse(cid))) {
            envelope = stored.readAllBytes();
        }
        assertThat(new String(envelope, 0, 4, StandardCharsets.ISO_8859_1)).isEqualTo("PTBE");
        assertThat(envelope.length).isGreaterThan(pdf.length);
        assertThat(latin1(envelope)).doesNotContain(SECRET).doesNotContain("%PDF");
        List<Cid> blocks = new ArrayList<>(client.refs(Cid.parse(cid)));
        blocks.add(Cid.parse(cid));
        assertThat(blocks).hasSize(4);
        for (Cid block : blocks) {
            assertThat(latin1(client.blockGet(block))).as("block " + block).doesNotContain(SECRET)
                    .doesNotContain("%PDF");
        }

        // the record is on its compacted topic: a hub started now would read it back
        AttachmentRecords afterRestart = new AttachmentRecords(kafka, properties, json);
        try {
            Attachment record = afterRestart.find(cid).orElseThrow();
            assertThat(record.sha256()).isEqualTo(CaptureReception.sha256(pdf));
            assertThat(record.organisations()).containsExactly("AcmeMSP");
            assertThat(record.mediaType()).isEqualTo("application/pdf");
            assertThat(record.filename()).isEqualTo("coa-B7.pdf");
        } finally {
            afterRestart.destroy();
        }
    }

    @Test
    void aMultipartCapturesEventCarriesItsAttachmentsCidIntoItsEventHashAndOntoTheCanonicalTopic() throws Exception {
        byte[] coa = pdfLike(50_000, 2);
        String document = AttachmentsTest.withCertificationInfo(TestDocuments.commissioning(2), "attachment:coa");
        MultipartBody multipart = new MultipartBody()
                .part(MultipartCapture.DOCUMENT_PART, "application/ld+json", document)
                .part("coa", "coa-B7.pdf", "application/pdf", coa);
        NotifyBuilder ingested = new NotifyBuilder(camel).fromRoute("ingest-accepted-capture")
                .filter(e -> e.getMessage().getBody() instanceof CaptureJob).whenDone(1).create();
        HubClient hub = new HubClient(port);

        Answer accepted = hub.post("/capture", ACME, multipart.bytes(), multipart.contentType());

        assertThat(accepted.status()).as(accepted.response().body()).isEqualTo(202);
        assertThat(ingested.matches(60, TimeUnit.SECONDS)).isTrue();
        String captureId = accepted.json().get("captureID").asText();
        JsonNode listed = hub.get("/attachments?captureID=" + captureId, ACME).json();
        assertThat(listed.get("count").asInt()).isEqualTo(1);
        String coaUri = listed.at("/attachments/0/uri").asText();
        assertThat(coaUri).startsWith("ipfs://b");
        assertThat(hub.download("/attachments/" + coaUri.substring("ipfs://".length()), ACME).body()).isEqualTo(coa);

        // The Event Hash ID is computed over the ipfs:// URI, not over the attachment: reference.
        String linked = document.replace("attachment:coa", coaUri);
        String expected = TestDocuments.eventHashIds(linked.getBytes(StandardCharsets.UTF_8)).get(0);
        assertThat(expected).isNotEqualTo(TestDocuments.eventHashIds(document.getBytes(StandardCharsets.UTF_8)).get(0));
        JsonNode job = hub.get("/capture/" + captureId, ACME).json();
        assertThat(job.get("acceptedCount").asInt()).isEqualTo(2);
        assertThat(job.at("/events/0/eventHashId").asText()).isEqualTo(expected);

        // The canonical record (what the ledger submitter sends to recordEvents) carries the CID, and hashes to its
        // eventID as the chaincode will check.
        String record = HttpCaptureTest.recordsOf(captureId).get(0).value();
        JsonNode event = JSON.readTree(record);
        assertThat(event.get("certificationInfo").asText()).isEqualTo(coaUri);
        assertThat(event.get("eventID").asText()).isEqualTo(expected);
        String batch = CanonicalEventRecords.batchDocument(List.of(record), "2026-03-01T00:00:00Z");
        try (EpcisJsonLdReader reader = new EpcisJsonLdReader(
                new ByteArrayInputStream(batch.getBytes(StandardCharsets.UTF_8)))) {
            assertThat(new EventHashGenerator().eventHashId(reader.next())).isEqualTo(expected);
        }
        assertThat(job.get("sourceDocument").asText()).startsWith("ipfs://b");
    }

    @Test
    void anAttachmentThatDoesNotDecryptToItsRecordedSha256IsNotAnswered() {
        HubClient hub = new HubClient(port);
        Answer created = hub.post("/attachments", ACME, pdfLike(10_000, 3), "application/pdf");
        assertThat(created.status()).isEqualTo(201);
        String cid = created.json().get("uri").asText().substring("ipfs://".length());
        Attachment recorded = records.find(cid).orElseThrow();
        records.save(new Attachment(recorded.id(), recorded.uri(), CaptureReception.sha256(new byte[] {1}),
                recorded.size(), recorded.mediaType(), recorded.filename(), recorded.partner(),
                recorded.organisations(), recorded.captureId(), recorded.part(), recorded.createdAt(),
                recorded.version()));

        Answer tampered = hub.get("/attachments/" + cid, ACME);

        assertThat(tampered.status()).isEqualTo(502);
        assertThat(tampered.contentType()).isEqualTo("application/problem+json");
        assertThat(tampered.json().get("title").asText()).isEqualTo("Attachment does not verify");
        assertThat(tampered.json().get("detail").asText()).contains(cid);
    }

    private static byte[] pdfLike(int size, long seed) {
        byte[] content = new byte[size];
        new Random(seed).nextBytes(content);
        byte[] text = ("%PDF-1.7\n" + SECRET + "\n").getBytes(StandardCharsets.US_ASCII);
        for (int at = 0; at + text.length <= size; at += 64 * 1024) {
            System.arraycopy(text, 0, content, at, text.length);
        }
        return content;
    }

    private static String latin1(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
