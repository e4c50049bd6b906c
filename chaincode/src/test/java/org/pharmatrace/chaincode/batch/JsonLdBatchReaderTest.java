package org.pharmatrace.chaincode.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.pharmatrace.epcis.jsonld.EpcisJsonLdReader;
import org.pharmatrace.epcis.model.Action;
import org.pharmatrace.epcis.model.EventType;

class JsonLdBatchReaderTest {

    private final JsonLdBatchReader reader = new JsonLdBatchReader(EpcisJsonLdReader::new);

    static String resource(String name) {
        try (InputStream in = JsonLdBatchReaderTest.class.getResourceAsStream("/batches/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Nested
    class Read {

        @Test
        void whenADocumentHasEventsThenEachModelIsPairedWithItsJsonInOrder() {
            List<BatchEvent> batch = reader.read(resource("commission-pack-ship.jsonld"));

            assertThat(batch).hasSize(3);
            assertThat(batch.get(0).event().getType()).isEqualTo(EventType.OBJECT_EVENT);
            assertThat(batch.get(0).event().getBizStep()).isEqualTo("urn:epcglobal:cbv:bizstep:commissioning");
            assertThat(batch.get(0).json().path("bizStep").asText()).isEqualTo("commissioning");
            assertThat(batch.get(1).event().getAction()).isEqualTo(Action.ADD);
            assertThat(batch.get(1).json().path("parentID").asText()).isEqualTo("urn:epc:id:sscc:0312345.0000000001");
            assertThat(batch.get(2).event().getDestinationList()).hasSize(1);
        }

        @Test
        void whenEventMembersArriveInAnyOrderThenTheStoredJsonHasSortedKeys() {
            List<BatchEvent> batch = reader.read(resource("commission-pack-ship.jsonld"));

            List<String> names = new java.util.ArrayList<>();
            batch.get(0).json().fieldNames().forEachRemaining(names::add);
            assertThat(names).isSorted();
        }

        @Test
        void whenTheBatchIsNotJsonThenMalformed() {
            assertThatThrownBy(() -> reader.read("<EPCISDocument/>")).isInstanceOf(MalformedBatchException.class);
        }

        @Test
        void whenTheDocumentIsNotAnEpcisDocumentThenMalformed() {
            assertThatThrownBy(() -> reader.read("{\"type\":\"Invoice\"}"))
                    .isInstanceOf(MalformedBatchException.class).hasMessageContaining("Invoice");
        }

        @Test
        void whenTheEventListIsEmptyThenMalformed() {
            assertThatThrownBy(() -> reader.read("{\"@context\":\"https://ref.gs1.org/standards/epcis/epcis-context.jsonld\","
                    + "\"type\":\"EPCISDocument\",\"schemaVersion\":\"2.0\",\"creationDate\":\"2026-01-01T00:00:00Z\","
                    + "\"epcisBody\":{\"eventList\":[]}}"))
                    .isInstanceOf(MalformedBatchException.class).hasMessageContaining("eventList");
        }

        @Test
        void whenAnEventCannotBeReadThenMalformed() {
            String broken = resource("commission-pack-ship.jsonld").replace("\"action\": \"ADD\"", "\"action\": \"EXPLODE\"");

            assertThatThrownBy(() -> reader.read(broken)).isInstanceOf(MalformedBatchException.class);
        }
    }
}
