package org.pharmatrace.epcis.jsonld;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.Test;
import org.pharmatrace.epcis.jsonld.JsonLdTestSupport.ReadDocument;
import org.pharmatrace.epcis.model.EpcisDocumentInfo;
import org.pharmatrace.epcis.model.ExtensionElement;
import org.pharmatrace.epcis.model.Vocabulary;
import org.pharmatrace.epcis.model.VocabularyAttribute;
import org.pharmatrace.epcis.model.VocabularyElement;

/** What surrounds the events: SBDH shorthand, header and master data, query results, document extensions. */
class EnvelopeReadingTest {

    private static final String EXT = "http://example.com/ext1/";

    @Test
    void headerMasterDataAndShorthandSbdhFieldsReachTheDocumentBeforeTheFirstEvent() {
        String json = """
                {"@context": ["https://ref.gs1.org/standards/epcis/epcis-context.jsonld", {"ext1": "%s"}],
                 "id": "https://id.example.org/document1", "type": "EPCISDocument", "schemaVersion": "2.0",
                 "creationDate": "2024-01-01T00:00:00Z",
                 "sender": "urn:epc:id:sgln:0353579.00001.0", "receiver": "urn:epc:id:sgln:5012345.00001.0",
                 "instanceIdentifier": "1234567890",
                 "epcisHeader": {
                   "epcisMasterData": {"vocabularyList": [
                     {"type": "urn:epcglobal:epcis:vtype:BusinessLocation",
                      "vocabularyElementList": [
                        {"id": "urn:epc:id:sgln:0037000.00729.0",
                         "attributes": [
                           {"id": "urn:epcglobal:cbv:mda#name", "attribute": "Central warehouse"},
                           {"id": "http://example.com/ext1#count", "attribute": 12},
                           {"id": "http://example.com/ext1#array", "attribute": ["one", "two"]},
                           {"id": "http://example.com/ext1#address",
                            "attribute": {"ext1:street": "1 Main St", "inner": "unqualified"}}],
                         "children": ["urn:epc:id:sgln:0037000.00729.8201"],
                         "ext1:note": "element extension"}]}]},
                   "ext1:headerNote": "header extension"},
                 "ext1:documentNote": "document extension",
                 "epcisBody": {"eventList": [
                   {"type": "ObjectEvent", "eventTime": "2024-01-01T10:00:00Z", "eventTimeZoneOffset": "+00:00",
                    "epcList": [], "action": "OBSERVE"}]}}
                """.formatted(EXT);

        try (EpcisJsonLdReader reader = new EpcisJsonLdReader(JsonLdTestSupport.utf8(json))) {
            EpcisDocumentInfo document = reader.document();

            assertThat(document.getDocumentId()).isEqualTo("https://id.example.org/document1");
            assertThat(document.getSender()).isEqualTo("urn:epc:id:sgln:0353579.00001.0");
            assertThat(document.getReceiver()).isEqualTo("urn:epc:id:sgln:5012345.00001.0");
            assertThat(document.getInstanceIdentifier()).isEqualTo("1234567890");
            assertThat(document.getExtensions())
                    .containsExactly(ExtensionElement.leaf(new QName(EXT, "documentNote"), "document extension"));
            assertThat(document.getHeader().extensions())
                    .containsExactly(ExtensionElement.leaf(new QName(EXT, "headerNote"), "header extension"));
            assertThat(document.getHeader().masterData()).containsExactly(new Vocabulary(
                    "urn:epcglobal:epcis:vtype:BusinessLocation", List.of(new VocabularyElement(
                    "urn:epc:id:sgln:0037000.00729.0", List.of(
                    VocabularyAttribute.of("urn:epcglobal:cbv:mda#name", "Central warehouse"),
                    VocabularyAttribute.of("http://example.com/ext1#count", "12"),
                    VocabularyAttribute.of("http://example.com/ext1#array", "one"),
                    VocabularyAttribute.of("http://example.com/ext1#array", "two"),
                    new VocabularyAttribute("http://example.com/ext1#address", null, List.of(
                            ExtensionElement.leaf(new QName(EXT, "street"), "1 Main St"),
                            ExtensionElement.leaf(new QName("inner"), "unqualified")))),
                    List.of("urn:epc:id:sgln:0037000.00729.8201"),
                    List.of(ExtensionElement.leaf(new QName(EXT, "note"), "element extension")))), List.of()));
            assertThat(reader.next().getEpcList()).isEmpty();
        }
    }

    @Test
    void aQueryDocumentsResultsGiveItsNameSubscriptionAndEvents() {
        ReadDocument read = JsonLdTestSupport.read(JsonLdTestSupport.corpusFile(
                "epcis/gs1-examples/JSON/EPCISQueryDocument.jsonld"));

        assertThat(read.document().getQueryName()).isEqualTo("SimpleEventQuery");
        assertThat(read.document().getSubscriptionId()).isEqualTo("32d2aec1-a6d2-46d9-900a-24124288cce1");
        assertThat(read.events()).isNotEmpty();
    }

    @Test
    void aHeaderUsingAPrefixFromALateContextIsDecodedOnceTheContextIsRead() {
        String json = """
                {"type": "EPCISDocument", "epcisHeader": {"late:note": "n"},
                 "epcisBody": {"eventList": []}, "@context": {"late": "urn:example:late:"}}
                """;

        assertThat(JsonLdTestSupport.read(json).document().getHeader().extensions())
                .containsExactly(ExtensionElement.leaf(new QName("urn:example:late:", "note"), "n"));
    }
}
