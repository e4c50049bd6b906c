package org.pharmatrace.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pharmatrace.hub.HubClient.User.ACME;
import static org.pharmatrace.hub.HubClient.User.ANONYMOUS;
import static org.pharmatrace.hub.HubClient.User.OPS;
import static org.pharmatrace.hub.HubClient.User.PHARMACY;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Test;
import org.pharmatrace.hub.HubClient.Answer;
import org.pharmatrace.hub.attachments.MultipartCapture;
import org.pharmatrace.hub.capture.CaptureReception;
import org.pharmatrace.hub.documents.OriginalDocumentStore;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Attachments with the local document store (the shared context): the API's answers and refusals, and multipart
 * captures whose events refer to their files. The encrypted IPFS path is {@link IpfsAttachmentsTest}.
 */
class AttachmentsTest extends HubIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    OriginalDocumentStore documents;

    @Test
    void anUploadedFileIsAnsweredToItsOrganisationAndOperatorsOnly() {
        byte[] pdf = pdfLike(40_000, 1);

        Answer created = hub().post("/attachments?filename=coa-lot-B7.pdf", ACME, pdf, "application/pdf");

        assertThat(created.status()).as(created.response().body()).isEqualTo(201);
        JsonNode body = created.json();
        String sha256 = CaptureReception.sha256(pdf);
        assertThat(body.get("uri").asText()).isEqualTo("local:sha256:" + sha256);
        assertThat(body.get("sha256").asText()).isEqualTo(sha256);
        assertThat(body.get("size").asLong()).isEqualTo(pdf.length);
        assertThat(body.get("mediaType").asText()).isEqualTo("application/pdf");
        assertThat(body.get("filename").asText()).isEqualTo("coa-lot-B7.pdf");
        assertThat(created.header("Location")).isEqualTo("/attachments/sha256:" + sha256);

        HttpResponse<byte[]> download = hub().download(created.header("Location"), ACME);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(pdf);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).contains("coa-lot-B7.pdf");
        assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

        assertThat(hub().download(created.header("Location"), OPS).body()).isEqualTo(pdf);
        Answer stranger = hub().get(created.header("Location"), PHARMACY);
        assertThat(stranger.status()).isEqualTo(404);
        assertThat(stranger.contentType()).isEqualTo("application/problem+json");
        assertThat(hub().get(created.header("Location"), ANONYMOUS).status()).isEqualTo(401);

        assertThat(hub().get("/attachments", ACME).json().get("attachments"))
                .extracting(a -> a.get("uri").asText()).contains("local:sha256:" + sha256);
        assertThat(hub().get("/attachments", PHARMACY).json().get("attachments"))
                .extracting(a -> a.get("uri").asText()).doesNotContain("local:sha256:" + sha256);
    }

    @Test
    void theFileNameMayComeInContentDispositionAndAnyMediaTypeIsRecorded() {
        byte[] photo = pdfLike(5_000, 2);
        Answer created = hub().post("/attachments", ACME, photo, "image/x-unheard-of",
                "Content-Disposition", "attachment; filename*=UTF-8''Pr%C3%BCfbericht%20B7.png");
        assertThat(created.status()).as(created.response().body()).isEqualTo(201);
        assertThat(created.json().get("filename").asText()).isEqualTo("Prüfbericht B7.png");
        assertThat(created.json().get("mediaType").asText()).isEqualTo("image/x-unheard-of");
        assertThat(hub().download(created.header("Location"), ACME).headers().firstValue("Content-Type"))
                .hasValue("image/x-unheard-of");
    }

    @Test
    void emptyOversizedUnknownAndOperatorUploadsAreRefusedWithProblems() {
        Answer empty = hub().post("/attachments", ACME, new byte[0], "application/pdf");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("title").asText()).isEqualTo("Empty attachment");

        byte[] tooLarge = pdfLike(1024 * 1024 + 1, 3);
        Answer declared = hub().post("/attachments", ACME, tooLarge, "application/pdf");
        assertThat(declared.status()).isEqualTo(413);
        assertThat(declared.contentType()).isEqualTo("application/problem+json");
        Answer chunked = hub().postStreamed("/attachments", ACME, () -> new ByteArrayInputStream(tooLarge),
                "application/pdf");
        assertThat(chunked.status()).as(chunked.response().body()).isEqualTo(413);
        assertThat(chunked.json().get("detail").asText()).contains("hub.attachments.max-size");
        Answer exactly = hub().postStreamed("/attachments", ACME,
                () -> new ByteArrayInputStream(pdfLike(1024 * 1024, 4)), "application/pdf");
        assertThat(exactly.status()).as(exactly.response().body()).isEqualTo(201);

        assertThat(hub().post("/attachments", OPS, new byte[] {1}, "application/pdf").status()).isEqualTo(403);
        assertThat(hub().post("/attachments", ACME, new byte[] {1}, "not a media type").status()).isEqualTo(400);
        Answer unknown = hub().get("/attachments/bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku", ACME);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("type").asText()).isEqualTo("epcisException:NoSuchResourceException");
    }

    @Test
    void aMultipartCaptureStoresItsFilesAndItsEventsCarryTheirUrisIntoTheEventHash() throws Exception {
        byte[] coa = pdfLike(30_000, 5);
        String document = withCertificationInfo(TestDocuments.commissioning(2), "attachment:coa");
        NotifyBuilder ingested = ingestFinished();

        Answer accepted = post(capture(document, coa));

        assertThat(accepted.status()).as(accepted.response().body()).isEqualTo(202);
        assertThat(ingested.matches(60, TimeUnit.SECONDS)).isTrue();
        String captureId = accepted.json().get("captureID").asText();
        String coaUri = "local:sha256:" + CaptureReception.sha256(coa);
        JsonNode listed = hub().get("/attachments?captureID=" + captureId, ACME).json();
        assertThat(listed.get("count").asInt()).isEqualTo(1);
        assertThat(listed.at("/attachments/0/uri").asText()).isEqualTo(coaUri);
        assertThat(listed.at("/attachments/0/part").asText()).isEqualTo("coa");
        assertThat(listed.at("/attachments/0/filename").asText()).isEqualTo("coa.pdf");

        // The event as hashed, published and kept names the stored file, not the part.
        String linked = document.replace("attachment:coa", coaUri);
        List<String> expected = TestDocuments.eventHashIds(linked.getBytes(StandardCharsets.UTF_8));
        JsonNode job = hub().get("/capture/" + captureId, ACME).json();
        assertThat(job.get("acceptedCount").asInt()).isEqualTo(2);
        assertThat(job.at("/events/0/eventHashId").asText()).isEqualTo(expected.get(0))
                .isNotEqualTo(TestDocuments.eventHashIds(document.getBytes(StandardCharsets.UTF_8)).get(0));
        JsonNode event = JSON.readTree(HttpCaptureTest.recordsOf(captureId).get(0).value());
        assertThat(event.get("certificationInfo").asText()).isEqualTo(coaUri);
        assertThat(event.get("eventID").asText()).isEqualTo(expected.get(0));
        try (InputStream original = documents.open(job.get("sourceDocument").asText())) {
            assertThat(new String(original.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(linked);
        }

        // The same document with the same file, sent again (another boundary): the first capture's job.
        Answer again = post(capture(document, coa));
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.json().get("captureID").asText()).isEqualTo(captureId);
    }

    @Test
    void anXmlDocumentsCertificationInfoIsLinkedToo() throws Exception {
        byte[] gmp = pdfLike(2_000, 6);
        String document = xmlCommissioning("attachment:gmp-certificate");
        MultipartBody multipart = new MultipartBody()
                .part(MultipartCapture.DOCUMENT_PART, "application/xml", document)
                .part("gmp-certificate", "gmp.pdf", "application/pdf", gmp)
                .part("unreferenced", "photo.jpg", "image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, 1});
        NotifyBuilder ingested = ingestFinished();

        Answer accepted = hub().post("/capture", ACME, multipart.bytes(), multipart.contentType());

        assertThat(accepted.status()).as(accepted.response().body()).isEqualTo(202);
        assertThat(ingested.matches(60, TimeUnit.SECONDS)).isTrue();
        String captureId = accepted.json().get("captureID").asText();
        String uri = "local:sha256:" + CaptureReception.sha256(gmp);
        JsonNode event = JSON.readTree(HttpCaptureTest.recordsOf(captureId).get(0).value());
        assertThat(event.get("certificationInfo").asText()).isEqualTo(uri);
        assertThat(event.get("eventID").asText()).isEqualTo(TestDocuments.eventHashIds(
                document.replace("attachment:gmp-certificate", uri).getBytes(StandardCharsets.UTF_8)).get(0));
        assertThat(hub().get("/attachments?captureID=" + captureId, ACME).json().get("count").asInt()).isEqualTo(2);
    }

    @Test
    void aReferenceToAPartNotSentAMissingDocumentAndOversizedPartsAreRefused() {
        String document = withCertificationInfo(TestDocuments.commissioning(1), "attachment:gmp");
        Answer missing = post(capture(document, pdfLike(100, 7)));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.contentType()).isEqualTo("application/problem+json");
        assertThat(missing.json().get("detail").asText()).contains("attachment:gmp").contains("coa");

        MultipartBody noDocument = new MultipartBody().part("coa", "coa.pdf", "application/pdf", pdfLike(100, 8));
        Answer withoutDocument = hub().post("/capture", ACME, noDocument.bytes(), noDocument.contentType());
        assertThat(withoutDocument.status()).isEqualTo(400);
        assertThat(withoutDocument.json().get("detail").asText()).contains("epcisDocument");

        String referencing = withCertificationInfo(TestDocuments.commissioning(1), "attachment:coa");
        MultipartBody oversized = capture(referencing, pdfLike(1024 * 1024 + 1, 9));
        Answer tooLarge = hub().post("/capture", ACME, oversized.bytes(), oversized.contentType());
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.json().get("detail").asText()).contains("coa");

        MultipartBody wholeTooLarge = new MultipartBody().part(MultipartCapture.DOCUMENT_PART, "application/ld+json",
                referencing);
        for (int i = 0; i < 4; i++) {
            wholeTooLarge.part("file" + i, null, "application/pdf", pdfLike(900_000, 10 + i));
        }
        Answer overall = hub().post("/capture", ACME, wholeTooLarge.bytes(), wholeTooLarge.contentType());
        assertThat(overall.status()).isEqualTo(413);
        assertThat(overall.json().get("detail").asText()).contains("multipart captures");
    }

    private Answer post(MultipartBody multipart) {
        return hub().post("/capture", ACME, multipart.bytes(), multipart.contentType());
    }

    private static MultipartBody capture(String document, byte[] coa) {
        return new MultipartBody()
                .part(MultipartCapture.DOCUMENT_PART, "application/ld+json", document)
                .part("coa", "coa.pdf", "application/pdf", coa);
    }

    /** The first event of a document from {@link TestDocuments#commissioning} with a certificationInfo. */
    static String withCertificationInfo(String document, String certificationInfo) {
        return document.replaceFirst("\\{\"type\": \"ObjectEvent\",",
                "{\"type\": \"ObjectEvent\", \"certificationInfo\": \"" + certificationInfo + "\",");
    }

    /** One commissioning by acme in EPCIS 2.0 XML, on a fresh serial number. */
    static String xmlCommissioning(String certificationInfo) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <epcis:EPCISDocument xmlns:epcis="urn:epcglobal:epcis:xsd:2" schemaVersion="2.0"
                                     creationDate="2026-03-01T11:00:00Z">
                  <EPCISBody>
                    <EventList>
                      <ObjectEvent>
                        <eventTime>2026-03-01T10:00:00.000Z</eventTime>
                        <eventTimeZoneOffset>+01:00</eventTimeZoneOffset>
                        <certificationInfo>%s</certificationInfo>
                        <epcList><epc>urn:epc:id:sgtin:0614141.107346.%d</epc></epcList>
                        <action>ADD</action>
                        <bizStep>urn:epcglobal:cbv:bizstep:commissioning</bizStep>
                        <disposition>urn:epcglobal:cbv:disp:active</disposition>
                        <readPoint><id>urn:epc:id:sgln:0614141.07346.1234</id></readPoint>
                        <bizLocation><id>urn:epc:id:sgln:0614141.07346.0</id></bizLocation>
                      </ObjectEvent>
                    </EventList>
                  </EPCISBody>
                </epcis:EPCISDocument>
                """.formatted(certificationInfo, ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
    }

    private static byte[] pdfLike(int size, long seed) {
        byte[] content = new byte[size];
        new Random(seed).nextBytes(content);
        byte[] header = "%PDF-1.7\n% Certificate of Analysis, lot B7\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(header, 0, content, 0, Math.min(header.length, size));
        return content;
    }
}
