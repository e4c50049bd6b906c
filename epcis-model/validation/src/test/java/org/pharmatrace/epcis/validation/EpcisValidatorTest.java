package org.pharmatrace.epcis.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pharmatrace.epcis.io.EpcisFormat;

class EpcisValidatorTest {

    private final EpcisValidator validator = new EpcisValidator();

    /** A valid EPCIS 2.0 document with one commissioning event; tests replace parts of it to break one rule. */
    private static final String VALID_XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <epcis:EPCISDocument xmlns:epcis="urn:epcglobal:epcis:xsd:2" xmlns:cbvmda="urn:epcglobal:cbv:mda"
                schemaVersion="2.0" creationDate="2024-03-01T10:00:00Z">
              <EPCISBody>
                <EventList>
                  <ObjectEvent>
                    <eventTime>2024-03-01T09:00:00.000-05:00</eventTime>
                    <eventTimeZoneOffset>-05:00</eventTimeZoneOffset>
                    <eventID>urn:uuid:0a6c1b5e-1d2b-4f0a-9f4e-3d2c1b0a9f8e</eventID>
                    <epcList><epc>urn:epc:id:sgtin:0312345.067890.SN1001</epc></epcList>
                    <action>ADD</action>
                    <bizStep>urn:epcglobal:cbv:bizstep:commissioning</bizStep>
                    <disposition>urn:epcglobal:cbv:disp:active</disposition>
                    <readPoint><id>urn:epc:id:sgln:0614141.00777.0</id></readPoint>
                    <ilmd>
                      <cbvmda:lotNumber>LOT-A1</cbvmda:lotNumber>
                      <cbvmda:itemExpirationDate>2027-03-31</cbvmda:itemExpirationDate>
                    </ilmd>
                  </ObjectEvent>
                </EventList>
              </EPCISBody>
            </epcis:EPCISDocument>
            """;

    private ValidationReport validateXml(String xml) {
        return validator.validate(xml.getBytes(StandardCharsets.UTF_8));
    }

    @Nested
    class WhenTheDocumentIsValid {

        @Test
        void thenTheReportIsValidAndCountsTheEvents() {
            ValidationReport report = validateXml(VALID_XML);
            assertThat(report.errors()).isEmpty();
            assertThat(report.isValid()).isTrue();
            assertThat(report.format()).isEqualTo(EpcisFormat.XML_2_0);
            assertThat(report.eventCount()).isEqualTo(1);
        }

        @Test
        void thenTheDscsaFileIsValidEpcis12() {
            ValidationReport report = validator.validate(Corpus.file("epcis/dscsa/GS1_US_Pharma_Example_2_2_1_1.xml"));
            assertThat(report.errors()).isEmpty();
            assertThat(report.format()).isEqualTo(EpcisFormat.XML_1_2);
        }
    }

    @Nested
    class WhenARuleTheSchemaMissesIsBroken {

        @Test
        void thenAMisspelledCbvBusinessStepIsNamedWithEventAndField() {
            ValidationReport report = validateXml(VALID_XML.replace("bizstep:commissioning", "bizstep:comissioning"));
            assertThat(report.isValid()).isFalse();
            assertThat(report.errors()).singleElement().satisfies(e -> {
                assertThat(e.eventIndex()).isZero();
                assertThat(e.eventId()).isEqualTo("urn:uuid:0a6c1b5e-1d2b-4f0a-9f4e-3d2c1b0a9f8e");
                assertThat(e.field()).isEqualTo("bizStep");
                assertThat(e.message()).contains("comissioning").contains("not a CBV business step");
            });
        }

        @Test
        void thenABadGtinCheckDigitInAnEpcIsReported() {
            // 0312345 + 067890 -> GTIN 00312345678906; indicator/item reference altered so the check digit fails
            ValidationReport report = validateXml(VALID_XML.replace(
                    "<epcList><epc>urn:epc:id:sgtin:0312345.067890.SN1001</epc></epcList>",
                    "<epcList><epc>urn:epc:id:sgtin:0312345.067890.SN1001</epc><epc>urn:epc:id:sgtin:0312345.0678901.X</epc></epcList>"));
            assertThat(report.errors()).anySatisfy(e -> {
                assertThat(e.field()).isEqualTo("epcList[1]");
                assertThat(e.message()).contains("0312345.0678901");
            });
        }

        @Test
        void thenIlmdOnAnObserveEventIsRefused() {
            ValidationReport report = validateXml(VALID_XML.replace("<action>ADD</action>", "<action>OBSERVE</action>"));
            assertThat(report.errors()).singleElement().satisfies(e -> {
                assertThat(e.field()).isEqualTo("ilmd");
                assertThat(e.message()).contains("only be given when action is ADD");
            });
        }

        @Test
        void thenAnOutOfRangeTimeZoneOffsetIsRefused() {
            ValidationReport report = validateXml(VALID_XML.replace("<eventTimeZoneOffset>-05:00", "<eventTimeZoneOffset>+15:00"));
            assertThat(report.errors()).anySatisfy(e -> {
                assertThat(e.field()).isEqualTo("eventTimeZoneOffset");
                assertThat(e.message()).contains("+15:00");
            });
        }

        @Test
        void thenAnAggregationWithoutParentIsRefused() {
            String aggregation = VALID_XML.replaceAll("(?s)<ObjectEvent>.*</ObjectEvent>", """
                    <AggregationEvent>
                      <eventTime>2024-03-01T09:00:00.000-05:00</eventTime>
                      <eventTimeZoneOffset>-05:00</eventTimeZoneOffset>
                      <childEPCs><epc>urn:epc:id:sgtin:0312345.067890.SN1001</epc></childEPCs>
                      <action>ADD</action>
                      <bizStep>urn:epcglobal:cbv:bizstep:packing</bizStep>
                    </AggregationEvent>""");
            ValidationReport report = validateXml(aggregation);
            assertThat(report.errors()).singleElement().satisfies(e -> {
                assertThat(e.field()).isEqualTo("parentID");
                assertThat(e.message()).contains("AggregationEvent with action ADD");
            });
        }
    }

    @Nested
    class WhenTheSchemaIsBroken {

        @Test
        void thenTheXsdErrorNamesTheEventAndElement() {
            ValidationReport report = validateXml(VALID_XML.replace("<action>ADD</action>", "<action>ADDED</action>"));
            assertThat(report.isValid()).isFalse();
            assertThat(report.errors()).anySatisfy(e -> {
                assertThat(e.eventIndex()).isZero();
                assertThat(e.field()).isEqualTo("action");
                assertThat(e.line()).isPositive();
            });
        }

        @Test
        void thenADoctypeIsRefusedAsHostile() {
            String hostile = VALID_XML.replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                    "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>");
            ValidationReport report = validateXml(hostile);
            assertThat(report.isValid()).isFalse();
            assertThat(report.errors().get(0).message()).contains("DTD");
        }

        @Test
        void thenSomethingThatIsNotEpcisIsNamedAsSuch() {
            ValidationReport report = validator.validate("hello".getBytes(StandardCharsets.UTF_8));
            assertThat(report.errors()).singleElement()
                    .satisfies(e -> assertThat(e.message()).contains("not an EPCIS document"));
        }
    }

    static Stream<Path> invalidCorpusDocuments() {
        return Stream.concat(
                Corpus.files("epcis/openepcis-pairs/2.0/EPCIS/XML/Capture/Invalid", ".xml").stream(),
                Corpus.files("epcis/openepcis-pairs/2.0/EPCIS/JSON/Capture/Invalid", ".json", ".jsonld").stream());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidCorpusDocuments")
    void invalidCorpusDocumentsAreRefusedWithAReason(Path file) {
        ValidationReport report = validator.validate(file);
        assertThat(report.isValid()).as(file + " should be invalid").isFalse();
        assertThat(report.errors()).allSatisfy(e -> assertThat(e.message()).isNotBlank());
    }

    static Stream<Path> validCorpusDocuments() {
        return Stream.of(
                        Corpus.files("epcis/openepcis-pairs/2.0/EPCIS/XML/Capture/Documents", ".xml"),
                        Corpus.files("epcis/openepcis-pairs/2.0/EPCIS/JSON/Capture/Documents", ".json", ".jsonld"),
                        Corpus.files("epcis/gs1-examples/EPCIS-1.2", ".xml"))
                .flatMap(java.util.List::stream);
    }

    /**
     * Corpus documents that are not valid, though they sit among the valid ones, and what is wrong with them: each must
     * be reported with exactly that finding.
     */
    static final java.util.Map<String, String> UPSTREAM_INVALID = java.util.Map.of(
            "Combination_of_different_event.xml", "GRAI check digit of 03001345000771 is 1, expected 6",
            "Combination_of_different_event.json", "GRAI check digit of 03001345000771 is 1, expected 6",
            "SensorData_with_combined_events.xml", "GRAI check digit of 95201220000000 is 0, expected 1",
            "SensorData_with_combined_events.json", "GRAI check digit of 95201220000000 is 0, expected 1",
            "JumbledFieldsOrder.xml", "Invalid content was found starting with element 'disposition'",
            "Namespace_document.xml", "{\"urn:epcglobal:epcis:xsd:2\":ObjectEvent}",
            "AggregationEvent_with_persistentDisposition.json", "'persistentDisposition' name is not valid",
            "TransactionEvent_with_userExtensions.json", "does not match the uri pattern");

    @ParameterizedTest(name = "{0}")
    @MethodSource("validCorpusDocuments")
    void validCorpusDocumentsPass(Path file) {
        ValidationReport report = validator.validate(file);
        String knownDefect = UPSTREAM_INVALID.get(file.getFileName().toString());
        if (knownDefect == null) {
            assertThat(report.errors()).as(file.toString()).isEmpty();
        } else {
            assertThat(report.errors()).as(file.toString())
                    .anySatisfy(e -> assertThat(e.message()).contains(knownDefect));
        }
    }

    @Test
    void aBareDoctypeDeclaresNothingAndIsAccepted() {
        ValidationReport report = validateXml(VALID_XML.replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                "<?xml version=\"1.0\"?><!DOCTYPE project>"));
        assertThat(report.errors()).isEmpty();
    }

    @Test
    void aDoctypeWithAnExternalDtdIsRefused() {
        ValidationReport report = validateXml(VALID_XML.replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                "<?xml version=\"1.0\"?><!DOCTYPE x SYSTEM \"http://127.0.0.1:1/evil.dtd\">"));
        assertThat(report.isValid()).isFalse();
        assertThat(report.errors().get(0).message()).contains("DTD");
    }
}
