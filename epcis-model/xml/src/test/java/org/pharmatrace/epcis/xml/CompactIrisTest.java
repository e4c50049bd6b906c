package org.pharmatrace.epcis.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pharmatrace.epcis.xml.EpcisXmlReaderTest.EPCIS_12;
import static org.pharmatrace.epcis.xml.EpcisXmlReaderTest.WHEN;
import static org.pharmatrace.epcis.xml.EpcisXmlReaderTest.events;
import static org.pharmatrace.epcis.xml.EpcisXmlReaderTest.only;
import static org.pharmatrace.epcis.xml.EpcisXmlWriterTest.base;
import static org.pharmatrace.epcis.xml.EpcisXmlWriterTest.read;
import static org.pharmatrace.epcis.xml.EpcisXmlWriterTest.write;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.pharmatrace.epcis.io.EpcisFormat;
import org.pharmatrace.epcis.model.Action;
import org.pharmatrace.epcis.model.BizTransaction;
import org.pharmatrace.epcis.model.EpcisDocumentInfo;
import org.pharmatrace.epcis.model.EpcisEvent;
import org.pharmatrace.epcis.model.ErrorDeclaration;
import org.pharmatrace.epcis.model.EventType;
import org.pharmatrace.epcis.model.PersistentDisposition;
import org.pharmatrace.epcis.model.SensorElement;
import org.pharmatrace.epcis.model.SourceDestination;
import org.xml.sax.SAXException;

/** Compact IRIs in IRI-valued fields: full IRIs in the model, as from JSON-LD; CURIEs again when written. */
class CompactIrisTest {

    private static final String GS1 = "https://gs1.org/voc/";
    private static final String CBV = "https://ref.gs1.org/cbv/";
    private static final String EXT1 = "http://example.com/ext1/";

    /** An EPCIS 2.0 document whose root declares {@code declarations} (a string of xmlns attributes). */
    private static String document(String declarations, String events) {
        return "<epcis:EPCISDocument xmlns:epcis=\"urn:epcglobal:epcis:xsd:2\" " + declarations
                + " schemaVersion=\"2.0\" creationDate=\"2024-01-01T00:00:00Z\"><EPCISBody><EventList>" + events
                + "</EventList></EPCISBody></epcis:EPCISDocument>";
    }

    private static String sensorEvent(String openTag, String sensorElement) {
        return openTag + WHEN + "<action>OBSERVE</action><sensorElementList><sensorElement>" + sensorElement
                + "</sensorElement></sensorElementList></ObjectEvent>";
    }

    private static Map<QName, String> report(EpcisEvent event) {
        return event.getSensorElementList().get(0).reports().get(0);
    }

    private static String attribute(Map<QName, String> attributes, String name) {
        return attributes.get(new QName(name));
    }

    @Nested
    class WhenReading {

        @Test
        void whenSensorValuesUseGs1AndCbvThenTheModelHasTheirFullIris() {
            EpcisEvent e = only(document("", sensorEvent("<ObjectEvent>",
                    "<sensorReport type=\"gs1:Temperature\" component=\"cbv:Comp-latitude\" exception=\"gs1:ALARM_CONDITION\""
                            + " value=\"4\"/>")));

            assertThat(attribute(report(e), "type")).isEqualTo(GS1 + "Temperature");
            assertThat(attribute(report(e), "component")).isEqualTo(CBV + "Comp-latitude");
            assertThat(attribute(report(e), "exception")).isEqualTo(GS1 + "ALARM_CONDITION");
            assertThat(attribute(report(e), "value")).isEqualTo("4");
        }

        @Test
        void whenCbvFieldsUseCbvCuriesThenStandardTermsBecomeUrnsAndOthersFullIris() {
            EpcisEvent e = only(document("xmlns:cbv=\"https://ref.gs1.org/cbv/\"", "<ObjectEvent>" + WHEN
                    + "<errorDeclaration><declarationTime>2024-02-01T00:00:00Z</declarationTime>"
                    + "<reason>cbv:ER-incorrect_data</reason></errorDeclaration><action>ADD</action>"
                    + "<bizStep>cbv:BizStep-shipping</bizStep><disposition>cbv:Disp-in_progress</disposition>"
                    + "<bizTransactionList><bizTransaction type=\"cbv:BTT-po\">urn:epcglobal:cbv:bt:0614141000005:PO1"
                    + "</bizTransaction></bizTransactionList>"
                    + "<sourceList><source type=\"cbv:SDT-owning_party\">urn:epc:id:pgln:0614141.00000</source></sourceList>"
                    + "<destinationList><destination type=\"cbv:my_own_party\">urn:epc:id:pgln:0614141.00777</destination>"
                    + "</destinationList><persistentDisposition><set>cbv:Disp-completeness_verified</set>"
                    + "</persistentDisposition></ObjectEvent>"));

            assertThat(e.getBizStep()).isEqualTo("urn:epcglobal:cbv:bizstep:shipping");
            assertThat(e.getDisposition()).isEqualTo("urn:epcglobal:cbv:disp:in_progress");
            assertThat(e.getErrorDeclaration().reason()).isEqualTo("urn:epcglobal:cbv:er:incorrect_data");
            assertThat(e.getBizTransactionList().get(0).type()).isEqualTo("urn:epcglobal:cbv:btt:po");
            assertThat(e.getSourceList().get(0).type()).isEqualTo("urn:epcglobal:cbv:sdt:owning_party");
            assertThat(e.getDestinationList().get(0).type()).isEqualTo(CBV + "my_own_party");
            assertThat(e.getPersistentDisposition().set()).containsExactly("urn:epcglobal:cbv:disp:completeness_verified");
        }

        @Test
        void whenAPrefixIsDeclaredThenItsValuesExpandWithTheDeclaredNamespace() {
            EpcisEvent e = only(document("xmlns:ext1=\"" + EXT1 + "\"", "<ObjectEvent>" + WHEN + "<action>ADD</action>"
                    + "<bizStep>ext1:summarising_discharge</bizStep><disposition>ext1:sorted</disposition>"
                    + "<sensorElementList><sensorElement><sensorMetadata deviceID=\"ext1:device-7\" bizRules=\"ext1:rules\"/>"
                    + "<sensorReport type=\"ext1:Radiance\" uriValue=\"ext1:reading\" stringValue=\"ext1:not-an-iri\"/>"
                    + "</sensorElement></sensorElementList></ObjectEvent>"));

            assertThat(e.getBizStep()).isEqualTo(EXT1 + "summarising_discharge");
            assertThat(e.getDisposition()).isEqualTo(EXT1 + "sorted");
            SensorElement sensor = e.getSensorElementList().get(0);
            assertThat(attribute(sensor.metadata(), "deviceID")).isEqualTo(EXT1 + "device-7");
            assertThat(attribute(sensor.metadata(), "bizRules")).isEqualTo(EXT1 + "rules");
            assertThat(attribute(report(e), "type")).isEqualTo(EXT1 + "Radiance");
            assertThat(attribute(report(e), "uriValue")).isEqualTo(EXT1 + "reading");
            assertThat(attribute(report(e), "stringValue")).as("not an IRI field").isEqualTo("ext1:not-an-iri");
        }

        @Test
        void whenAPrefixIsDeclaredBelowTheRootThenItCountsOnlyWhereItIsInScope() {
            List<EpcisEvent> read = events(document("", sensorEvent("<ObjectEvent xmlns:ext1=\"" + EXT1 + "\">",
                    "<sensorReport type=\"ext1:A\"/><sensorReport xmlns:ext2=\"urn:ext2:\" type=\"ext2:B\"/>"
                            + "<sensorReport type=\"ext2:C\"/>")
                    + sensorEvent("<ObjectEvent>", "<sensorReport type=\"ext1:D\"/>")));

            List<Map<QName, String>> reports = read.get(0).getSensorElementList().get(0).reports();
            assertThat(reports).extracting(r -> attribute(r, "type")).containsExactly(EXT1 + "A", "urn:ext2:B", "ext2:C");
            assertThat(attribute(report(read.get(1)), "type")).as("ext1 is not declared for the second event").isEqualTo("ext1:D");
        }

        @Test
        void whenAPrefixIsUndeclaredOrAValueIsAbsoluteThenItIsKeptAsWritten() {
            EpcisEvent e = only(document("xmlns:urn=\"http://not.a.namespace/\" xmlns:https=\"http://not.a.namespace/\"",
                    sensorEvent("<ObjectEvent>", "<sensorMetadata deviceID=\"urn:epc:id:giai:4000001.111\""
                            + " deviceMetadata=\"https://id.gs1.org/8004/4000001111\"/>"
                            + "<sensorReport type=\"example:someSensorProperty\" component=\"Comp-x\"/>")));

            SensorElement sensor = e.getSensorElementList().get(0);
            assertThat(attribute(sensor.metadata(), "deviceID")).isEqualTo("urn:epc:id:giai:4000001.111");
            assertThat(attribute(sensor.metadata(), "deviceMetadata")).isEqualTo("https://id.gs1.org/8004/4000001111");
            assertThat(attribute(report(e), "type")).isEqualTo("example:someSensorProperty");
            assertThat(attribute(report(e), "component")).isEqualTo("Comp-x");
        }

        @Test
        void whenGs1OrCbvIsBoundElsewhereThenTheStandardMeaningWins() {
            EpcisEvent e = only(document("xmlns:gs1=\"https://ref.gs1.org/voc/\" xmlns:cbv=\"urn:somewhere:else:\"",
                    sensorEvent("<ObjectEvent>", "<sensorReport type=\"gs1:Temperature\" component=\"cbv:Comp-x\"/>")));

            assertThat(attribute(report(e), "type")).isEqualTo(GS1 + "Temperature");
            assertThat(attribute(report(e), "component")).isEqualTo(CBV + "Comp-x");
        }

        @Test
        void whenASensorTermIsBareThenItIsReadAsItsIriLikeFromJsonLd() {
            EpcisEvent e = only(document("", sensorEvent("<ObjectEvent>",
                    "<sensorReport type=\"Temperature\" component=\"latitude\" exception=\"ERROR_CONDITION\"/>"
                            + "<sensorReport type=\"Radiance\"/>")));

            List<Map<QName, String>> reports = e.getSensorElementList().get(0).reports();
            assertThat(attribute(reports.get(0), "type")).isEqualTo(GS1 + "Temperature");
            assertThat(attribute(reports.get(0), "component")).isEqualTo(CBV + "Comp-latitude");
            assertThat(attribute(reports.get(0), "exception")).isEqualTo(GS1 + "ERROR_CONDITION");
            assertThat(attribute(reports.get(1), "type")).as("not a standard term").isEqualTo("Radiance");
        }

        @Test
        void whenA12EventCarriesSensorDataInItsExtensionThenItsCuriesExpandToo() {
            EpcisEvent e = only(EPCIS_12.formatted("<ObjectEvent xmlns:ext1=\"" + EXT1 + "\">" + WHEN
                    + "<epcList/><action>OBSERVE</action><bizStep>ext1:summarising_discharge</bizStep><extension><extension>"
                    + "<sensorElementList><sensorElement><sensorReport type=\"gs1:Temperature\" component=\"ext1:x\"/>"
                    + "</sensorElement></sensorElementList><persistentDisposition><set>cbv:Disp-active</set>"
                    + "</persistentDisposition></extension></extension></ObjectEvent>"));

            assertThat(e.getBizStep()).isEqualTo(EXT1 + "summarising_discharge");
            assertThat(attribute(report(e), "type")).isEqualTo(GS1 + "Temperature");
            assertThat(attribute(report(e), "component")).isEqualTo(EXT1 + "x");
            assertThat(e.getPersistentDisposition().set()).containsExactly("urn:epcglobal:cbv:disp:active");
        }
    }

    @Nested
    class WhenWriting {

        private EpcisEvent eventWithIris() {
            Map<QName, String> report = new LinkedHashMap<>();
            report.put(new QName("type"), GS1 + "Temperature");
            report.put(new QName("component"), CBV + "Comp-latitude");
            report.put(new QName("deviceID"), EXT1 + "device-7");
            report.put(new QName("uriValue"), EXT1 + "readings/today");
            report.put(new QName("stringValue"), GS1 + "NotAnIriField");
            EpcisEvent e = base(EventType.OBJECT_EVENT).setAction(Action.OBSERVE)
                    .setBizStep(EXT1 + "summarising_discharge").setDisposition("urn:epcglobal:cbv:disp:active")
                    .setPersistentDisposition(new PersistentDisposition(List.of(CBV + "Disp-custom"), List.of()))
                    .setErrorDeclaration(new ErrorDeclaration("2024-03-02T00:00:00Z", EXT1 + "mislabelled", List.of(), List.of()));
            e.getBizTransactionList().add(new BizTransaction(CBV + "BTT-custom", "urn:epcglobal:cbv:bt:0614141000005:PO1"));
            e.getDestinationList().add(new SourceDestination(CBV + "my_own_party", "urn:epc:id:pgln:0614141.00777"));
            e.getSensorElementList().add(new SensorElement(Map.of(), List.of(report), List.of()));
            return e;
        }

        @Test
        void whenIrisAreInGs1CbvOrADeclaredNamespaceThenTheyAreWrittenCompactAndReadBackTheSame() throws SAXException {
            EpcisDocumentInfo info = new EpcisDocumentInfo();
            info.getNamespaces().put("ext1", EXT1);
            byte[] written = write(EpcisFormat.XML_2_0, info, List.of(eventWithIris()));
            String xml = new String(written, StandardCharsets.UTF_8);

            XmlRoundTrip.validate(written, EpcisFormat.XML_2_0);
            assertThat(xml).contains("xmlns:gs1=\"" + GS1 + "\"", "xmlns:cbv=\"" + CBV + "\"",
                    "type=\"gs1:Temperature\"", "component=\"cbv:Comp-latitude\"", "deviceID=\"ext1:device-7\"",
                    "<bizStep>ext1:summarising_discharge</bizStep>", "<disposition>urn:epcglobal:cbv:disp:active</disposition>",
                    "<set>cbv:Disp-custom</set>", "<reason>ext1:mislabelled</reason>", "type=\"cbv:BTT-custom\"",
                    "type=\"cbv:my_own_party\"")
                    .as("a path is not compacted; a field that holds no IRI is left alone")
                    .contains("uriValue=\"" + EXT1 + "readings/today\"", "stringValue=\"" + GS1 + "NotAnIriField\"");
            assertThat(read(written)).usingRecursiveFieldByFieldElementComparator().containsExactly(eventWithIris());
        }

        @Test
        void whenTheSourceBoundTheVocabularyToItsOwnPrefixThenThatPrefixIsReused() {
            EpcisDocumentInfo info = new EpcisDocumentInfo();
            info.getNamespaces().put("voc", GS1);
            String xml = new String(write(EpcisFormat.XML_2_0, info, List.of(eventWithIris())), StandardCharsets.UTF_8);

            assertThat(xml).contains("xmlns:voc=\"" + GS1 + "\"", "type=\"voc:Temperature\"").doesNotContain("xmlns:gs1=");
            assertThat(xml).as("ext1 is not declared").contains("deviceID=\"" + EXT1 + "device-7\"");
        }

        @Test
        void whenTheSourceBoundGs1ElsewhereThenGs1KeepsItsStandardMeaning() {
            EpcisDocumentInfo info = new EpcisDocumentInfo();
            info.getNamespaces().put("gs1", "https://ref.gs1.org/voc/");
            info.getNamespaces().put("cbv", CBV);
            byte[] written = write(EpcisFormat.XML_2_0, info, List.of(eventWithIris()));
            String xml = new String(written, StandardCharsets.UTF_8);

            assertThat(xml).contains("xmlns:gs1=\"https://ref.gs1.org/voc/\"", "type=\"gs1:Temperature\"");
            assertThat(read(written)).usingRecursiveFieldByFieldElementComparator().containsExactly(eventWithIris());
        }

        @Test
        void whenWrittenAs12ThenSensorDataInTheExtensionIsCompactAndReadsBackTheSame() throws SAXException {
            byte[] written = write(EpcisFormat.XML_1_2, new EpcisDocumentInfo(), List.of(eventWithIris()));

            XmlRoundTrip.validate(written, EpcisFormat.XML_1_2);
            assertThat(new String(written, StandardCharsets.UTF_8)).contains("type=\"gs1:Temperature\"");
            assertThat(read(written)).usingRecursiveFieldByFieldElementComparator().containsExactly(eventWithIris());
        }
    }

    @Nested
    class WhenChoosingACompactForm {

        @Test
        void whenNamespacesNestThenTheLongestThatLeavesANameWins() {
            CompactIris iris = new CompactIris(Map.of("ex", "http://example.com/", "ext1", EXT1));

            assertThat(iris.compact(EXT1 + "a")).isEqualTo("ext1:a");
            assertThat(iris.compact("http://example.com/b")).isEqualTo("ex:b");
            assertThat(iris.compact("http://example.com/other/b")).isEqualTo("http://example.com/other/b");
        }

        @Test
        void whenACompactFormWouldReadBackDifferentlyThenTheIriStaysWhole() {
            CompactIris iris = new CompactIris(Map.of("cbv", "https://example.com/cbv/", "urn", "https://example.com/urn/",
                    "", "https://example.com/default/"));

            assertThat(iris.compact("https://example.com/cbv/x")).isEqualTo("https://example.com/cbv/x");
            assertThat(iris.compact("https://example.com/urn/x")).isEqualTo("https://example.com/urn/x");
            assertThat(iris.compact("https://example.com/default/x")).isEqualTo("https://example.com/default/x");
            assertThat(iris.compact(CBV + "Comp-x")).isEqualTo("cbv:Comp-x");
            assertThat(iris.compact(GS1)).as("nothing after the namespace").isEqualTo(GS1);
            assertThat(iris.compact("urn:epcglobal:cbv:bizstep:shipping")).isEqualTo("urn:epcglobal:cbv:bizstep:shipping");
        }
    }
}
