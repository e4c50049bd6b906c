package org.pharmatrace.epcis.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pharmatrace.epcis.io.EpcisEventReader;
import org.pharmatrace.epcis.io.EpcisFormat;
import org.pharmatrace.epcis.io.EpcisFormatException;
import org.pharmatrace.epcis.model.EpcisEvent;

class EpcisReadersTest {

    static final Path CORPUS = Path.of(System.getProperty("hub.corpus.dir", "../../../shared/corpus"));

    private static EpcisFormat detect(String content) {
        return EpcisReaders.detect(new BufferedInputStream(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8))));
    }

    @Nested
    class WhenDetectingTheFormat {

        @Test
        void thenJsonLdIsRecognisedAfterABomAndWhitespace() {
            assertThat(detect("\uFEFF \n {\"type\":\"EPCISDocument\"}")).isEqualTo(EpcisFormat.JSON_LD);
        }

        @Test
        void thenTheXmlVersionComesFromTheEpcisNamespace() {
            assertThat(detect("<?xml version=\"1.0\"?><epcis:EPCISDocument xmlns:epcis=\"urn:epcglobal:epcis:xsd:1\"/>"))
                    .isEqualTo(EpcisFormat.XML_1_2);
            assertThat(detect("<epcis:EPCISDocument xmlns:epcis=\"urn:epcglobal:epcis:xsd:2\"/>"))
                    .isEqualTo(EpcisFormat.XML_2_0);
        }

        @Test
        void thenAnythingElseIsRefusedWithWhatItStartsWith() {
            assertThatThrownBy(() -> detect("ISA*00*")).isInstanceOf(EpcisFormatException.class)
                    .hasMessageContaining("starts with 'I'");
            assertThatThrownBy(() -> detect("   ")).hasMessageContaining("empty");
        }

        @Test
        void thenDetectionConsumesNothing() throws IOException {
            BufferedInputStream in = new BufferedInputStream(new ByteArrayInputStream("{\"a\":1}".getBytes(StandardCharsets.UTF_8)));
            EpcisReaders.detect(in);
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
        }
    }

    /** Every XML capture document of the OpenEPCIS pairs that has a JSON-LD twin. */
    static Stream<Arguments> twins() throws IOException {
        Path xmlDir = CORPUS.resolve("epcis/openepcis-pairs/2.0/EPCIS/XML/Capture/Documents");
        Path jsonDir = CORPUS.resolve("epcis/openepcis-pairs/2.0/EPCIS/JSON/Capture/Documents");
        List<Arguments> pairs = new ArrayList<>();
        try (Stream<Path> files = Files.list(xmlDir)) {
            for (Path xml : files.sorted().toList()) {
                String base = xml.getFileName().toString().replaceFirst("\\.xml$", "");
                for (String ext : List.of(".json", ".jsonld")) {
                    Path json = jsonDir.resolve(base + ext);
                    if (Files.exists(json)) {
                        pairs.add(Arguments.of(base, xml, json));
                    }
                }
            }
        }
        assertThat(pairs).as("twins found in the corpus").hasSizeGreaterThan(10);
        return pairs.stream();
    }

    /**
     * Where the corpus twins do not say the same thing, field by field, and why. Only these fields are left out of
     * the comparison, and only for these documents; everything else must be equal.
     */
    static final Map<String, Map<String, String>> UPSTREAM_DIFFERENCES = Map.of(
            "Combination_of_different_event", Map.of(
                    "errorDeclaration", "the XML declares the error at 14:00+01:00, the JSON-LD at 14:00Z"),
            "ObjectEvent_with_comment", Map.of(
                    "extensions", "the XML has an XML comment (not data); the JSON-LD an rdfs:comment member (data)"),
            "SensorData_with_combined_events", Map.of(
                    "errorDeclaration", "the JSON-LD's 'field' extension has a child furtherData, the XML's is empty",
                    "extensions", "the JSON-LD's 'furtherData' extension has children, the XML's is empty",
                    "sensorElementList", "the JSON-LD's sensor types Molar_concentration and EffectiveDoseRate are"
                            + " not terms of the EPCIS context, the XML says gs1:Molar_concentration and"
                            + " https://gs1.org/voc/EffectiveDoseRate"),
            "TransformationEvent_with_userExtensions", Map.of(
                    "errorDeclaration", "the JSON-LD's 'field' extension has a child furtherData, the XML's is empty",
                    "extensions", "the JSON-LD's 'furtherData' extension has children, the XML's is empty"),
            "TransactionEvent_with_userExtensions", Map.of(
                    "sensorElementList", "the JSON-LD's sensor type EffectiveDoseRate is not a term of the EPCIS"
                            + " context, the XML says gs1:EffectiveDoseRate"));

    @ParameterizedTest(name = "{0}")
    @MethodSource("twins")
    void anXmlDocumentAndItsJsonLdTwinGiveEqualModels(String name, Path xml, Path json) {
        Set<String> ignored = UPSTREAM_DIFFERENCES.getOrDefault(name, Map.of()).keySet();
        List<String> fromXml = read(xml).stream().map(e -> withoutFields(EventModelText.of(e), ignored)).toList();
        List<String> fromJson = read(json).stream().map(e -> withoutFields(EventModelText.of(e), ignored)).toList();
        assertThat(fromJson).as(name).containsExactlyElementsOf(fromXml);
    }

    private static String withoutFields(String eventText, Set<String> fields) {
        return eventText.lines().filter(l -> !fields.contains(l.substring(0, l.indexOf('='))))
                .collect(Collectors.joining("\n"));
    }

    static List<EpcisEvent> read(Path file) {
        List<EpcisEvent> events = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file); EpcisEventReader reader = EpcisReaders.open(in)) {
            reader.forEachRemaining(events::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return events;
    }
}
