package org.pharmatrace.hub.channel.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.pharmatrace.gs1.CheckDigit;
import org.pharmatrace.hub.TestKafka;
import org.pharmatrace.hub.capture.CaptureJob;
import org.pharmatrace.hub.capture.CaptureJobs;
import org.pharmatrace.hub.deadletter.DeadLetter;
import org.pharmatrace.hub.deadletter.DeadLetters;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The SFTP channel end to end: files put into partner folders of a real SFTP server (Apache MINA SSHD) are polled
 * by the hub over SFTP (host key checked, key authentication), become events on the real Kafka, and move to done/
 * or, refused, to error/ with a .reason file and a dead letter.
 */
class SftpChannelTest extends SftpChannelIntegrationTest {

    static final String CANONICAL_EVENTS = "hub.canonical-events";
    static final String GTIN = "00312345678906";
    static final String SITE_GLN = "0614141000012";
    static final Duration PATIENCE = Duration.ofSeconds(60);

    final SftpTestServer sftp = SftpTestServer.get();
    final ObjectMapper json = new ObjectMapper();

    @Autowired
    ProcessedFiles processed;
    @Autowired
    CaptureJobs jobs;
    @Autowired
    DeadLetters deadLetters;
    @Autowired
    SftpPollWatch watch;
    @Autowired
    CamelContext camel;
    @LocalServerPort
    int httpPort;

    @Test
    void corpusSerialFileBecomesCommissioningEventsAndMovesToDone() throws Exception {
        Path corpus = Path.of(System.getProperty("hub.corpus.dir"), "serial", "commissioning-lot-a1.csv");
        byte[] content = Files.readAllBytes(corpus);
        long rows = content.length == 0 ? 0 : new String(content, StandardCharsets.UTF_8).lines()
                .skip(1).filter(l -> !l.isBlank()).count();

        upload("acme/outbound", "commissioning-lot-a1.csv", content);

        awaitFile("acme/outbound/done/commissioning-lot-a1.csv");
        assertThat(sftp.folder("acme/outbound/commissioning-lot-a1.csv")).doesNotExist();
        CaptureJob job = jobOf("acme", content);
        assertThat(job.channel()).isEqualTo("sftp");
        assertThat(job.sourceDocument()).isEqualTo("local:sha256:" + sha256(content));
        assertThat(job.rejectedCount()).isZero();
        List<JsonNode> events = eventsOf(job);
        assertThat(events).hasSize((int) job.acceptedCount()).isNotEmpty();
        assertThat(events.stream().mapToInt(e -> e.get("epcList").size()).sum()).isEqualTo((int) rows);
        assertThat(events).allSatisfy(e -> {
            assertThat(e.get("type").asText()).isEqualTo("ObjectEvent");
            assertThat(e.get("action").asText()).isEqualTo("ADD");
            assertThat(e.get("bizStep").asText()).contains("commissioning");
            assertThat(e.get("ilmd").toString()).contains("LOT-A1").contains("2027-12-31");
            assertThat(e.get("eventID").asText()).startsWith("ni:///sha-256;");
        });
    }

    @Test
    void serialFileWithByteOrderMarkAndCrlfIsReadLikeAnyOther() throws Exception {
        String lot = "LOT-" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        byte[] csv = serialFile(lot, 25, "\r\n", -1, true);

        upload("acme/outbound", "bom-crlf.csv", csv);

        awaitFile("acme/outbound/done/bom-crlf.csv");
        List<JsonNode> events = eventsOf(jobOf("acme", csv));
        assertThat(events.stream().mapToInt(e -> e.get("epcList").size()).sum()).isEqualTo(25);
        assertThat(events).allSatisfy(e -> assertThat(e.get("ilmd").toString()).contains(lot));
        assertThat(events.get(0).get("epcList").get(0).asText()).startsWith("urn:epc:id:sgtin:0312345.067890.");
    }

    @Test
    void epcisXmlFileIsCapturedEventByEvent() throws Exception {
        long run = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <epcis:EPCISDocument xmlns:epcis="urn:epcglobal:epcis:xsd:2" schemaVersion="2.0"
                                     creationDate="2026-03-01T11:00:00Z">
                  <EPCISBody><EventList>
                    %s
                    %s
                  </EventList></EPCISBody>
                </epcis:EPCISDocument>
                """.formatted(objectEvent(run + "1"), objectEvent(run + "2"));
        byte[] content = xml.getBytes(StandardCharsets.UTF_8);

        upload("acme/outbound", "events.xml", content);

        awaitFile("acme/outbound/done/events.xml");
        CaptureJob job = jobOf("acme", content);
        assertThat(job.format()).isEqualTo("EPCIS 2.0 XML");
        assertThat(job.acceptedCount()).isEqualTo(2);
        assertThat(eventsOf(job)).extracting(e -> e.get("epcList").get(0).asText())
                .containsExactly("urn:epc:id:sgtin:0614141.107346." + run + "1",
                        "urn:epc:id:sgtin:0614141.107346." + run + "2");
    }

    @Test
    void epcisJsonLdFileIsCapturedAndAnUnreadableOneIsRefusedWithWhereItBreaks() throws Exception {
        long run = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);
        String jsonLd = """
                {"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"],
                 "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2026-03-01T11:00:00Z",
                 "epcisBody": {"eventList": [
                   {"type": "ObjectEvent", "eventTime": "2026-03-01T10:00:00.000Z", "eventTimeZoneOffset": "+01:00",
                    "epcList": ["urn:epc:id:sgtin:0614141.107346.%s"], "action": "ADD", "bizStep": "commissioning",
                    "disposition": "active", "readPoint": {"id": "urn:epc:id:sgln:0614141.07346.1234"}}]}}
                """.formatted(run);
        byte[] content = jsonLd.getBytes(StandardCharsets.UTF_8);
        byte[] broken = ("<?xml version=\"1.0\"?>\n<epcis:EPCISDocument xmlns:epcis=\"urn:epcglobal:epcis:xsd:2\">"
                + "\n<EPCISBody><EventList>" + objectEvent(run + "9").replace("</epcList>", "") + "</EventList>")
                .getBytes(StandardCharsets.UTF_8);

        upload("acme/outbound", "events.jsonld", content);
        upload("acme/outbound", "broken.xml", broken);

        awaitFile("acme/outbound/done/events.jsonld");
        CaptureJob job = jobOf("acme", content);
        assertThat(job.format()).isEqualTo("EPCIS 2.0 JSON-LD");
        assertThat(eventsOf(job)).singleElement().satisfies(e -> assertThat(e.get("epcList").get(0).asText())
                .isEqualTo("urn:epc:id:sgtin:0614141.107346." + run));
        awaitFile("acme/outbound/error/broken.xml.reason");
        awaitFile("acme/outbound/error/broken.xml");
        String reason = Files.readString(sftp.folder("acme/outbound/error/broken.xml.reason"));
        assertThat(reason).contains("code: UNREADABLE_EPCIS").contains("location: ");
        assertThat(deadLetters.find(field(reason, "dead letter")).orElseThrow().payloadMediaType())
                .isEqualTo("application/xml");
        assertThat(recordsOf(sha256(broken))).isEmpty();
    }

    @Test
    void badFilesGoToErrorWithTheirReasonAndADeadLetterWhileTheNextFileIsProcessed() throws Exception {
        byte[] badCheckDigit = serialFile("LOT-B1", 5, "\n", 3, false);       // data line 3 = file line 4
        byte[] missingLot = new String(serialFile("LOT-B2", 5, "\n", -1, false), StandardCharsets.UTF_8)
                .replaceFirst("(?m)^(" + GTIN + ",[^,]+),LOT-B2,", "$1,,").getBytes(StandardCharsets.UTF_8);
        byte[] good = serialFile("LOT-B3", 5, "\n", -1, false);

        upload("acme/outbound", "bad-check-digit.csv", badCheckDigit);
        upload("acme/outbound", "missing-lot.csv", missingLot);
        upload("acme/outbound", "after-the-bad-ones.csv", good);

        awaitFile("acme/outbound/error/bad-check-digit.csv.reason");
        awaitFile("acme/outbound/error/missing-lot.csv.reason");
        awaitFile("acme/outbound/done/after-the-bad-ones.csv");
        awaitFile("acme/outbound/error/bad-check-digit.csv");
        awaitFile("acme/outbound/error/missing-lot.csv");

        String reason = Files.readString(sftp.folder("acme/outbound/error/bad-check-digit.csv.reason"));
        assertThat(reason).contains("location: line 4").contains("code: BAD_CHECK_DIGIT")
                .contains("column 'gtin'").contains("expected 6");
        DeadLetter entry = deadLetters.find(field(reason, "dead letter")).orElseThrow();
        assertThat(entry.stage()).isEqualTo("validation");
        assertThat(entry.channel()).isEqualTo("sftp");
        assertThat(entry.partner()).isEqualTo("acme");
        assertThat(entry.reason()).contains("bad-check-digit.csv").contains("line 4");
        assertThat(entry.payload()).isEqualTo(new String(badCheckDigit, StandardCharsets.UTF_8));
        assertThat(entry.sourceDocument()).isEqualTo("local:sha256:" + sha256(badCheckDigit));

        String missing = Files.readString(sftp.folder("acme/outbound/error/missing-lot.csv.reason"));
        assertThat(missing).contains("location: line 2").contains("code: MISSING_LOT");
        assertThat(deadLetters.find(field(missing, "dead letter"))).isPresent();
        assertThat(processed.captureOf("acme", sha256(badCheckDigit))).isNull();
        assertThat(eventsOf(jobOf("acme", good))).isNotEmpty();
    }

    @Test
    void aFileOfWhichNoEventIsAcceptedGoesToErrorNamingTheCapture() throws Exception {
        String otherSite = "039999999999" + CheckDigit.compute("039999999999");   // not a site of acme's
        byte[] csv = new String(serialFile("LOT-N1", 3, "\n", -1, false), StandardCharsets.UTF_8)
                .replace(SITE_GLN, otherSite).getBytes(StandardCharsets.UTF_8);

        upload("acme/outbound", "someone-elses-site.csv", csv);

        awaitFile("acme/outbound/error/someone-elses-site.csv.reason");
        awaitFile("acme/outbound/error/someone-elses-site.csv");
        String reason = Files.readString(sftp.folder("acme/outbound/error/someone-elses-site.csv.reason"));
        assertThat(reason).contains("code: NO_EVENT_ACCEPTED").contains("location: event 0");
        CaptureJob job = jobs.find(field(reason, "capture")).orElseThrow();
        assertThat(job.acceptedCount()).isZero();
        assertThat(job.errors()).allSatisfy(e -> {
            assertThat(e.stage()).isEqualTo("authorisation");
            assertThat(deadLetters.find(e.deadLetter())).isPresent();
        });
    }

    @Test
    void aRefusedFileReprocessedUnchangedIsRefusedAgainAndCorrectedIsCaptured() throws Exception {
        byte[] badCheckDigit = serialFile("LOT-R1", 5, "\n", 2, false);
        upload("acme/outbound", "reprocess-me.csv", badCheckDigit);
        awaitFile("acme/outbound/error/reprocess-me.csv");
        String id = field(Files.readString(sftp.folder("acme/outbound/error/reprocess-me.csv.reason")), "dead letter");
        DeadLetter refused = deadLetters.find(id).orElseThrow();

        HttpResponse<String> unchanged = reprocess(id, null);

        assertThat(unchanged.statusCode()).as(unchanged.body()).isEqualTo(400);
        assertThat(json.readTree(unchanged.body()).get("detail").asText()).contains(refused.reason());
        DeadLetter again = deadLetters.find(id).orElseThrow();
        assertThat(again.isOpen()).isTrue();
        assertThat(again.reason()).isEqualTo(refused.reason()).contains("reprocess-me.csv").contains("line 3");
        assertThat(again.problems()).isEqualTo(refused.problems());
        assertThat(again.attempts()).isEqualTo(refused.attempts() + 1);

        byte[] corrected = serialFile("LOT-R1", 5, "\n", -1, false);
        HttpResponse<String> fixed = reprocess(id, corrected);

        assertThat(fixed.statusCode()).as(fixed.body()).isEqualTo(200);
        assertThat(deadLetters.find(id).orElseThrow().status()).isEqualTo(DeadLetter.REPROCESSED);
        CaptureJob job = jobOf("acme", corrected);
        assertThat(fixed.headers().firstValue("Location")).hasValue(job.location());
        assertThat(job.sourceDocument()).isEqualTo("local:sha256:" + sha256(corrected));
        assertThat(eventsOf(job).stream().mapToInt(e -> e.get("epcList").size()).sum()).isEqualTo(5);
    }

    @Test
    void aRefusedEpcisFileIsReprocessedWithACorrectedDocument() throws Exception {
        long run = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <epcis:EPCISDocument xmlns:epcis="urn:epcglobal:epcis:xsd:2" schemaVersion="2.0"
                                     creationDate="2026-03-01T11:00:00Z">
                  <EPCISBody><EventList>
                    %s
                  </EventList></EPCISBody>
                </epcis:EPCISDocument>
                """.formatted(objectEvent(run + "1"));
        byte[] truncated = xml.substring(0, xml.indexOf("</ObjectEvent>")).getBytes(StandardCharsets.UTF_8);
        upload("acme/outbound", "cut-short.xml", truncated);
        awaitFile("acme/outbound/error/cut-short.xml");
        String id = field(Files.readString(sftp.folder("acme/outbound/error/cut-short.xml.reason")), "dead letter");

        assertThat(reprocess(id, null).statusCode()).isEqualTo(400);
        HttpResponse<String> fixed = reprocess(id, xml.getBytes(StandardCharsets.UTF_8));

        assertThat(fixed.statusCode()).as(fixed.body()).isEqualTo(200);
        assertThat(eventsOf(jobOf("acme", xml.getBytes(StandardCharsets.UTF_8))))
                .extracting(e -> e.get("epcList").get(0).asText())
                .containsExactly("urn:epc:id:sgtin:0614141.107346." + run + "1");
    }

    @Test
    void anEpcisFileIsSchemaCheckedLikeACaptureAndItsSchemaInvalidEventGoesToTheDeadLetters() throws Exception {
        long run = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);
        byte[] content = """
                <?xml version="1.0" encoding="UTF-8"?>
                <epcis:EPCISDocument xmlns:epcis="urn:epcglobal:epcis:xsd:2" schemaVersion="2.0"
                                     creationDate="2026-03-01T11:00:00Z">
                  <EPCISBody><EventList>
                    %s
                    %s
                  </EventList></EPCISBody>
                </epcis:EPCISDocument>
                """.formatted(objectEvent(run + "1"), objectEvent(run + "2").replace(
                        "<bizStep>urn:epcglobal:cbv:bizstep:commissioning</bizStep>\n", "").replace(
                        "</ObjectEvent>", "  <bizStep>urn:epcglobal:cbv:bizstep:commissioning</bizStep>\n</ObjectEvent>"))
                .getBytes(StandardCharsets.UTF_8);
        upload("acme/outbound", "half-valid.xml", content);
        awaitFile("acme/outbound/done/half-valid.xml");

        CaptureJob job = jobOf("acme", content);
        assertThat(eventsOf(job)).extracting(e -> e.get("epcList").get(0).asText())
                .containsExactly("urn:epc:id:sgtin:0614141.107346." + run + "1");
        // bizStep after readPoint breaks the XSD's element order: the schema pass names the event and the element
        assertThat(job.errors()).anySatisfy(error -> {
            assertThat(error.eventIndex()).isEqualTo(1);
            assertThat(error.field()).isEqualTo("bizStep");
            assertThat(error.detail()).contains("cvc-complex-type");
        });
    }

    @Test
    void theSameContentUnderAnotherNameIsNotProcessedTwice() throws Exception {
        byte[] csv = serialFile("LOT-D1", 10, "\n", -1, false);
        upload("acme/outbound", "first.csv", csv);
        awaitFile("acme/outbound/done/first.csv");
        CaptureJob job = jobOf("acme", csv);
        int records = recordsOf(sha256(csv)).size();

        upload("acme/outbound", "second-name.csv", csv);

        awaitFile("acme/outbound/done/second-name.csv");
        assertThat(recordsOf(sha256(csv))).hasSize(records)
                .allSatisfy(r -> assertThat(TestKafka.header(r, "captureId")).isEqualTo(job.captureId()));
        assertThat(processed.captureOf("acme", sha256(csv))).isEqualTo(job.captureId());

        byte[] sameNameOtherContent = serialFile("LOT-D2", 10, "\n", -1, false);   // the name is not the key
        upload("acme/outbound", "first.csv", sameNameOtherContent);
        await().atMost(PATIENCE).until(() -> processed.captureOf("acme", sha256(sameNameOtherContent)) != null
                && !Files.exists(sftp.folder("acme/outbound/first.csv")));    // done/first.csv was replaced
        assertThat(eventsOf(jobOf("acme", sameNameOtherContent))).isNotEmpty();
    }

    @Test
    void aPartFileIsNotPickedUpUntilRenamed() throws Exception {
        byte[] csv = serialFile("LOT-P1", 5, "\n", -1, false);
        Path part = sftp.folder("acme/outbound/uploading.csv.part");
        Files.createDirectories(part.getParent());
        Files.write(part, csv);
        upload("acme/outbound", "beside-the-part.csv", serialFile("LOT-P2", 5, "\n", -1, false));

        awaitFile("acme/outbound/done/beside-the-part.csv");     // a poll that saw both files has completed
        assertThat(part).exists();
        assertThat(sftp.folder("acme/outbound/done/uploading.csv.part")).doesNotExist();

        Files.move(part, sftp.folder("acme/outbound/uploading.csv"), StandardCopyOption.ATOMIC_MOVE);
        awaitFile("acme/outbound/done/uploading.csv");
        assertThat(eventsOf(jobOf("acme", csv))).isNotEmpty();
    }

    @Test
    void aServerWithAnotherHostKeyIsRefused() throws Exception {
        upload("pharmacy/outbound", "never-read.csv", serialFile("LOT-H1", 2, "\n", -1, false));

        SftpPollWatch.PollOutcome outcome = watch.await("pharmacy", o -> !o.up(), PATIENCE);

        assertThat(outcome).isNotNull();
        assertThat(outcome.up()).isFalse();
        assertThat(outcome.problem()).contains("refusing to connect").contains("host key")
                .contains(sftp.wrongKnownHosts.toString());
        assertThat(watch.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(sftp.folder("pharmacy/outbound/never-read.csv")).exists();
        assertThat(watch.await("acme", SftpPollWatch.PollOutcome::up, PATIENCE).up()).isTrue();
    }

    @Test
    void aLargeSerialFileIsStreamed() throws Exception {
        int serials = 200_000;
        Path file = sftp.folder("acme/outbound/large.csv.part");
        Files.createDirectories(file.getParent());
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (OutputStream out = new java.security.DigestOutputStream(Files.newOutputStream(file), digest);
             BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8))) {
            writeSerials(writer, "LOT-L" + ThreadLocalRandom.current().nextInt(1000, 9999), serials, PADDING);
        }
        String sha = HexFormat.of().formatHex(digest.digest());
        long size = Files.size(file);
        Files.move(file, sftp.folder("acme/outbound/large.csv"), StandardCopyOption.ATOMIC_MOVE);

        await().atMost(Duration.ofMinutes(5)).until(() -> Files.exists(sftp.folder("acme/outbound/done/large.csv")));

        String captureId = processed.captureOf("acme", sha);
        CaptureJob job = jobs.find(captureId).orElseThrow();
        assertThat(job.rejectedCount()).isZero();
        assertThat(job.acceptedCount()).isEqualTo(serials / 1000);            // serial.maxEpcsPerEvent default
        long epcs = 0;
        for (ConsumerRecord<String, String> record : recordsOf(sha)) {
            epcs += json.readTree(record.value()).get("epcList").size();
        }
        assertThat(epcs).isEqualTo(serials);
        long maxHeap = Runtime.getRuntime().maxMemory();
        System.out.printf("large serial file: %d serials, %d MB; test JVM max heap %d MB%n", serials,
                size / (1024 * 1024), maxHeap / (1024 * 1024));
        // the file could not have been held in memory: the whole test JVM (Kafka broker included) has less heap
        assertThat(size).isGreaterThan(maxHeap);
        Files.delete(sftp.folder("acme/outbound/done/large.csv"));
    }

    @Test
    void whenTheHubCannotWorkTheFileStaysAndIsTakenAgainLater() throws Exception {
        Path documents = local.resolve("documents");
        Path away = local.resolve("documents.away");
        byte[] csv = serialFile("LOT-K1", 5, "\n", -1, false);
        NotifyBuilder failed = new NotifyBuilder(camel).fromRoute("sftp-poll-acme").whenFailed(1).create();
        Files.move(documents, away);                       // the document store cannot keep originals any more
        Files.writeString(documents, "not a directory");
        try {
            upload("acme/outbound", "while-the-hub-is-down.csv", csv);
            assertThat(failed.matches(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
            assertThat(sftp.folder("acme/outbound/while-the-hub-is-down.csv")).exists();
            assertThat(sftp.folder("acme/outbound/error/while-the-hub-is-down.csv")).doesNotExist();
            assertThat(processed.captureOf("acme", sha256(csv))).isNull();
        } finally {
            Files.delete(documents);
            Files.move(away, documents);
        }
        awaitFile("acme/outbound/done/while-the-hub-is-down.csv");
        assertThat(eventsOf(jobOf("acme", csv))).isNotEmpty();
    }

    // ---- helpers

    /** POST /dlq/{id}/reprocess as the operator, with a corrected file or without. */
    private HttpResponse<String> reprocess(String entryId, byte[] corrected) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest
                .newBuilder(URI.create("http://localhost:" + httpPort + "/dlq/" + entryId + "/reprocess"))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("ops:operator-secret".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/octet-stream")
                .POST(corrected == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(corrected)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** As a partner's client does it: written under a temporary name, then renamed. */
    private void upload(String folder, String name, byte[] content) throws IOException {
        Path dir = Files.createDirectories(sftp.folder(folder));
        Path part = dir.resolve(name + ".part");
        Files.write(part, content);
        Files.move(part, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private void awaitFile(String relative) {
        await().atMost(PATIENCE).until(() -> Files.exists(sftp.folder(relative)));
    }

    private CaptureJob jobOf(String partner, byte[] content) throws Exception {
        String captureId = processed.captureOf(partner, sha256(content));
        assertThat(captureId).as("capture of the file").isNotNull();
        return jobs.find(captureId).orElseThrow();
    }

    private List<JsonNode> eventsOf(CaptureJob job) throws IOException {
        List<JsonNode> events = new ArrayList<>();
        for (ConsumerRecord<String, String> record : TestKafka.readAll(CANONICAL_EVENTS)) {
            if (job.captureId().equals(TestKafka.header(record, "captureId"))) {
                assertThat(TestKafka.header(record, "channel")).isEqualTo("sftp");
                assertThat(TestKafka.header(record, "partner")).isEqualTo(job.partner());
                events.add(json.readTree(record.value()));
            }
        }
        return events;
    }

    private static List<ConsumerRecord<String, String>> recordsOf(String sha256) {
        return TestKafka.readAll(CANONICAL_EVENTS).stream()
                .filter(r -> ("local:sha256:" + sha256).equals(TestKafka.header(r, "sourceDocument"))).toList();
    }

    private static String field(String reason, String name) {
        return reason.lines().filter(l -> l.startsWith(name + ": ")).map(l -> l.substring(name.length() + 2))
                .findFirst().orElseThrow(() -> new AssertionError("no '" + name + "' in " + reason));
    }

    /**
     * A serial file of fresh serial numbers.
     *
     * @param badCheckDigitRow 1-based data row whose GTIN has a wrong check digit, -1 for none
     */
    static byte[] serialFile(String lot, int rows, String lineEnd, int badCheckDigitRow, boolean bom) {
        StringBuilder csv = new StringBuilder(bom ? "\uFEFF" : "");
        csv.append("gtin,serial,lot,expiry,production_date,site_gln").append(lineEnd);
        String run = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50), 36).toUpperCase();
        for (int i = 1; i <= rows; i++) {
            String gtin = i == badCheckDigitRow ? GTIN.substring(0, 13) + "7" : GTIN;
            csv.append(gtin).append(",S").append(run).append(i).append(',').append(lot)
                    .append(",2028-06-30,2026-02-01,").append(SITE_GLN).append(lineEnd);
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Two ignored columns of 600 characters each make a 200 000-row file larger than the test JVM's heap. */
    static final String PADDING = "x".repeat(600);

    /** Writes a serial file row by row (never in memory); {@code padding}, if not null, fills two extra columns. */
    static void writeSerials(java.io.Writer writer, String lot, int serials, String padding) throws IOException {
        String run = Long.toString(ThreadLocalRandom.current().nextLong(1L << 30, 1L << 40), 36).toUpperCase();
        String extra = padding == null ? "" : "," + padding + "," + padding;
        writer.write("gtin,serial,lot,expiry,production_date,site_gln" + (padding == null ? "" : ",note,remark") + "\n");
        for (int i = 0; i < serials; i++) {
            writer.write(GTIN + ",S" + run + i + "," + lot + ",2028-06-30,2026-02-01," + SITE_GLN + extra + "\n");
        }
    }

    private static String objectEvent(String serial) {
        return """
                <ObjectEvent>
                  <eventTime>2026-03-01T10:00:00.000Z</eventTime>
                  <eventTimeZoneOffset>+01:00</eventTimeZoneOffset>
                  <epcList><epc>urn:epc:id:sgtin:0614141.107346.%s</epc></epcList>
                  <action>ADD</action>
                  <bizStep>urn:epcglobal:cbv:bizstep:commissioning</bizStep>
                  <disposition>urn:epcglobal:cbv:disp:active</disposition>
                  <readPoint><id>urn:epc:id:sgln:0614141.07346.1234</id></readPoint>
                </ObjectEvent>
                """.formatted(serial);
    }

    static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
