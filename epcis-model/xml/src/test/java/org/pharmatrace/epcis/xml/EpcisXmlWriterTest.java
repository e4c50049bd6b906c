package org.pharmatrace.epcis.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.pharmatrace.epcis.cbv.EpcisNamespaces;
import org.pharmatrace.epcis.io.EpcisFormat;
import org.pharmatrace.epcis.io.EpcisFormatException;
import org.pharmatrace.epcis.model.Action;
import org.pharmatrace.epcis.model.BizTransaction;
import org.pharmatrace.epcis.model.DocumentKind;
import org.pharmatrace.epcis.model.EpcisDocumentInfo;
import org.pharmatrace.epcis.model.EpcisEvent;
import org.pharmatrace.epcis.model.EpcisHeader;
import org.pharmatrace.epcis.model.ErrorDeclaration;
import org.pharmatrace.epcis.model.EventType;
import org.pharmatrace.epcis.model.ExtensionElement;
import org.pharmatrace.epcis.model.Location;
import org.pharmatrace.epcis.model.PersistentDisposition;
import org.pharmatrace.epcis.model.QuantityElement;
import org.pharmatrace.epcis.model.SensorElement;
import org.pharmatrace.epcis.model.SourceDestination;
import org.pharmatrace.epcis.model.Vocabulary;
import org.pharmatrace.epcis.model.VocabularyAttribute;
import org.pharmatrace.epcis.model.VocabularyElement;
import org.xml.sax.SAXException;
import org.xmlunit.assertj3.XmlAssert;

class EpcisXmlWriterTest {

    private static final String EXAMPLE = "http://ns.example.com/epcis";
    private static final Map<String, String> NS12 = Map.of("epcis", EpcisNamespaces.EPCIS_1_2);
    private static final Map<String, String> NS20 = Map.of("epcis", EpcisNamespaces.EPCIS_2_0, "example", EXAMPLE);

    static EpcisEvent base(EventType type) {
        return new EpcisEvent(type).setEventTime("2024-03-01T10:00:00.000+01:00").setEventTimeZoneOffset("+01:00");
    }

    /** An event of every type, each with the fields EPCIS 2.0 added or moved. */
    static List<EpcisEvent> everyEventType() {
        Map<QName, String> report = new LinkedHashMap<>();
        report.put(new QName("type"), "https://gs1.org/voc/Temperature");
        report.put(new QName("value"), "4.5");
        report.put(new QName("uom"), "CEL");
        report.put(new QName(EXAMPLE, "probe", "example"), "P1");
        SensorElement sensor = new SensorElement(Map.of(new QName("time"), "2024-03-01T09:59:00Z"), List.of(report), List.of());

        EpcisEvent object = base(EventType.OBJECT_EVENT).setAction(Action.ADD).setEventId("urn:uuid:1")
                .setBizStep("urn:epcglobal:cbv:bizstep:commissioning").setDisposition("urn:epcglobal:cbv:disp:active")
                .setReadPoint(Location.of("urn:epc:id:sgln:0614141.00777.0"))
                .setPersistentDisposition(new PersistentDisposition(List.of("urn:epcglobal:cbv:disp:completeness_verified"), List.of()))
                .setErrorDeclaration(new ErrorDeclaration("2024-03-02T00:00:00Z", "urn:epcglobal:cbv:er:incorrect_data",
                        List.of("urn:uuid:2"), List.of()));
        object.getEpcList().add("urn:epc:id:sgtin:0614141.107346.2017");
        object.getQuantityList().add(new QuantityElement("urn:epc:class:lgtin:4012345.012345.998877", new BigDecimal("200.5"), "KGM"));
        object.getCertificationInfo().add("https://cert.example.com/1");
        object.getSensorElementList().add(sensor);
        object.setIlmd(List.of(ExtensionElement.leaf(new QName(EpcisNamespaces.CBV_MASTER_DATA_ATTRIBUTES, "lotNumber", "cbvmda"), "L1")));
        object.getExtensions().add(ExtensionElement.leaf(new QName(EXAMPLE, "note", "example"), "fragile"));

        EpcisEvent aggregation = base(EventType.AGGREGATION_EVENT).setAction(Action.ADD)
                .setParentId("urn:epc:id:sscc:0614141.1234567890");
        aggregation.getChildEpcs().add("urn:epc:id:sgtin:0614141.107346.2017");
        aggregation.getSensorElementList().add(sensor);

        EpcisEvent transaction = base(EventType.TRANSACTION_EVENT).setAction(Action.OBSERVE);
        transaction.getBizTransactionList().add(new BizTransaction("urn:epcglobal:cbv:btt:po", "urn:epcglobal:cbv:bt:0614141000005:PO1"));
        transaction.getSourceList().add(new SourceDestination("urn:epcglobal:cbv:sdt:owning_party", "urn:epc:id:pgln:0614141.00000"));
        transaction.setPersistentDisposition(new PersistentDisposition(List.of(), List.of("urn:epcglobal:cbv:disp:completeness_inferred")));

        EpcisEvent transformation = base(EventType.TRANSFORMATION_EVENT).setTransformationId("urn:x:t1");
        transformation.getInputEpcList().add("urn:epc:id:sgtin:0614141.107346.1");
        transformation.getOutputQuantityList().add(new QuantityElement("urn:epc:class:lgtin:4012345.012345.2", null, "KGM"));
        transformation.getSensorElementList().add(sensor);

        EpcisEvent association = base(EventType.ASSOCIATION_EVENT).setAction(Action.ADD).setEventId("urn:uuid:3")
                .setParentId("urn:epc:id:grai:4012345.55555.987");
        association.getChildEpcs().add("urn:epc:id:giai:4000001.12345");
        association.getCertificationInfo().add("https://cert.example.com/2");
        association.getSensorElementList().add(sensor);
        return List.of(object, aggregation, transaction, transformation, association);
    }

    static byte[] write(EpcisFormat version, EpcisDocumentInfo info, List<EpcisEvent> events) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (EpcisXmlWriter writer = new EpcisXmlWriter(out, version)) {
            writer.start(info);
            events.forEach(writer::write);
        }
        return out.toByteArray();
    }

    static List<EpcisEvent> read(byte[] xml) {
        List<EpcisEvent> events = new ArrayList<>();
        try (EpcisXmlReader reader = new EpcisXmlReader(new ByteArrayInputStream(xml))) {
            reader.forEachRemaining(events::add);
        }
        return events;
    }

    @Nested
    class Epcis20 {

        @Test
        void whenEveryEventTypeIsWrittenThenTheDocumentIsValidAndReadsBackTheSame() throws SAXException {
            byte[] xml = write(EpcisFormat.XML_2_0, new EpcisDocumentInfo(), everyEventType());

            XmlRoundTrip.validate(xml, EpcisFormat.XML_2_0);
            List<EpcisEvent> back = read(xml);
            assertThat(back).usingRecursiveFieldByFieldElementComparator().isEqualTo(everyEventType());
        }

        @Test
        void whenWrittenThenPrefixesAreEpcisCbvmdaAndTheSourcesOwn() {
            EpcisDocumentInfo info = new EpcisDocumentInfo().setCreationDate("2024-03-01T00:00:00Z");
            info.getNamespaces().put("example", EXAMPLE);
            info.getNamespaces().put("epcis", EpcisNamespaces.EPCIS_1_2);
            String xml = new String(write(EpcisFormat.XML_2_0, info, everyEventType().subList(0, 1)), StandardCharsets.UTF_8);

            assertThat(xml).startsWith("<?xml version='1.0' encoding='UTF-8'?><epcis:EPCISDocument xmlns:epcis=\"urn:epcglobal:epcis:xsd:2\"")
                    .contains("xmlns:cbvmda=\"urn:epcglobal:cbv:mda\"", "xmlns:example=\"" + EXAMPLE + "\"",
                            "<cbvmda:lotNumber>L1</cbvmda:lotNumber>", "<example:note>fragile</example:note>",
                            "creationDate=\"2024-03-01T00:00:00Z\"")
                    .doesNotContain("urn:epcglobal:epcis:xsd:1", "ns1:");
        }

        @Test
        void whenAQueryDocumentIsWrittenThenItIsValidQueryResults() throws SAXException {
            EpcisDocumentInfo info = new EpcisDocumentInfo().setKind(DocumentKind.EPCIS_QUERY_DOCUMENT).setSubscriptionId("s1");
            byte[] xml = write(EpcisFormat.XML_2_0, info, everyEventType());

            XmlRoundTrip.validate(xml, EpcisFormat.XML_2_0);
            XmlAssert.assertThat(xml).withNamespaceContext(Map.of("q", EpcisNamespaces.EPCIS_QUERY_2_0))
                    .valueByXPath("/q:EPCISQueryDocument/EPCISBody/q:QueryResults/queryName").isEqualTo("SimpleEventQuery");
        }

        @Test
        void whenAnExtensionHasNoNamespaceThenWritingFailsNamingIt() {
            EpcisEvent event = everyEventType().get(0);
            event.getExtensions().add(ExtensionElement.leaf(new QName("madeUpField"), "x"));

            assertThatThrownBy(() -> write(EpcisFormat.XML_2_0, new EpcisDocumentInfo(), List.of(event)))
                    .isInstanceOf(EpcisFormatException.class)
                    .hasMessageContaining("event #0 (ObjectEvent)").hasMessageContaining("<madeUpField>")
                    .satisfies(e -> assertThat(((EpcisFormatException) e).eventIndex()).isZero());
        }

        @Test
        void whenAFieldDoesNotBelongToTheEventTypeThenWritingFails() {
            EpcisEvent event = base(EventType.OBJECT_EVENT).setAction(Action.ADD);
            event.getChildEpcs().add("urn:epc:id:sgtin:0614141.107346.1");

            assertThatThrownBy(() -> write(EpcisFormat.XML_2_0, new EpcisDocumentInfo(), List.of(event)))
                    .hasMessageContaining("ObjectEvent cannot carry childEPCs");
        }

        @Test
        void whenARequiredFieldIsMissingThenWritingFails() {
            assertThatThrownBy(() -> write(EpcisFormat.XML_2_0, new EpcisDocumentInfo(), List.of(base(EventType.AGGREGATION_EVENT))))
                    .hasMessageContaining("AggregationEvent lacks action");
        }

        @Test
        void whenTwoCertificationsAreGivenThen20Refuses() {
            EpcisEvent event = everyEventType().get(0);
            event.getCertificationInfo().add("https://cert.example.com/other");

            assertThatThrownBy(() -> write(EpcisFormat.XML_2_0, new EpcisDocumentInfo(), List.of(event)))
                    .hasMessageContaining("at most one certificationInfo");
        }

        @Test
        void whenNothingIsWrittenThenCloseStillCompletesAValidDocument() throws SAXException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new EpcisXmlWriter(out).close();

            XmlRoundTrip.validate(out.toByteArray(), EpcisFormat.XML_2_0);
        }

        @Test
        void whenWritingBeforeStartThenItIsAnError() {
            EpcisXmlWriter writer = new EpcisXmlWriter(new ByteArrayOutputStream());

            assertThatThrownBy(() -> writer.write(everyEventType().get(0))).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> new EpcisXmlWriter(new ByteArrayOutputStream(), EpcisFormat.JSON_LD))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Epcis12 {

        @Test
        void whenEveryEventTypeIsWrittenThenTheDocumentIsValidAndReadsBackTheSame() throws SAXException {
            byte[] xml = write(EpcisFormat.XML_1_2, new EpcisDocumentInfo(), everyEventType());

            XmlRoundTrip.validate(xml, EpcisFormat.XML_1_2);
            assertThat(read(xml)).usingRecursiveFieldByFieldElementComparator().isEqualTo(everyEventType());
        }

        @Test
        void whenFieldsAreNewIn20ThenTheyGoInThe12ExtensionWrappers() {
            byte[] xml = write(EpcisFormat.XML_1_2, new EpcisDocumentInfo(), everyEventType());

            XmlAssert.assertThat(xml).withNamespaceContext(NS12).hasXPath(
                    "/epcis:EPCISDocument/EPCISBody/EventList/ObjectEvent/baseExtension[eventID='urn:uuid:1']/errorDeclaration");
            XmlAssert.assertThat(xml).withNamespaceContext(NS12).hasXPath(
                    "/epcis:EPCISDocument/EPCISBody/EventList/ObjectEvent/baseExtension/extension/certificationInfo");
            XmlAssert.assertThat(xml).withNamespaceContext(NS12).hasXPath(
                    "/epcis:EPCISDocument/EPCISBody/EventList/ObjectEvent/extension/quantityList");
            XmlAssert.assertThat(xml).withNamespaceContext(NS12).hasXPath(
                    "/epcis:EPCISDocument/EPCISBody/EventList/ObjectEvent/extension/ilmd");
            XmlAssert.assertThat(xml).withNamespaceContext(NS12).hasXPath(
                    "/epcis:EPCISDocument/EPCISBody/EventList/ObjectEvent/extension/extension/sensorElementList");
            XmlAssert.assertThat(xml).withNamespaceContext(NS12).hasXPath(
                    "/epcis:EPCISDocument/EPCISBody/EventList/TransactionEvent/extension/extension/persistentDisposition");
            XmlAssert.assertThat(xml).withNamespaceContext(NS12).hasXPath(
                    "/epcis:EPCISDocument/EPCISBody/EventList/extension/TransformationEvent/extension/sensorElementList");
        }

        @Test
        void whenAnAssociationEventIsWrittenThenItGoesInTheEventListExtensionOfExtension() {
            byte[] xml = write(EpcisFormat.XML_1_2, new EpcisDocumentInfo(), everyEventType().subList(4, 5));

            XmlAssert.assertThat(xml).withNamespaceContext(NS12).hasXPath(
                    "/epcis:EPCISDocument/EPCISBody/EventList/extension/extension/AssociationEvent"
                            + "[baseExtension/eventID='urn:uuid:3'][parentID][sensorElementList]");
        }

        @Test
        void whenTheHeaderHasMasterDataButNoSbdhThen12Refuses() {
            EpcisDocumentInfo info = new EpcisDocumentInfo().setHeader(new EpcisHeader(null, List.of(new Vocabulary(
                    "urn:epcglobal:epcis:vtype:Location", List.of(new VocabularyElement("urn:epc:id:sgln:0614141.00777.0",
                    List.of(VocabularyAttribute.of("urn:epcglobal:cbv:mda#name", "DC")), List.of(), List.of())), List.of())),
                    List.of()));

            assertThatThrownBy(() -> write(EpcisFormat.XML_1_2, info, List.of()))
                    .isInstanceOf(EpcisFormatException.class)
                    .hasMessageContaining("requires a StandardBusinessDocumentHeader");
            assertThat(write(EpcisFormat.XML_2_0, info, List.of())).isNotEmpty();
        }
    }
}
