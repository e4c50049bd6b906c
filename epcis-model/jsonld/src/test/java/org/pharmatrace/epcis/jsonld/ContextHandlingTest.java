package org.pharmatrace.epcis.jsonld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.Test;
import org.pharmatrace.epcis.io.EpcisFormatException;
import org.pharmatrace.epcis.jsonld.JsonLdTestSupport.ReadDocument;
import org.pharmatrace.epcis.model.BizTransaction;
import org.pharmatrace.epcis.model.EpcisEvent;
import org.pharmatrace.epcis.model.ExtensionElement;
import org.pharmatrace.epcis.model.SourceDestination;

/** Every way a document can say what its names mean: @context forms, compact IRIs, full IRIs, bare terms. */
class ContextHandlingTest {

    private static final String EXAMPLE = "http://ns.example.com/epcis/";

    private static String document(String context, String events) {
        return """
                {"@context": %s, "type": "EPCISDocument", "schemaVersion": "2.0",
                 "creationDate": "2024-01-01T00:00:00Z", "epcisBody": {"eventList": [%s]}}
                """.formatted(context, events);
    }

    private static String objectEvent(String extraMembers) {
        return """
                {"type": "ObjectEvent", "eventTime": "2024-01-01T10:00:00Z", "eventTimeZoneOffset": "+00:00",
                 "epcList": ["urn:epc:id:sgtin:0614141.107346.2017"], "action": "OBSERVE"%s}
                """.formatted(extraMembers.isEmpty() ? "" : ", " + extraMembers);
    }

    @Test
    void inlineContextObjectWithoutTheStandardUrlStillKnowsEpcisTerms() {
        ReadDocument read = JsonLdTestSupport.read(document("{\"example\": \"" + EXAMPLE + "\"}",
                objectEvent("\"bizStep\": \"shipping\", \"example:myField\": \"x\"")));

        EpcisEvent event = read.events().get(0);
        assertThat(event.getBizStep()).isEqualTo("urn:epcglobal:cbv:bizstep:shipping");
        assertThat(event.getExtensions()).containsExactly(ExtensionElement.leaf(new QName(EXAMPLE, "myField"), "x"));
        assertThat(read.document().getNamespaces()).containsExactly(entry("example", EXAMPLE));
    }

    @Test
    void compactIrisFullIrisAndBareTermsOfOneVocabularyGiveTheSameModelValue() {
        String context = "[\"https://ref.gs1.org/standards/epcis/epcis-context.jsonld\", {\"example\": \"" + EXAMPLE
                + "\"}]";
        ReadDocument read = JsonLdTestSupport.read(document(context, objectEvent("""
                "bizStep": "cbv:BizStep-shipping",
                "disposition": "https://ref.gs1.org/cbv/Disp-in_transit",
                "bizTransactionList": [{"type": "urn:epcglobal:cbv:btt:po", "bizTransaction": "urn:x:1"},
                                       {"type": "example:contract", "bizTransaction": "urn:x:2"}],
                "sourceList": [{"type": "cbv:SDT-owning_party", "source": "urn:epc:id:pgln:0614141.00001"},
                               {"type": "cbv:my_own_party", "source": "urn:epc:id:pgln:0614141.00002"}],
                "sensorElementList": [{"sensorReport": [
                    {"type": "gs1:Temperature", "exception": "ALARM_CONDITION", "component": "cbv:Comp-x",
                     "value": 26.50, "booleanValue": true},
                    {"type": "Speed", "component": "example:x"},
                    {"type": "https://gs1.org/voc/Mass", "example:note": "n"}]}]""")));

        EpcisEvent event = read.events().get(0);
        assertThat(event.getBizStep()).isEqualTo("urn:epcglobal:cbv:bizstep:shipping");
        assertThat(event.getDisposition()).isEqualTo("urn:epcglobal:cbv:disp:in_transit");
        assertThat(event.getBizTransactionList()).containsExactly(
                new BizTransaction("urn:epcglobal:cbv:btt:po", "urn:x:1"),
                new BizTransaction(EXAMPLE + "contract", "urn:x:2"));
        assertThat(event.getSourceList()).containsExactly(
                new SourceDestination("urn:epcglobal:cbv:sdt:owning_party", "urn:epc:id:pgln:0614141.00001"),
                new SourceDestination("https://ref.gs1.org/cbv/my_own_party", "urn:epc:id:pgln:0614141.00002"));
        var reports = event.getSensorElementList().get(0).reports();
        assertThat(reports.get(0)).containsExactly(
                entry(new QName("type"), "https://gs1.org/voc/Temperature"),
                entry(new QName("exception"), "https://gs1.org/voc/ALARM_CONDITION"),
                entry(new QName("component"), "https://ref.gs1.org/cbv/Comp-x"),
                entry(new QName("value"), "26.50"),
                entry(new QName("booleanValue"), "true"));
        assertThat(reports.get(1)).containsEntry(new QName("type"), "https://gs1.org/voc/Speed")
                .containsEntry(new QName("component"), EXAMPLE + "x");
        assertThat(reports.get(2)).containsEntry(new QName("type"), "https://gs1.org/voc/Mass")
                .containsEntry(new QName(EXAMPLE, "note"), "n");
    }

    @Test
    void anEventsOwnContextAppliesToThatEventOnly() {
        String events = objectEvent("\"@context\": {\"ev\": \"urn:example:ev:\"}, \"ev:code\": \"1\"") + ","
                + objectEvent("\"ev:code\": \"2\"");
        try (EpcisJsonLdReader reader = new EpcisJsonLdReader(JsonLdTestSupport.utf8(document(
                "\"https://ref.gs1.org/standards/epcis/epcis-context.jsonld\"", events)))) {
            assertThat(reader.next().getExtensions())
                    .containsExactly(ExtensionElement.leaf(new QName("urn:example:ev:", "code"), "1"));

            assertThatThrownBy(reader::next)
                    .isInstanceOfSatisfying(EpcisFormatException.class, e -> {
                        assertThat(e.eventIndex()).isEqualTo(1);
                        assertThat(e.field()).isEqualTo("ev:code");
                    })
                    .hasMessageContaining("JSON-LD event 1")
                    .hasMessageContaining("prefix 'ev' is not declared");
        }
    }

    @Test
    void aContextAfterTheEventsIsFoundByReadingAhead() {
        String json = """
                {"type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2024-01-01T00:00:00Z",
                 "epcisBody": {"eventList": [%s, %s]},
                 "@context": ["https://ref.gs1.org/standards/epcis/epcis-context.jsonld", {"late": "urn:example:late:"}]}
                """.formatted(objectEvent(""), objectEvent("\"late:field\": {\"late:inner\": \"v\"}"));

        ReadDocument read = JsonLdTestSupport.read(json);

        assertThat(read.events()).hasSize(2);
        assertThat(read.events().get(1).getExtensions()).containsExactly(ExtensionElement.complex(
                new QName("urn:example:late:", "field"),
                List.of(ExtensionElement.leaf(new QName("urn:example:late:", "inner"), "v"))));
        assertThat(read.document().getNamespaces()).containsEntry("late", "urn:example:late:");
    }

    @Test
    void aContextInsideTheBodyBeforeTheEventListApplies() {
        String json = """
                {"@context": "https://ref.gs1.org/standards/epcis/epcis-context.jsonld", "type": "EPCISDocument",
                 "schemaVersion": "2.0", "creationDate": "2024-01-01T00:00:00Z",
                 "epcisBody": {"@context": {"body": "urn:example:body:"}, "eventList": [%s]}}
                """.formatted(objectEvent("\"body:x\": 5"));

        assertThat(JsonLdTestSupport.read(json).events().get(0).getExtensions())
                .containsExactly(ExtensionElement.leaf(new QName("urn:example:body:", "x"), "5"));
    }

    @Test
    void memberNamesMayBeFullIrisOrTermsTheContextDefines() {
        String context = "[\"https://ref.gs1.org/standards/epcis/epcis-context.jsonld\", {\"myField\": \"" + EXAMPLE
                + "myField\"}]";
        ReadDocument read = JsonLdTestSupport.read(document(context,
                objectEvent("\"myField\": \"a\", \"" + EXAMPLE + "other\": true, \"urn:example:u:third\": 3")));

        assertThat(read.events().get(0).getExtensions()).containsExactly(
                ExtensionElement.leaf(new QName(EXAMPLE, "myField"), "a"),
                ExtensionElement.leaf(new QName(EXAMPLE, "other"), "true"),
                ExtensionElement.leaf(new QName("urn:example:u:", "third"), "3"));
    }

    @Test
    void aPrefixOnlyAnUnfetchedRemoteContextCouldDefineIsReportedWithThatContext() {
        String context = "[\"https://ref.gs1.org/standards/epcis/epcis-context.jsonld\", \"https://example.com/my.jsonld\"]";

        assertThatThrownBy(() -> JsonLdTestSupport.read(document(context, objectEvent("\"my:x\": 1"))))
                .isInstanceOf(EpcisFormatException.class)
                .hasMessageContaining("prefix 'my' is not declared")
                .hasMessageContaining("remote contexts are not fetched: https://example.com/my.jsonld");
    }

    @Test
    void aLoneEventAsTheCaptureInterfaceTakesItIsOneEvent() {
        ReadDocument read = JsonLdTestSupport.read(JsonLdTestSupport.corpusFile(
                "epcis/openepcis-pairs/2.0/EPCIS/JSON/Capture/Events/ObjectEvent.json"));

        assertThat(read.events()).hasSize(1);
        assertThat(read.events().get(0).getExtensions()).extracting(e -> e.name().getLocalPart())
                .containsExactly("myField");
    }
}
