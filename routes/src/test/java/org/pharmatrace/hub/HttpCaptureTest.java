package org.pharmatrace.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pharmatrace.hub.HubClient.User.ACME;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.pharmatrace.epcis.hash.EventHashGenerator;
import org.pharmatrace.epcis.jsonld.EpcisJsonLdReader;
import org.pharmatrace.epcis.model.EpcisEvent;
import org.pharmatrace.hub.HubClient.Answer;
import org.pharmatrace.hub.ingest.CanonicalEventRecords;

/** Capture over HTTP, from the POST to the canonical events on Kafka and the capture job that reports them. */
class HttpCaptureTest extends HubIntegrationTest {

    private static final String CANONICAL_EVENTS = "hub.canonical-events";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theGs1UsDscsaExampleIsCapturedAndItsEventsPublishedUnderTheirEventHashIds() throws Exception {
        byte[] document = TestDocuments.bytes(TestDocuments.corpus(TestDocuments.DSCSA));
        List<String> expected = TestDocuments.eventHashIds(document);
        assertThat(expected).hasSize(8);

        Answer accepted = captureAndWait(document, "application/xml");

        assertThat(accepted.status()).isEqualTo(202);
        String captureId = accepted.json().get("captureID").asText();
        assertThat(accepted.header("Location")).isEqualTo("/capture/" + captureId);

        JsonNode job = hub().get("/capture/" + captureId, ACME).json();
        assertThat(job.get("running").asBoolean()).isFalse();
        assertThat(job.get("success").asBoolean()).isTrue();
        assertThat(job.get("eventCount").asInt()).isEqualTo(8);
        assertThat(job.get("acceptedCount").asInt()).isEqualTo(8);
        assertThat(job.get("format").asText()).isEqualTo("EPCIS 1.2 XML");
        assertThat(job.get("sourceDocument").asText()).startsWith("local:sha256:");
        List<String> reported = new ArrayList<>();
        job.get("events").forEach(e -> reported.add(e.get("eventHashId").asText()));
        assertThat(reported).containsExactlyElementsOf(expected);

        assertThat(hub().get("/capture", ACME).json()).extracting(j -> j.get("captureID").asText()).contains(captureId);
        assertThat(hub().get("/capture", HubClient.User.PHARMACY).json())
                .extracting(j -> j.get("captureID").asText()).doesNotContain(captureId);

        List<ConsumerRecord<String, String>> records = recordsOf(captureId);
        assertThat(records).hasSize(8);
        List<String> eventJsons = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            int index = Integer.parseInt(TestKafka.header(record, "eventIndex"));
            JsonNode event = JSON.readTree(record.value());
            assertThat(event.get("eventID").asText()).isEqualTo(expected.get(index));
            assertThat(TestKafka.header(record, "eventHashId")).isEqualTo(expected.get(index));
            assertThat(record.key()).isEqualTo("AcmeMSP");
            assertThat(TestKafka.header(record, "partner")).isEqualTo("acme");
            assertThat(TestKafka.header(record, "organisation")).isEqualTo("AcmeMSP");
            assertThat(TestKafka.header(record, "channel")).isEqualTo("http");
            assertThat(TestKafka.header(record, "sourceDocument")).isEqualTo(job.get("sourceDocument").asText());
            eventJsons.add(record.value());
        }

        // What the ledger submitter will do: a batch of record values is one EPCIS 2.0 JSON-LD document whose
        // events hash to their eventIDs.
        String batch = CanonicalEventRecords.batchDocument(eventJsons, "2026-03-01T00:00:00Z");
        EventHashGenerator hashes = new EventHashGenerator();
        try (EpcisJsonLdReader reader = new EpcisJsonLdReader(
                new ByteArrayInputStream(batch.getBytes(StandardCharsets.UTF_8)))) {
            int read = 0;
            while (reader.hasNext()) {
                EpcisEvent event = reader.next();
                assertThat(hashes.eventHashId(event)).isEqualTo(event.getEventId());
                read++;
            }
            assertThat(read).isEqualTo(8);
        }
    }

    @Test
    void aDocumentWithTenValidAndTwoInvalidEventsCapturesTheTenAndDeadLettersTheTwo() {
        String document = TestDocuments.commissioning(12, Set.of(3), Set.of(8));

        Answer accepted = captureAndWait(document.getBytes(StandardCharsets.UTF_8), "application/ld+json");

        assertThat(accepted.status()).isEqualTo(202);
        String captureId = accepted.json().get("captureID").asText();
        JsonNode job = hub().get("/capture/" + captureId, ACME).json();
        assertThat(job.get("running").asBoolean()).isFalse();
        assertThat(job.get("success").asBoolean()).isFalse();
        assertThat(job.get("acceptedCount").asInt()).isEqualTo(10);
        assertThat(job.get("rejectedCount").asInt()).isEqualTo(2);
        assertThat(job.get("events")).extracting(e -> e.get("eventIndex").asInt())
                .containsExactly(0, 1, 2, 4, 5, 6, 7, 9, 10, 11);
        assertThat(job.get("errors")).anySatisfy(error -> {
            assertThat(error.get("eventIndex").asInt()).isEqualTo(3);
            assertThat(error.get("field").asText()).isEqualTo("bizStep");
            assertThat(error.get("detail").asText()).contains("event 3").contains("comissioning");
            assertThat(error.get("deadLetter").asText()).isEqualTo(captureId + "-e3");
        });
        assertThat(job.get("errors")).anySatisfy(error -> {
            assertThat(error.get("eventIndex").asInt()).isEqualTo(8);
            assertThat(error.get("field").asText()).isEqualTo("epcList[0]");
        });

        assertThat(recordsOf(captureId)).hasSize(10)
                .extracting(r -> TestKafka.header(r, "eventIndex")).doesNotContain("3", "8");

        JsonNode deadLetters = hub().get("/dlq?captureID=" + captureId, ACME).json();
        assertThat(deadLetters.get("count").asInt()).isEqualTo(2);
        JsonNode third = hub().get("/dlq/" + captureId + "-e3", ACME).json();
        assertThat(third.get("status").asText()).isEqualTo("open");
        assertThat(third.get("stage").asText()).isEqualTo("validation");
        assertThat(third.get("partner").asText()).isEqualTo("acme");
        assertThat(third.get("channel").asText()).isEqualTo("http");
        assertThat(third.get("eventIndex").asInt()).isEqualTo(3);
        assertThat(third.get("reason").asText()).contains("event 3").contains("bizStep");
        assertThat(third.get("payload").asText()).contains("comissioning");
        assertThat(third.get("sourceDocument").asText()).isEqualTo(job.get("sourceDocument").asText());
    }

    @Test
    void theSameDocumentCapturedTwiceGetsTheFirstJobAndIsPublishedOnce() {
        byte[] document = TestDocuments.commissioning(3).getBytes(StandardCharsets.UTF_8);
        Answer first = captureAndWait(document, "application/ld+json");
        String captureId = first.json().get("captureID").asText();

        Answer second = hub().post("/capture", ACME, document, "application/ld+json");

        assertThat(second.status()).isEqualTo(202);
        assertThat(second.header("Location")).isEqualTo(first.header("Location"));
        assertThat(second.json().get("captureID").asText()).isEqualTo(captureId);
        assertThat(second.json().get("running").asBoolean()).isFalse();
        List<String> hashes = TestDocuments.eventHashIds(document);
        assertThat(TestKafka.readAll(CANONICAL_EVENTS))
                .filteredOn(r -> hashes.contains(TestKafka.header(r, "eventHashId"))).hasSize(3);
    }

    @Test
    void aSingleEventIsCapturedSynchronouslyWithItsEventHashId() throws Exception {
        JsonNode gs1Example = JSON.readTree(TestDocuments.bytes(TestDocuments.corpus(TestDocuments.GS1_OBJECT_EVENTS)));
        JsonNode event = gs1Example.at("/epcisBody/eventList/0");
        String expected = TestDocuments.eventHashIds(TestDocuments.bytes(
                TestDocuments.corpus(TestDocuments.GS1_OBJECT_EVENTS))).get(0);

        Answer created = hub().post("/events", ACME, JSON.writeValueAsString(event), "application/ld+json");

        assertThat(created.status()).isEqualTo(201);
        String captureId = created.json().get("captureID").asText();
        assertThat(created.header("Location")).isEqualTo("/capture/" + captureId);
        JsonNode published = created.json().at("/events/0");
        assertThat(published.get("eventHashId").asText()).isEqualTo(expected);
        // The GS1 example's own eventID is kept on the job, the hub's hash replaces it on the record.
        assertThat(published.get("originalEventID").asText()).isEqualTo(event.get("eventID").asText());
        assertThat(recordsOf(captureId)).singleElement()
                .satisfies(r -> assertThat(JSON.readTree(r.value()).get("eventID").asText()).isEqualTo(expected));

        Answer again = hub().post("/events", ACME, JSON.writeValueAsString(event), "application/ld+json");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.header("Location")).isEqualTo("/capture/" + captureId);
    }

    private Answer captureAndWait(byte[] document, String contentType) {
        NotifyBuilder ingested = ingestFinished();
        Answer answer = hub().post("/capture", ACME, document, contentType);
        assertThat(answer.status()).as(answer.response().body()).isEqualTo(202);
        assertThat(ingested.matches(60, TimeUnit.SECONDS)).as("the capture was ingested").isTrue();
        return answer;
    }

    static List<ConsumerRecord<String, String>> recordsOf(String captureId) {
        return TestKafka.readAll(CANONICAL_EVENTS).stream()
                .filter(r -> captureId.equals(TestKafka.header(r, "captureId")))
                .sorted(Comparator.comparing(r -> Integer.parseInt(TestKafka.header(r, "eventIndex"))))
                .toList();
    }
}
