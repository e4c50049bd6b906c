package org.pharmatrace.epcis.jsonld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.pharmatrace.epcis.io.EpcisFormatException;
import org.pharmatrace.epcis.model.EpcisEvent;

/** Broken, wrong and hostile input fails with a message that says what is wrong and where. */
class ReaderErrorTest {

    private static final String HEAD = """
            {"@context": "https://ref.gs1.org/standards/epcis/epcis-context.jsonld", "type": "EPCISDocument",
             "schemaVersion": "2.0", "creationDate": "2024-01-01T00:00:00Z", "epcisBody": {"eventList": [
            """;
    private static final String TAIL = "]}}";
    private static final String GOOD_EVENT = """
            {"type": "ObjectEvent", "eventTime": "2024-01-01T10:00:00Z", "eventTimeZoneOffset": "+00:00",
             "epcList": ["urn:epc:id:sgtin:0614141.107346.2017"], "action": "OBSERVE"}""";

    private static String withEvents(String... events) {
        return HEAD + String.join(",", events) + TAIL;
    }

    private static String goodEventWith(String members) {
        return GOOD_EVENT.substring(0, GOOD_EVENT.length() - 1) + ", " + members + "}";
    }

    private static List<EpcisEvent> readAll(String json, JsonLdReaderOptions options) {
        List<EpcisEvent> events = new ArrayList<>();
        try (EpcisJsonLdReader reader = new EpcisJsonLdReader(JsonLdTestSupport.utf8(json), options)) {
            reader.forEachRemaining(events::add);
        }
        return events;
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertReadFails(String json) {
        return assertReadFails(json, JsonLdReaderOptions.DEFAULTS);
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertReadFails(String json,
                                                                                  JsonLdReaderOptions options) {
        return assertThatThrownBy(() -> readAll(json, options)).isInstanceOf(EpcisFormatException.class);
    }

    @Nested
    class MalformedJson {

        @Test
        void truncatedInsideAnEventNamesTheEventAndWhereTheInputEnded() {
            String json = withEvents(GOOD_EVENT, GOOD_EVENT);
            String truncated = json.substring(0, json.lastIndexOf("\"action\""));

            assertReadFails(truncated)
                    .hasMessageContaining("Malformed JSON-LD at line 5, column 55")
                    .hasMessageContaining("(in event 1)")
                    .hasMessageContaining("end-of-input");
        }

        @Test
        void truncatedInTheEnvelopeNamesTheLine() {
            assertReadFails("{\"type\": \"EPCISDocument\", \"epcisBody\": {\"eventLi")
                    .hasMessageContaining("Malformed JSON-LD at line 1");
        }

        @Test
        void aDocumentThatIsNotAnObjectIsRejected() {
            assertReadFails("[1, 2]").hasMessageContaining("must be a JSON object, found START_ARRAY at line 1");
        }

        @Test
        void anEventThatIsNotAnObjectIsRejected() {
            assertReadFails(withEvents(GOOD_EVENT, "\"ObjectEvent\""))
                    .hasMessageContaining("JSON-LD event 1")
                    .hasMessageContaining("an event must be a JSON object");
        }
    }

    @Nested
    class WrongContent {

        @Test
        void anUnknownEventTypeIsNamed() {
            assertReadFails(withEvents(GOOD_EVENT.replace("ObjectEvent", "FooEvent")))
                    .hasMessageContaining("JSON-LD event 0, member 'type' at line 3, column 10")
                    .hasMessageContaining("unknown event type 'FooEvent'")
                    .satisfies(e -> assertThat(((EpcisFormatException) e).field()).isEqualTo("type"));
        }

        @Test
        void anUnknownDocumentTypeIsNamed() {
            assertReadFails("{\"type\": \"EPCISThing\"}").hasMessageContaining("unknown document type 'EPCISThing'");
        }

        @Test
        void anUndeclaredPrefixIsNamedWithTheEventIndex() {
            assertReadFails(withEvents(GOOD_EVENT, goodEventWith("\"nowhere:field\": \"x\"")))
                    .hasMessageContaining("JSON-LD event 1, member 'nowhere:field'")
                    .hasMessageContaining("prefix 'nowhere' is not declared by any @context in scope")
                    .satisfies(e -> assertThat(((EpcisFormatException) e).eventIndex()).isEqualTo(1));
        }

        @Test
        void aQuantityGivenAsTextIsRejectedWithItsPath() {
            assertReadFails(withEvents(goodEventWith(
                    "\"quantityList\": [{\"epcClass\": \"urn:epc:class:lgtin:4012345.012345.998877\", \"quantity\": \"5\"}]")))
                    .hasMessageContaining("member 'quantityList[0].quantity'")
                    .hasMessageContaining("expected a number, found string \"5\"");
        }

        @Test
        void anUnknownActionIsNamed() {
            assertReadFails(withEvents(GOOD_EVENT.replace("OBSERVE", "WATCH")))
                    .hasMessageContaining("unknown action 'WATCH'");
        }

        @Test
        void aBareMemberThatIsNoEpcisTermIsRejected() {
            assertReadFails(withEvents(goodEventWith("\"colour\": \"red\"")))
                    .hasMessageContaining("member 'colour'")
                    .hasMessageContaining("unknown member");
        }

        @Test
        void ilmdMembersWithoutNamespaceAreRejected() {
            assertReadFails(withEvents(goodEventWith("\"ilmd\": {\"lotNumber\": \"A1\"}")))
                    .hasMessageContaining("member 'ilmd.lotNumber'");
        }
    }

    @Nested
    class HostileInput {

        @Test
        void nestingBeyondTheLimitIsRejected() {
            String deep = "[".repeat(100) + "]".repeat(100);

            assertReadFails(withEvents(goodEventWith("\"urn:example:deep\": " + deep)))
                    .hasMessageContaining("(in event 0)")
                    .hasMessageContaining("nesting depth");
        }

        @Test
        void aStringBeyondTheLimitIsRejected() {
            JsonLdReaderOptions small = new JsonLdReaderOptions(64, 4096, 10_000, 10, false);

            assertReadFails(withEvents(GOOD_EVENT.replace("OBSERVE", "X".repeat(5000))), small)
                    .hasMessageContaining("String value length");
        }

        @Test
        void anEventWithTooManyValuesIsRejected() {
            JsonLdReaderOptions small = new JsonLdReaderOptions(64, 4096, 200, 10, false);
            String epcs = "\"urn:epc:id:sgtin:0614141.107346.1\",".repeat(300);

            assertReadFails(withEvents(goodEventWith("\"childEPCs\": [" + epcs + "\"x\"]")), small)
                    .hasMessageContaining("more than 200 nested values");
        }

        @Test
        void aLateContextIsLookedForOnlyUpToTheLimitOfHeldEvents() {
            JsonLdReaderOptions small = new JsonLdReaderOptions(64, 4096, 10_000, 1, false);
            String json = """
                    {"type": "EPCISDocument", "epcisBody": {"eventList": [%s, %s, %s]},
                     "@context": {"late": "urn:example:late:"}}
                    """.formatted(goodEventWith("\"late:x\": 1"), GOOD_EVENT, GOOD_EVENT);

            assertReadFails(json, small).hasMessageContaining("put @context at the start of the document");
        }

        @Test
        void duplicateMembersAreRejectedWhenAsked() {
            String json = withEvents(GOOD_EVENT.replace("\"action\"", "\"eventTime\": \"2024-02-02T00:00:00Z\", \"action\""));

            assertReadFails(json, JsonLdReaderOptions.DEFAULTS.withRejectDuplicateMembers(true))
                    .hasMessageContaining("Duplicate field 'eventTime'")
                    .hasMessageContaining("(in event 0)");
        }
    }

    @Nested
    class Tolerance {

        @Test
        void byDefaultARepeatedMemberKeepsItsLastValueAsJsonLdProcessorsDo() {
            Path file = JsonLdTestSupport.corpusFile("epcis/gs1-examples/JSON/AssociationEvent/AssociationEvent-h.jsonld");

            EpcisEvent event = JsonLdTestSupport.read(file).events().get(0);

            assertThat(event.getEventId()).isEqualTo("urn:uuid:fd338495-0e6d-41dd-afee-a862ecd32518");
        }

        @Test
        void eventsBeforeABrokenOneAreDeliveredAndTheIndexPointsAtIt() {
            String json = withEvents(GOOD_EVENT, GOOD_EVENT.replace("OBSERVE", "WATCH"));
            try (EpcisJsonLdReader reader = new EpcisJsonLdReader(JsonLdTestSupport.utf8(json))) {
                assertThat(reader.next()).isNotNull();
                assertThat(reader.eventIndex()).isZero();

                assertThatThrownBy(reader::next).isInstanceOf(EpcisFormatException.class);
                assertThat(reader.eventIndex()).isEqualTo(1);
            }
        }
    }
}
