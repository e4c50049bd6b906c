package org.pharmatrace.epcis.jsonld;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.Test;
import org.pharmatrace.epcis.cbv.EpcisNamespaces;
import org.pharmatrace.epcis.jsonld.JsonLdTestSupport.ReadDocument;
import org.pharmatrace.epcis.model.Action;
import org.pharmatrace.epcis.model.BizTransaction;
import org.pharmatrace.epcis.model.DocumentKind;
import org.pharmatrace.epcis.model.EpcisDocumentInfo;
import org.pharmatrace.epcis.model.EpcisEvent;
import org.pharmatrace.epcis.model.EpcisHeader;
import org.pharmatrace.epcis.model.EventType;
import org.pharmatrace.epcis.model.ExtensionElement;
import org.pharmatrace.epcis.model.Location;
import org.pharmatrace.epcis.model.QuantityElement;
import org.pharmatrace.epcis.model.SensorElement;
import org.pharmatrace.epcis.model.Vocabulary;
import org.pharmatrace.epcis.model.VocabularyAttribute;
import org.pharmatrace.epcis.model.VocabularyElement;

/** The writer's JSON-LD: standard shape, typed values, and what XML sources bring (SBDH, master data, attributes). */
class WriterTest {

    private static final String SBDH = EpcisNamespaces.SBDH;
    /** DSCSA files bind cbvmda without the trailing colon the JSON-LD context uses: a different namespace. */
    private static final String DSCSA_MDA = "urn:epcglobal:cbv:mda";

    private static QName sbdh(String local) {
        return new QName(SBDH, local, "sbdh");
    }

    /** A document as an XML reader would hand it over from a DSCSA file. */
    private static EpcisDocumentInfo dscsaLikeDocument() {
        ExtensionElement identifier = new ExtensionElement(sbdh("Identifier"), Map.of(new QName("Authority"), "GS1"),
                "urn:epc:id:sgln:030001.111111.0", List.of());
        ExtensionElement header = ExtensionElement.complex(sbdh("StandardBusinessDocumentHeader"), List.of(
                ExtensionElement.leaf(sbdh("HeaderVersion"), "1.0"),
                ExtensionElement.complex(sbdh("Sender"), List.of(identifier)),
                ExtensionElement.complex(sbdh("DocumentIdentification"), List.of(
                        ExtensionElement.leaf(sbdh("Standard"), "EPCglobal"),
                        ExtensionElement.leaf(sbdh("InstanceIdentifier"), "1100220001")))));
        VocabularyElement product = new VocabularyElement("urn:epc:idpat:sgtin:030001.0012345.*", List.of(
                VocabularyAttribute.of("urn:epcglobal:cbv:mda#regulatedProductName", "Epcistra"),
                VocabularyAttribute.of("urn:epcglobal:cbv:mda#array", "one"),
                VocabularyAttribute.of("urn:epcglobal:cbv:mda#array", "two"),
                new VocabularyAttribute("urn:epcglobal:cbv:mda#address", null, List.of(
                        ExtensionElement.leaf(new QName("http://example.com/ext1/", "street", "ext1"), "1 Main St"),
                        ExtensionElement.leaf(new QName("inner"), "unqualified")))),
                List.of("urn:epc:id:sgln:030001.111111.1"), List.of());
        EpcisDocumentInfo document = new EpcisDocumentInfo()
                .setSchemaVersion("1.2")
                .setCreationDate("2023-04-01T08:45:16Z")
                .setHeader(new EpcisHeader(header, List.of(new Vocabulary("urn:epcglobal:epcis:vtype:EPCClass",
                        List.of(product), List.of())), List.of()));
        document.getNamespaces().put("epcis", EpcisNamespaces.EPCIS_1_2);
        document.getNamespaces().put("cbvmda", DSCSA_MDA);
        document.getNamespaces().put("gs1ushc", EpcisNamespaces.GS1_US_HEALTHCARE);
        document.getNamespaces().put("xsi", "http://www.w3.org/2001/XMLSchema-instance");
        return document;
    }

    private static EpcisEvent commissioning() {
        EpcisEvent event = new EpcisEvent(EventType.OBJECT_EVENT)
                .setEventTime("2023-03-27T08:00:00Z")
                .setEventTimeZoneOffset("-05:00")
                .setAction(Action.ADD)
                .setBizStep("urn:epcglobal:cbv:bizstep:commissioning")
                .setDisposition("urn:epcglobal:cbv:disp:active")
                .setReadPoint(Location.of("urn:epc:id:sgln:030001.111111.0"))
                .setIlmd(List.of(
                        ExtensionElement.leaf(new QName(DSCSA_MDA, "lotNumber", "cbvmda"), "A123"),
                        ExtensionElement.leaf(new QName(DSCSA_MDA, "itemExpirationDate", "cbvmda"), "2025-03-27")));
        event.getEpcList().add("urn:epc:id:sgtin:030001.0012345.10000001001");
        event.getBizTransactionList().add(new BizTransaction("urn:epcglobal:cbv:btt:po", "urn:epc:id:gdti:030001.00001.1"));
        Map<QName, String> report = new LinkedHashMap<>();
        report.put(new QName("type"), "gs1:Temperature");
        report.put(new QName("value"), "26.0");
        report.put(new QName("booleanValue"), "true");
        report.put(new QName("minValue"), "INF");
        report.put(new QName("component"), "https://ref.gs1.org/cbv/Comp-x");
        report.put(new QName("http://example.com/sensor/", "note", "sn"), "checked");
        event.getSensorElementList().add(new SensorElement(Map.of(), List.of(report), List.of()));
        event.getExtensions().add(ExtensionElement.complex(new QName(EpcisNamespaces.GS1_US_HEALTHCARE,
                "transactionStatement", "gs1ushc"), List.of(ExtensionElement.leaf(
                new QName(EpcisNamespaces.GS1_US_HEALTHCARE, "affirmTransactionStatement", "gs1ushc"), "true"))));
        return event;
    }

    private static String write(EpcisDocumentInfo document, boolean pretty, EpcisEvent... events) {
        return JsonLdTestSupport.write(new ReadDocument(document, List.of(events)), pretty);
    }

    @Test
    void anXmlSourcesHeaderMasterDataAndExtensionsSurviveARoundTrip() {
        ReadDocument original = new ReadDocument(dscsaLikeDocument(), List.of(commissioning()));

        String json = JsonLdTestSupport.write(original, true);
        ReadDocument again = JsonLdTestSupport.read(json);

        assertThat(json).contains("\"sbdh\" : \"" + SBDH + "\"")
                .contains("\"sbdh:StandardBusinessDocumentHeader\" : {")
                .contains("\"@attributes\" : {\n")
                .contains("\"Authority\" : \"GS1\"")
                .contains("\"epcisMasterData\" : {");
        assertThat(again.document().getHeader()).isEqualTo(original.document().getHeader());
        assertThat(again.events().get(0).getIlmd()).isEqualTo(original.events().get(0).getIlmd());
        assertThat(again.events().get(0).getExtensions()).isEqualTo(original.events().get(0).getExtensions());
    }

    @Test
    void theCbvMasterDataNamespaceIsWrittenWithTheStandardPrefixAndXmlOnlyNamespacesAreDropped() {
        // XML's urn:epcglobal:cbv:mda is the standard context's cbvmda (urn:epcglobal:cbv:mda:), not a new prefix
        String json = write(dscsaLikeDocument(), false, commissioning());

        assertThat(json).doesNotContain(EpcisNamespaces.EPCIS_1_2)
                .doesNotContain("\"cbvmda1\"")
                .contains("\"cbvmda:lotNumber\":\"A123\"")
                .contains("\"gs1ushc:transactionStatement\"");
    }

    @Test
    void aNamespaceFirstMetInAnEventIsDeclaredInThatEvent() {
        String json = write(dscsaLikeDocument(), false, commissioning(), commissioning());

        int firstEvent = json.indexOf("\"type\":\"ObjectEvent\"");
        assertThat(json.indexOf("\"sn\":\"http://example.com/sensor/\"")).isGreaterThan(firstEvent);
        assertThat(json).contains("\"sn:note\":\"checked\"");
        assertThat(JsonLdTestSupport.read(json).events()).hasSize(2);
    }

    @Test
    void valuesGoBackToJsonLdSpellingAndTypes() {
        String json = write(new EpcisDocumentInfo(), false, commissioning());

        assertThat(json).contains("\"bizStep\":\"commissioning\"", "\"disposition\":\"active\"",
                "{\"type\":\"po\",\"bizTransaction\":", "\"type\":\"Temperature\"", "\"value\":26.0",
                "\"booleanValue\":true", "\"minValue\":\"INF\"", "\"component\":\"x\"");
    }

    @Test
    void eventMembersComeInTheStandardExamplesOrder() {
        String json = write(new EpcisDocumentInfo(), false, commissioning());

        assertThat(json).containsSubsequence("\"type\":\"ObjectEvent\"", "\"eventTime\"", "\"eventTimeZoneOffset\"",
                "\"epcList\"", "\"action\"", "\"bizStep\"", "\"disposition\"", "\"readPoint\"",
                "\"bizTransactionList\"", "\"sensorElementList\"", "\"ilmd\"", "\"gs1ushc:transactionStatement\"");
    }

    @Test
    void aQueryDocumentCarriesItsEventsInQueryResults() {
        EpcisDocumentInfo query = new EpcisDocumentInfo().setKind(DocumentKind.EPCIS_QUERY_DOCUMENT)
                .setCreationDate("2024-01-01T00:00:00Z").setQueryName("SimpleEventQuery").setSubscriptionId("sub-1");
        EpcisEvent event = new EpcisEvent(EventType.AGGREGATION_EVENT).setEventTime("2024-01-01T10:00:00Z")
                .setEventTimeZoneOffset("+01:00").setAction(Action.ADD)
                .setParentId("urn:epc:id:sscc:0614141.1234567890");
        event.getChildQuantityList().add(new QuantityElement("urn:epc:class:lgtin:4012345.012345.998877",
                new BigDecimal("1E+3"), "KGM"));

        String json = write(query, false, event);
        ReadDocument again = JsonLdTestSupport.read(json);

        assertThat(json).contains("\"epcisBody\":{\"queryResults\":{\"queryName\":\"SimpleEventQuery\","
                + "\"subscriptionID\":\"sub-1\",\"resultsBody\":{\"eventList\":[");
        assertThat(JsonLdTestSupport.schemaProblems(json)).isEmpty();
        assertThat(again.document().getKind()).isEqualTo(DocumentKind.EPCIS_QUERY_DOCUMENT);
        assertThat(again.events().get(0).getChildQuantityList().get(0).quantity()).isEqualTo(new BigDecimal("1E+3"));
    }

    @Test
    void documentExtensionsAddedAfterStartAreWrittenAfterTheBody() {
        EpcisDocumentInfo document = new EpcisDocumentInfo().setCreationDate("2024-01-01T00:00:00Z");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (EpcisJsonLdWriter writer = new EpcisJsonLdWriter(bytes)) {
            writer.start(document);
            writer.write(commissioning());
            document.getExtensions().add(ExtensionElement.leaf(new QName("http://example.com/late/", "note", "l"), "n"));
        }
        String json = bytes.toString(StandardCharsets.UTF_8);

        assertThat(json).endsWith("]},\"http://example.com/late/note\":\"n\"}");
        assertThat(JsonLdTestSupport.read(json).document().getExtensions())
                .containsExactly(ExtensionElement.leaf(new QName("http://example.com/late/", "note"), "n"));
    }

    @Test
    void prettyPrintingIsAnOption() {
        assertThat(write(new EpcisDocumentInfo(), true, commissioning())).contains("\n  \"type\" : \"EPCISDocument\"");
        assertThat(write(new EpcisDocumentInfo(), false, commissioning())).doesNotContain("\n");
    }

    @Test
    void closingTheWriterCompletesTheDocumentButLeavesTheStreamOpen() {
        boolean[] closed = {false};
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (EpcisJsonLdWriter writer = new EpcisJsonLdWriter(new FilterOutputStream(bytes) {
            @Override
            public void close() {
                closed[0] = true;
            }
        })) {
            writer.start(new EpcisDocumentInfo().setCreationDate("2024-01-01T00:00:00Z"));
        }

        assertThat(closed[0]).isFalse();
        assertThat(JsonLdTestSupport.read(bytes.toString(StandardCharsets.UTF_8)).events()).isEmpty();
    }

    @Test
    void manyEventsStreamThroughOneAtATime() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (EpcisJsonLdWriter writer = new EpcisJsonLdWriter(bytes)) {
            writer.start(new EpcisDocumentInfo().setCreationDate("2024-01-01T00:00:00Z"));
            for (int i = 0; i < 2_000; i++) {
                writer.write(commissioning().setEventId("urn:uuid:00000000-0000-0000-0000-" + String.format("%012d", i)));
            }
        }
        try (EpcisJsonLdReader reader = new EpcisJsonLdReader(JsonLdTestSupport.utf8(
                bytes.toString(StandardCharsets.UTF_8)))) {
            long count = 0;
            while (reader.hasNext()) {
                assertThat(reader.next().getEventId()).endsWith(String.format("%012d", count));
                count++;
            }
            assertThat(count).isEqualTo(2_000);
            assertThat(reader.eventIndex()).isEqualTo(1_999);
        }
    }
}
