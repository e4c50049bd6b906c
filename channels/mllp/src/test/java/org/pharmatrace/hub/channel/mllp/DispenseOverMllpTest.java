package org.pharmatrace.hub.channel.mllp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.pharmatrace.hub.TestKafka;

/** A pharmacy system (HAPI's MLLP client) sends dispense messages; the hub captures them or says why not. */
class DispenseOverMllpTest extends MllpHubTest {

    static final String SGTIN = "urn:epc:id:sgtin:0312345.067890.";
    static final String OBX = "OBX|1|ST|GS1-2D^Scanned GS1 2D barcode^L||(01)00312345678906(21)SN1010(17)271231(10)LOT-A1||||||F";

    private final ObjectMapper json = new ObjectMapper();

    /** The corpus message under another control id, with another pack scanned. */
    static String dispense(String controlId, String serial) {
        return corpusV25().replace("MSG-0001", controlId).replace("SN1010", serial);
    }

    @Nested
    class WhenThePharmacySendsAGoodDispense {

        @Test
        void thenTheCorpusV25MessageIsAcceptedAndItsDispensingEventIsOnTheCanonicalTopic() throws Exception {
            PharmacySystem.Ack ack;
            try (PharmacySystem pharmacy = pharmacy()) {
                ack = pharmacy.send(corpusV25());
            }

            assertThat(ack.code()).isEqualTo("AA");
            assertThat(ack.get("/MSA-2")).isEqualTo("MSG-0001");
            assertThat(ack.get("/MSH-9-1")).isEqualTo("ACK");
            assertThat(ack.get("/MSH-5")).isEqualTo("PHARMSYS");
            ConsumerRecord<String, String> event = canonicalEvent(SGTIN + "SN1010");
            assertThat(TestKafka.header(event, "partner")).isEqualTo("cornerpharm");
            assertThat(TestKafka.header(event, "organisation")).isEqualTo("CornerPharmMSP");
            assertThat(TestKafka.header(event, "sourceDocument")).startsWith("local:sha256:");
            JsonNode value = json.readTree(event.value());
            assertThat(value.get("type").asText()).isEqualTo("ObjectEvent");
            assertThat(value.get("bizStep").asText()).isIn("dispensing", "urn:epcglobal:cbv:bizstep:dispensing");
            assertThat(value.get("eventID").asText()).startsWith("ni:///sha-256;")
                    .isEqualTo(TestKafka.header(event, "eventHashId"));
        }

        @Test
        void thenAnRdsO01V23MessageIsAccepted() throws Exception {
            String v23 = String.join("\r",
                    "MSH|^~\\&|PHARMSYS|CORNERPHARM^0614141000036^GLN|HUB|PHARMAHUB|20251121093000||RDS^O01|MSG-2301|P|2.3",
                    "PID|1||PAT-4471^^^CORNERPHARM^MR||DOE^JANE^Q||19700412|F|||12 Elm St^^Springfield^IL^62704",
                    "ORC|RE|ORD-88122",
                    "RXE|1^BID^^20251121|12345-6789-0^Paracetamol^NDC|1||TAB",
                    "RXD|1|12345-6789-0^Paracetamol 500 mg tablet^NDC|202511210930-0600|2|BX||RX-55013|||||||||||LOT-A1|20271231",
                    "OBX|1|ST|GS1-2D^Scanned GS1 2D barcode^L||(01)00312345678906(21)SN2301(17)271231(10)LOT-A1||||||F",
                    "OBX|2|ST|GS1-2D^Scanned GS1 2D barcode^L||(01)00312345678906(21)SN2302(17)271231(10)LOT-A1||||||F");
            PharmacySystem.Ack ack;
            try (PharmacySystem pharmacy = pharmacy()) {
                ack = pharmacy.send(v23);
            }

            assertThat(ack.code()).isEqualTo("AA");
            assertThat(ack.get("/MSA-2")).isEqualTo("MSG-2301");
            assertThat(ack.get("/MSH-12")).isEqualTo("2.3");
            assertThat(canonicalEvent(SGTIN + "SN2301").value()).contains(SGTIN + "SN2302");
        }

        @Test
        void thenTheSameMessageSentAgainIsAcknowledgedAgainAndCapturedOnce() throws Exception {
            String message = dispense("MSG-0100", "SN0100");
            try (PharmacySystem pharmacy = pharmacy()) {
                assertThat(pharmacy.send(message).code()).isEqualTo("AA");
                assertThat(pharmacy.send(message).code()).isEqualTo("AA");
            }

            assertThat(canonicalEvents(SGTIN + "SN0100")).hasSize(1);
        }
    }

    @Nested
    class WhenTheInputIsBad {

        @Test
        void thenWellFormedButWrongMessagesAreRefusedWithTheReasonDeadLetteredAndTheChannelKeepsServing()
                throws Exception {
            try (PharmacySystem pharmacy = pharmacy()) {
                PharmacySystem.Ack badCheckDigit = pharmacy.send(dispense("MSG-0002", "SN1002").replace("(10)LOT-A1||",
                        "(10)LOT-A1~(01)00312345678907(21)SN1003(10)LOT-A1||"));
                assertThat(badCheckDigit.code()).isEqualTo("AE");
                assertThat(badCheckDigit.get("/MSA-2")).isEqualTo("MSG-0002");
                assertThat(badCheckDigit.get("/MSA-3")).contains("OBX-5 (repetition 2)");
                assertThat(badCheckDigit.get("/ERR-5")).isEqualTo("BAD_CHECK_DIGIT");
                assertThat(badCheckDigit.get("/ERR-2-1")).isEqualTo("OBX");
                deadLetter("MSG-0002", "validation");

                PharmacySystem.Ack unknownNdc = pharmacy.send(dispense("MSG-0003", "SN1004")
                        .replace("RXD|1|1234567890^", "RXD|1|99999888877^"));
                assertThat(unknownNdc.code()).isEqualTo("AE");
                assertThat(unknownNdc.get("/MSA-3")).contains("RXD-2").contains("99999888877");
                assertThat(unknownNdc.get("/ERR-5")).isEqualTo("UNKNOWN_NDC");
                deadLetter("MSG-0003", "validation");

                PharmacySystem.Ack unknownSender = pharmacy.send(dispense("MSG-0004", "SN1005")
                        .replace("CORNERPHARM^0614141000036^GLN", "OTHERPHARM^0614141999990^GLN"));
                assertThat(unknownSender.code()).isEqualTo("AR");
                assertThat(unknownSender.get("/MSA-3")).contains("OTHERPHARM");
                assertThat(unknownSender.get("/ERR-8")).contains("is not a pharmacy system of this hub");
                JsonNode unknown = deadLetter("MSG-0004", "receive");
                assertThat(unknown.has("partner")).isFalse();

                PharmacySystem.Ack good = pharmacy.send(dispense("MSG-0010", "SN1011"));
                assertThat(good.code()).isEqualTo("AA");
            }
            assertThat(canonicalEvents(SGTIN + "SN1011")).hasSize(1);
            assertThat(canonicalEvents(SGTIN + "SN1002")).isEmpty();
        }

        @Test
        void thenTruncatedMessagesAndTextThatIsNotHl7AreRefusedAndTheChannelKeepsServing() throws Exception {
            String truncatedText = dispense("MSG-0005", "SN1006");
            truncatedText = truncatedText.substring(0, truncatedText.indexOf("RXE|") + 10);
            try (PharmacySystem pharmacy = pharmacy()) {
                String truncated = pharmacy.sendRaw(truncatedText);
                assertThat(truncated).contains("MSA|AE|MSG-0005|").contains("MISSING_SEGMENT").contains("RXD");
                deadLetter("MSG-0005", "validation");

                String notHl7 = pharmacy.sendRaw("NAME=DOE^JANE;DOB=19700412;DRUG=Paracetamol");
                assertThat(notHl7).contains("MSA|AR||");
                JsonNode entry = deadLetters().stream()
                        .filter(e -> e.path("reason").asText().contains("MSH") && !e.has("payload")
                                && e.path("channel").asText().equals("mllp"))
                        .findFirst().orElseThrow(() -> new AssertionError("no dead letter for the non-HL7 text"));
                assertThat(entry.get("stage").asText()).isEqualTo("receive");

                String good = pharmacy.sendRaw(dispense("MSG-0011", "SN1012"));
                assertThat(good).contains("MSA|AA|MSG-0011");
            }
            assertThat(canonicalEvents(SGTIN + "SN1012")).hasSize(1);
        }

        @Test
        void thenAnEventTheLedgerPathRefusesIsAnApplicationErrorNamingWhy() throws Exception {
            PharmacySystem.Ack ack;
            try (PharmacySystem pharmacy = pharmacy()) {
                ack = pharmacy.send(dispense("MSG-0006", "SN1013")
                        .replace("CORNERPHARM^0614141000036^GLN", "MISFILED"));
            }

            assertThat(ack.code()).isEqualTo("AE");
            assertThat(ack.get("/ERR-5")).isEqualTo("NOT_ENTITLED");
            assertThat(ack.get("/ERR-8")).contains("readPoint").contains("CornerPharmMSP");
            JsonNode event = deadLetters().stream()
                    .filter(e -> e.path("channel").asText().equals("mllp") && e.path("partner").asText().equals("pharmacy")
                            && e.path("payload").asText().contains(SGTIN + "SN1013"))
                    .findFirst().orElseThrow(() -> new AssertionError("no dead letter for the refused event"));
            assertThat(event.get("stage").asText()).isEqualTo("authorisation");
            assertThat(canonicalEvents(SGTIN + "SN1013")).isEmpty();
        }
    }

    @Nested
    class WhenARefusedMessageIsReprocessedFromTheDeadLetterQueue {

        @Test
        void thenUnchangedItIsRefusedAgainForTheSameReasonAndCorrectedItIsCaptured() throws Exception {
            String correct = dispense("MSG-0030", "SN1030");
            String badCheckDigit = correct.replace("(01)00312345678906(21)SN1030", "(01)00312345678907(21)SN1030");
            try (PharmacySystem pharmacy = pharmacy()) {
                assertThat(pharmacy.send(badCheckDigit).code()).isEqualTo("AE");
            }
            JsonNode refused = deadLetter("MSG-0030", "validation");
            String id = refused.get("id").asText();

            var unchanged = postAsOperator("/dlq/" + id + "/reprocess", null);

            assertThat(unchanged.statusCode()).as(unchanged.body()).isEqualTo(400);
            assertThat(json.readTree(unchanged.body()).get("detail").asText())
                    .contains(refused.get("reason").asText());
            JsonNode again = json.readTree(getAsOperator("/dlq/" + id));
            assertThat(again.get("status").asText()).isEqualTo("open");
            assertThat(again.get("reason").asText()).isEqualTo(refused.get("reason").asText());
            assertThat(again.at("/problems/0/field").asText()).isEqualTo(refused.at("/problems/0/field").asText());
            assertThat(again.get("attempts").asInt()).isEqualTo(refused.get("attempts").asInt() + 1);
            assertThat(canonicalEvents(SGTIN + "SN1030")).isEmpty();

            var corrected = postAsOperator("/dlq/" + id + "/reprocess", correct);     // patient data included

            assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(200);
            JsonNode resolved = json.readTree(corrected.body());
            assertThat(resolved.get("status").asText()).isEqualTo("reprocessed");
            assertThat(resolved.get("resolution").asText()).contains("corrected by ops");
            assertThat(corrected.headers().firstValue("Location")).hasValueSatisfying(
                    location -> assertThat(location).startsWith("/capture/"));
            ConsumerRecord<String, String> event = canonicalEvent(SGTIN + "SN1030");
            assertThat(TestKafka.header(event, "partner")).isEqualTo("cornerpharm");
            assertThat(storedOriginals()).allSatisfy(stored -> PATIENT.forEach(
                    value -> assertThat(stored).doesNotContain(value)));
        }
    }

    @Nested
    class WhenTheHubCannotWork {

        @Test
        void thenTheMessageIsRejectedForResendingAndTakenWhenResent() throws Exception {
            Path away = DOCUMENTS.resolveSibling(DOCUMENTS.getFileName() + "-away");
            String message = dispense("MSG-0007", "SN1014");
            PharmacySystem.Ack unavailable;
            PharmacySystem.Ack resent;
            try (PharmacySystem pharmacy = pharmacy()) {
                // The document store breaks: where its directory was, there is a file.
                Files.move(DOCUMENTS, away);
                Files.writeString(DOCUMENTS, "not a directory");
                try {
                    unavailable = pharmacy.send(message);
                } finally {
                    Files.delete(DOCUMENTS);
                    Files.move(away, DOCUMENTS);
                }
                resent = pharmacy.send(message);
            }

            assertThat(unavailable.code()).isEqualTo("AR");
            assertThat(unavailable.get("/MSA-3")).contains("cannot take the message now");
            assertThat(unavailable.get("/ERR-8")).contains("send it again later");
            assertThat(resent.code()).isEqualTo("AA");
            assertThat(canonicalEvents(SGTIN + "SN1014")).hasSize(1);
            assertThat(deadLetter("MSG-0007", "store").get("reason").asText()).contains("store failed");
        }
    }

    /** The open dead letters of the MLLP channel whose redacted payload holds this control id. */
    JsonNode deadLetter(String controlId, String stage) {
        JsonNode entry = deadLetters().stream()
                .filter(e -> e.path("channel").asText().equals("mllp") && e.path("payload").asText().contains(controlId))
                .findFirst().orElseThrow(() -> new AssertionError("no dead letter for " + controlId));
        assertThat(entry.get("stage").asText()).isEqualTo(stage);
        assertThat(entry.get("payloadMediaType").asText()).isEqualTo("x-application/hl7-v2+er7");
        String payload = entry.get("payload").asText();
        assertThat(payload).contains("\rPID\r");
        PATIENT.forEach(value -> assertThat(payload).doesNotContain(value));
        return entry;
    }

    List<JsonNode> deadLetters() {
        try {
            JsonNode list = json.readTree(getAsOperator("/dlq?status=all&limit=1000"));
            return StreamSupport.stream(list.get("entries").spliterator(), false).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static List<ConsumerRecord<String, String>> canonicalEvents(String epc) {
        return TestKafka.readAll("hub.canonical-events").stream()
                .filter(r -> "mllp".equals(TestKafka.header(r, "channel")) && r.value().contains("\"" + epc + "\""))
                .toList();
    }

    static ConsumerRecord<String, String> canonicalEvent(String epc) {
        List<ConsumerRecord<String, String>> records = canonicalEvents(epc);
        assertThat(records).as("records of " + epc).hasSize(1);
        return records.get(0);
    }
}
