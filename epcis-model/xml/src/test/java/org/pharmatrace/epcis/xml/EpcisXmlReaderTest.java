package org.pharmatrace.epcis.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.pharmatrace.epcis.io.EpcisFormat;
import org.pharmatrace.epcis.io.EpcisFormatException;
import org.pharmatrace.epcis.model.DocumentKind;
import org.pharmatrace.epcis.model.EpcisEvent;
import org.pharmatrace.epcis.model.EventType;
import org.pharmatrace.epcis.model.ExtensionElement;
import org.pharmatrace.epcis.model.QuantityElement;
import org.pharmatrace.epcis.model.SensorElement;

class EpcisXmlReaderTest {

    static final String EPCIS_20 = "<epcis:EPCISDocument xmlns:epcis=\"urn:epcglobal:epcis:xsd:2\""
            + " xmlns:example=\"http://ns.example.com/epcis\" schemaVersion=\"2.0\" creationDate=\"2024-01-01T00:00:00Z\">"
            + "<EPCISBody><EventList>%s</EventList></EPCISBody></epcis:EPCISDocument>";
    static final String EPCIS_12 = "<epcis:EPCISDocument xmlns:epcis=\"urn:epcglobal:epcis:xsd:1\""
            + " schemaVersion=\"1.2\" creationDate=\"2024-01-01T00:00:00Z\"><EPCISBody><EventList>%s</EventList></EPCISBody>"
            + "</epcis:EPCISDocument>";
    static final String WHEN = "<eventTime>2024-01-01T10:00:00.000+01:00</eventTime><eventTimeZoneOffset>+01:00</eventTimeZoneOffset>";

    static EpcisXmlReader reader(String xml) {
        return new EpcisXmlReader(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    static List<EpcisEvent> events(String xml) {
        List<EpcisEvent> events = new ArrayList<>();
        try (EpcisXmlReader reader = reader(xml)) {
            reader.forEachRemaining(events::add);
        }
        return events;
    }

    static EpcisEvent only(String xml) {
        List<EpcisEvent> events = events(xml);
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    @Nested
    class Envelope {

        @Test
        void whenOpenedThenDocumentInfoIsAvailableBeforeTheFirstEvent() {
            try (EpcisXmlReader reader = reader(EPCIS_20.formatted("<ObjectEvent>" + WHEN + "<action>OBSERVE</action></ObjectEvent>"))) {
                assertThat(reader.format()).isEqualTo(EpcisFormat.XML_2_0);
                assertThat(reader.document().getKind()).isEqualTo(DocumentKind.EPCIS_DOCUMENT);
                assertThat(reader.document().getCreationDate()).isEqualTo("2024-01-01T00:00:00Z");
                assertThat(reader.document().getSchemaVersion()).isEqualTo("2.0");
                assertThat(reader.document().getNamespaces())
                        .containsEntry("epcis", "urn:epcglobal:epcis:xsd:2")
                        .containsEntry("example", "http://ns.example.com/epcis");
                assertThat(reader.eventIndex()).isEqualTo(-1);
                assertThat(reader.hasNext()).isTrue();
                assertThat(reader.hasNext()).isTrue();
                reader.next();
                assertThat(reader.eventIndex()).isZero();
                assertThat(reader.hasNext()).isFalse();
                assertThatThrownBy(reader::next).isInstanceOf(NoSuchElementException.class);
            }
        }

        @Test
        void whenQueryResultsThenQueryNameSubscriptionAndEventsAreRead() {
            String query = "<epcisq:EPCISQueryDocument xmlns:epcisq=\"urn:epcglobal:epcis-query:xsd:2\" schemaVersion=\"2.0\""
                    + " creationDate=\"2024-01-01T00:00:00Z\"><EPCISBody><epcisq:QueryResults><queryName>SimpleEventQuery</queryName>"
                    + "<subscriptionID>sub-1</subscriptionID><resultsBody><EventList>"
                    + "<ObjectEvent>" + WHEN + "<action>OBSERVE</action></ObjectEvent>"
                    + "<AggregationEvent>" + WHEN + "<action>ADD</action></AggregationEvent>"
                    + "</EventList></resultsBody></epcisq:QueryResults></EPCISBody></epcisq:EPCISQueryDocument>";
            try (EpcisXmlReader reader = reader(query)) {
                assertThat(reader.document().getKind()).isEqualTo(DocumentKind.EPCIS_QUERY_DOCUMENT);
                assertThat(reader.document().getQueryName()).isEqualTo("SimpleEventQuery");
                assertThat(reader.document().getSubscriptionId()).isEqualTo("sub-1");
                List<EpcisEvent> events = new ArrayList<>();
                reader.forEachRemaining(events::add);
                assertThat(events).extracting(EpcisEvent::getType)
                        .containsExactly(EventType.OBJECT_EVENT, EventType.AGGREGATION_EVENT);
            }
        }

        @Test
        void whenQueryResultsContentSitsDirectlyUnderTheRootThenItsEventsAreRead() {
            String query = "<epcisq:EPCISQueryDocument xmlns:epcisq=\"urn:epcglobal:epcis-query:xsd:2\" schemaVersion=\"2.0\""
                    + " xmlns:x=\"https://repository-x.example.com/\"><x:ignoreFields/><queryName>SimpleEventQuery</queryName>"
                    + "<resultsBody><EventList><ObjectEvent>" + WHEN + "<action>OBSERVE</action></ObjectEvent>"
                    + "<ObjectEvent>" + WHEN + "<action>ADD</action></ObjectEvent></EventList></resultsBody>"
                    + "</epcisq:EPCISQueryDocument>";
            try (EpcisXmlReader reader = reader(query)) {
                assertThat(reader.document().getQueryName()).isEqualTo("SimpleEventQuery");
                assertThat(reader.document().getExtensions()).extracting(x -> x.name().getLocalPart())
                        .containsExactly("ignoreFields");
                List<EpcisEvent> events = new ArrayList<>();
                reader.forEachRemaining(events::add);
                assertThat(events).extracting(e -> e.getAction().name()).containsExactly("OBSERVE", "ADD");
            }
        }

        @Test
        void whenQueryResultsAreEmptyThenThereAreNoEventsAndNoError() {
            assertThat(events("<epcisq:EPCISQueryDocument xmlns:epcisq=\"urn:epcglobal:epcis-query:xsd:2\"><EPCISBody>"
                    + "<epcisq:QueryResults><queryName>SimpleEventQuery</queryName><resultsBody><EventList/></resultsBody>"
                    + "</epcisq:QueryResults></EPCISBody></epcisq:EPCISQueryDocument>")).isEmpty();
        }

        @Test
        void whenAQueryDocumentHasNoResultsWhereTheReaderLooksThenItSaysWhatItFound() {
            assertThatThrownBy(() -> events("<epcisq:EPCISQueryDocument xmlns:epcisq=\"urn:epcglobal:epcis-query:xsd:2\">"
                    + "<epcisq:results><EventList><ObjectEvent>" + WHEN + "<action>ADD</action></ObjectEvent></EventList>"
                    + "</epcisq:results><EPCISBody/></epcisq:EPCISQueryDocument>"))
                    .isInstanceOf(EpcisFormatException.class)
                    .hasMessageContaining("EPCISQueryDocument has no query results")
                    .hasMessageContaining("<epcisq:results>, <EPCISBody>");
        }

        @Test
        void whenQueryResultsLackAResultsBodyThenTheDocumentIsRefused() {
            assertThatThrownBy(() -> events("<epcisq:EPCISQueryDocument xmlns:epcisq=\"urn:epcglobal:epcis-query:xsd:2\">"
                    + "<EPCISBody><epcisq:QueryResults><queryName>SimpleEventQuery</queryName><EventList/></epcisq:QueryResults>"
                    + "</EPCISBody></epcisq:EPCISQueryDocument>"))
                    .isInstanceOf(EpcisFormatException.class)
                    .hasMessageContaining("EPCISBody/QueryResults/<queryName>, EPCISBody/QueryResults/<EventList>");
        }

        @Test
        void whenRootIsNotAnEpcisDocumentThenItIsRefusedByName() {
            assertThatThrownBy(() -> reader("<ObjectEvent/>"))
                    .hasMessageContaining("root element {}ObjectEvent")
                    .hasMessageContaining("not an EPCIS 2.0 or 1.2 EPCISDocument or EPCISQueryDocument");
        }
    }

    @Nested
    class Epcis20Events {

        @Test
        void whenCbvTermsComeAsWebUrisOrBareNamesThenTheyAreStoredAsUrns() {
            EpcisEvent e = only(EPCIS_20.formatted("<ObjectEvent>" + WHEN + "<action>OBSERVE</action>"
                    + "<bizStep>https://ref.gs1.org/cbv/BizStep-shipping</bizStep><disposition>in_transit</disposition>"
                    + "<bizTransactionList><bizTransaction type=\"https://ref.gs1.org/cbv/BTT-po\">urn:epcglobal:cbv:bt:0614141000005:PO1"
                    + "</bizTransaction></bizTransactionList>"
                    + "<sourceList><source type=\"owning_party\">urn:epc:id:pgln:0614141.00000</source></sourceList>"
                    + "<destinationList><destination type=\"https://example.com/my-type\">urn:epc:id:pgln:0614141.00001</destination>"
                    + "</destinationList></ObjectEvent>"));

            assertThat(e.getBizStep()).isEqualTo("urn:epcglobal:cbv:bizstep:shipping");
            assertThat(e.getDisposition()).isEqualTo("urn:epcglobal:cbv:disp:in_transit");
            assertThat(e.getBizTransactionList().get(0).type()).isEqualTo("urn:epcglobal:cbv:btt:po");
            assertThat(e.getSourceList().get(0).type()).isEqualTo("urn:epcglobal:cbv:sdt:owning_party");
            assertThat(e.getDestinationList().get(0).type()).as("custom URI unchanged").isEqualTo("https://example.com/my-type");
        }

        @Test
        void whenAllFieldsArePresentThenEveryOneReachesTheModel() {
            EpcisEvent e = only(EPCIS_20.formatted("<ObjectEvent>" + WHEN + "<eventID>urn:uuid:1</eventID>"
                    + "<errorDeclaration><declarationTime>2024-02-01T00:00:00Z</declarationTime><reason>incorrect_data</reason>"
                    + "<correctiveEventIDs><correctiveEventID>urn:uuid:2</correctiveEventID></correctiveEventIDs></errorDeclaration>"
                    + "<certificationInfo>https://cert.example.com/1</certificationInfo>"
                    + "<epcList><epc> urn:epc:id:sgtin:0614141.107346.2017 </epc></epcList><action>ADD</action>"
                    + "<readPoint><id>urn:epc:id:sgln:0614141.00777.0</id></readPoint>"
                    + "<quantityList><quantityElement><epcClass>urn:epc:class:lgtin:4012345.012345.998877</epcClass>"
                    + "<quantity>200.50</quantity><uom>KGM</uom></quantityElement></quantityList>"
                    + "<sensorElementList><sensorElement><sensorMetadata time=\"2024-01-01T09:00:00Z\" example:batch=\"7\"/>"
                    + "<sensorReport type=\"gs1:Temperature\" value=\"26.0\" uom=\"CEL\"/></sensorElement></sensorElementList>"
                    + "<persistentDisposition><set>completeness_verified</set></persistentDisposition>"
                    + "<ilmd><example:lot>L1</example:lot></ilmd>"
                    + "</ObjectEvent>"));

            assertThat(e.getEventId()).isEqualTo("urn:uuid:1");
            assertThat(e.getErrorDeclaration().reason()).isEqualTo("urn:epcglobal:cbv:er:incorrect_data");
            assertThat(e.getErrorDeclaration().correctiveEventIds()).containsExactly("urn:uuid:2");
            assertThat(e.getCertificationInfo()).containsExactly("https://cert.example.com/1");
            assertThat(e.getEpcList()).containsExactly("urn:epc:id:sgtin:0614141.107346.2017");
            assertThat(e.getQuantityList()).containsExactly(
                    new QuantityElement("urn:epc:class:lgtin:4012345.012345.998877", new BigDecimal("200.50"), "KGM"));
            SensorElement sensor = e.getSensorElementList().get(0);
            assertThat(sensor.metadata()).containsEntry(new QName("time"), "2024-01-01T09:00:00Z")
                    .containsEntry(new QName("http://ns.example.com/epcis", "batch"), "7");
            assertThat(sensor.reports().get(0)).containsEntry(new QName("value"), "26.0").containsEntry(new QName("uom"), "CEL");
            assertThat(e.getPersistentDisposition().set()).containsExactly("urn:epcglobal:cbv:disp:completeness_verified");
            assertThat(e.getIlmd()).singleElement().satisfies(lot -> assertThat(lot.text()).isEqualTo("L1"));
        }

        @Test
        void whenUserExtensionsAreNestedThenTheyAreKeptLosslessly() {
            EpcisEvent e = only(EPCIS_20.formatted("<ObjectEvent>" + WHEN + "<action>OBSERVE</action>"
                    + "<example:shipment example:id=\"S1\" code=\"X\"><example:carrier>ACME &amp; Co</example:carrier>"
                    + "<other:leg xmlns:other=\"urn:other\">1</other:leg></example:shipment>"
                    + "<extension><example:future/></extension></ObjectEvent>"));

            ExtensionElement shipment = e.getExtensions().stream()
                    .filter(x -> x.name().getLocalPart().equals("shipment")).findFirst().orElseThrow();
            assertThat(shipment.name()).isEqualTo(new QName("http://ns.example.com/epcis", "shipment"));
            assertThat(shipment.name().getPrefix()).isEqualTo("example");
            assertThat(shipment.attributes()).containsEntry(new QName("http://ns.example.com/epcis", "id"), "S1")
                    .containsEntry(new QName("code"), "X");
            assertThat(shipment.child("http://ns.example.com/epcis", "carrier").text()).isEqualTo("ACME & Co");
            assertThat(shipment.child("urn:other", "leg").name().getPrefix()).isEqualTo("other");
            ExtensionElement wrapper = ExtensionSlots.find(e.getExtensions(), "extension");
            assertThat(wrapper.children()).extracting(x -> x.name().getLocalPart()).containsExactly("future");
        }

        @Test
        void whenFieldsSitInEpcis1xExtensionWrappersThenTheyAreReadAsThe20Fields() {
            EpcisEvent e = only(EPCIS_20.formatted("<ObjectEvent>" + WHEN
                    + "<baseExtension><eventID>urn:uuid:9</eventID><errorDeclaration><declarationTime>2024-02-01T00:00:00Z"
                    + "</declarationTime><reason>did_not_occur</reason></errorDeclaration></baseExtension>"
                    + "<epcList/><action>ADD</action><extension>"
                    + "<quantityList><quantityElement><epcClass>urn:epc:class:lgtin:4054739.099961.2015-03-30a</epcClass>"
                    + "<quantity>150</quantity><uom>KGM</uom></quantityElement></quantityList>"
                    + "<sourceList><source type=\"urn:epcglobal:cbv:sdt:location\">urn:epc:id:sgln:4012345.00001.0</source></sourceList>"
                    + "<ilmd><example:lot>A1</example:lot></ilmd>"
                    + "<extension><persistentDisposition><set>completeness_verified</set></persistentDisposition></extension>"
                    + "</extension><example:testField4>ABCD</example:testField4></ObjectEvent>"));

            assertThat(e.getEventId()).isEqualTo("urn:uuid:9");
            assertThat(e.getErrorDeclaration().reason()).isEqualTo("urn:epcglobal:cbv:er:did_not_occur");
            assertThat(e.getQuantityList()).containsExactly(
                    new QuantityElement("urn:epc:class:lgtin:4054739.099961.2015-03-30a", new BigDecimal("150"), "KGM"));
            assertThat(e.getSourceList()).singleElement()
                    .satisfies(s -> assertThat(s.value()).isEqualTo("urn:epc:id:sgln:4012345.00001.0"));
            assertThat(e.getIlmd()).extracting(ExtensionElement::text).containsExactly("A1");
            assertThat(e.getPersistentDisposition().set()).containsExactly("urn:epcglobal:cbv:disp:completeness_verified");
            assertThat(e.getExtensions()).extracting(ExtensionElement::name)
                    .containsExactly(new QName("http://ns.example.com/epcis", "testField4"));
        }

        @Test
        void whenAnAggregationOrTransactionEventHasEpcis1xQuantitiesThenTheyAreItsQuantities() {
            QuantityElement kilos = new QuantityElement("urn:epc:class:lgtin:4012345.012345.1", new BigDecimal("2"), "KGM");
            String quantities = "<quantityElement><epcClass>" + kilos.epcClass() + "</epcClass><quantity>2</quantity>"
                    + "<uom>KGM</uom></quantityElement>";
            List<EpcisEvent> events = events(EPCIS_20.formatted("<AggregationEvent>" + WHEN + "<action>ADD</action>"
                    + "<extension><childQuantityList>" + quantities + "</childQuantityList></extension></AggregationEvent>"
                    + "<TransactionEvent>" + WHEN + "<action>ADD</action>"
                    + "<extension><quantityList>" + quantities + "</quantityList></extension></TransactionEvent>"));

            assertThat(events.get(0).getChildQuantityList()).containsExactly(kilos);
            assertThat(events.get(1).getQuantityList()).containsExactly(kilos);
            assertThat(events).allSatisfy(e -> assertThat(e.getExtensions()).isEmpty());
        }

        @Test
        void whenAnExtensionWrapperHoldsAnythingBut1xFieldsThenItIsKeptAsItIs() {
            List<EpcisEvent> events = events(EPCIS_20.formatted("<ObjectEvent>" + WHEN + "<action>ADD</action>"
                    + "<extension><quantityList/><unknown>1</unknown></extension></ObjectEvent>"
                    + "<ObjectEvent>" + WHEN + "<baseExtension><extension><certificationInfo>https://c.example.com</certificationInfo>"
                    + "</extension></baseExtension><action>ADD</action><extension><childQuantityList/></extension></ObjectEvent>"));

            ExtensionElement mixed = ExtensionSlots.find(events.get(0).getExtensions(), "extension");
            assertThat(mixed.children()).extracting(x -> x.name().getLocalPart()).containsExactly("quantityList", "unknown");
            assertThat(events.get(1).getCertificationInfo()).isEmpty();
            assertThat(events.get(1).getExtensions()).extracting(x -> x.name().getLocalPart())
                    .containsExactly("baseExtension", "extension");
        }

        @Test
        void whenEventContentIsQualifiedWithTheEpcisNamespaceThenItIsStillRead() {
            EpcisEvent e = only(EPCIS_20.formatted("<epcis:ObjectEvent>" + WHEN.replace("<e", "<epcis:e").replace("</e", "</epcis:e")
                    + "<epcis:action>DELETE</epcis:action></epcis:ObjectEvent>"));

            assertThat(e.getEventTime()).isEqualTo("2024-01-01T10:00:00.000+01:00");
            assertThat(e.getAction()).hasToString("DELETE");
        }
    }

    @Nested
    class Epcis12Events {

        @Test
        void whenFieldsSitInExtensionWrappersThenTheyAreLiftedToTheModel() {
            EpcisEvent e = only(EPCIS_12.formatted("<ObjectEvent>" + WHEN
                    + "<baseExtension><eventID>urn:uuid:9</eventID><errorDeclaration><declarationTime>2024-02-01T00:00:00Z"
                    + "</declarationTime><reason>urn:epcglobal:cbv:er:did_not_occur</reason></errorDeclaration>"
                    + "<extension><certificationInfo>https://cert.example.com/2</certificationInfo></extension></baseExtension>"
                    + "<epcList/><action>ADD</action><extension>"
                    + "<quantityList><quantityElement><epcClass>urn:epc:class:lgtin:4012345.012345.1</epcClass></quantityElement></quantityList>"
                    + "<sourceList><source type=\"urn:epcglobal:cbv:sdt:location\">urn:epc:id:sgln:4012345.00001.0</source></sourceList>"
                    + "<ilmd><cbvmda:lotNumber xmlns:cbvmda=\"urn:epcglobal:cbv:mda\">A1</cbvmda:lotNumber></ilmd>"
                    + "<extension><sensorElementList><sensorElement><sensorReport type=\"gs1:Temperature\" value=\"4\"/></sensorElement>"
                    + "</sensorElementList><persistentDisposition><unset>urn:epcglobal:cbv:disp:completeness_inferred</unset>"
                    + "</persistentDisposition></extension></extension></ObjectEvent>"));

            assertThat(e.getEventId()).isEqualTo("urn:uuid:9");
            assertThat(e.getErrorDeclaration().reason()).isEqualTo("urn:epcglobal:cbv:er:did_not_occur");
            assertThat(e.getCertificationInfo()).containsExactly("https://cert.example.com/2");
            assertThat(e.getQuantityList()).containsExactly(new QuantityElement("urn:epc:class:lgtin:4012345.012345.1", null, null));
            assertThat(e.getSourceList()).hasSize(1);
            assertThat(e.getIlmd()).extracting(ExtensionElement::text).containsExactly("A1");
            assertThat(e.getSensorElementList()).hasSize(1);
            assertThat(e.getPersistentDisposition().unset()).containsExactly("urn:epcglobal:cbv:disp:completeness_inferred");
            assertThat(e.getExtensions()).isEmpty();
        }

        @Test
        void whenTransformationAndAssociationSitInEventListExtensionsThenTheyAreRead() {
            List<EpcisEvent> events = events(EPCIS_12.formatted(
                    "<extension><TransformationEvent>" + WHEN + "<transformationID>urn:x:1</transformationID></TransformationEvent></extension>"
                            + "<extension><extension><AssociationEvent>" + WHEN
                            + "<baseExtension><eventID>urn:uuid:3</eventID></baseExtension>"
                            + "<parentID>urn:epc:id:grai:4012345.55555.987</parentID><action>ADD</action></AssociationEvent></extension></extension>"));

            assertThat(events).extracting(EpcisEvent::getType)
                    .containsExactly(EventType.TRANSFORMATION_EVENT, EventType.ASSOCIATION_EVENT);
            assertThat(events.get(0).getTransformationId()).isEqualTo("urn:x:1");
            assertThat(events.get(1).getEventId()).isEqualTo("urn:uuid:3");
            assertThat(events.get(1).getParentId()).isEqualTo("urn:epc:id:grai:4012345.55555.987");
        }

        @Test
        void when12DocumentIsReadThenFormatIs12() {
            try (EpcisXmlReader reader = reader(EPCIS_12.formatted(""))) {
                assertThat(reader.format()).isEqualTo(EpcisFormat.XML_1_2);
                assertThat(reader.document().getSchemaVersion()).isEqualTo("1.2");
                assertThat(reader.hasNext()).isFalse();
            }
        }
    }
}
