package org.pharmatrace.epcis.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pharmatrace.epcis.io.EpcisFormat;
import org.pharmatrace.epcis.io.EpcisFormatException;
import org.pharmatrace.epcis.xml.Corpus.CorpusFile;
import org.xml.sax.SAXException;

/**
 * Every EPCIS XML document of the shared corpus goes through the reader and the writers: rewritten in its own
 * version it must be XSD-valid and similar to the input; converted to the other version it must be XSD-valid.
 * Documents that are not EPCIS event documents, and documents that are not valid upstream, are listed below with
 * what happens to them instead and why.
 */
class CorpusRoundTripTest {

    /** What the hub does with a corpus document that cannot round-trip to a similar document. */
    enum Outcome {
        /** Read, and written back XSD-valid, but not similar: the writer puts things where the XSD wants them. */
        READ_AND_WRITTEN_VALID,
        /** Read; the output keeps an invalid value of the input (times are kept as given), so it is invalid too. */
        KEEPS_INVALID_VALUE,
        /** Read, but writing refuses an element that has no valid place in EPCIS XML. */
        REFUSED_ON_WRITE
    }

    record Quirk(Outcome outcome, String detail, String reason) {
        @Override
        public String toString() {
            return outcome + ": " + reason;
        }
    }

    private static final String OPENEPCIS_12 = "openepcis-pairs/1.2/EPCIS/XML/Capture/Documents/";
    private static final String OPENEPCIS_20 = "openepcis-pairs/2.0/EPCIS/XML/";

    /** Documents that do not round-trip to a similar document, rewritten in their own version. */
    static final Map<String, Quirk> QUIRKS = Map.ofEntries(
            Map.entry("gs1-examples/EPCIS-1.2/AssociationEvent.xml", new Quirk(Outcome.REFUSED_ON_WRITE, "sensorMetaData",
                    "case (f) misspells sensorMetadata as <sensorMetaData>; unqualified and unknown, it has no valid place")),
            Map.entry(OPENEPCIS_12 + "AssociationEvent_all_possible_fields.xml", new Quirk(Outcome.READ_AND_WRITTEN_VALID, null,
                    "xsi:type values use the prefix xsd without declaring it; the writer declares it")),
            Map.entry(OPENEPCIS_12 + "Document_with_namespace.xml", new Quirk(Outcome.READ_AND_WRITTEN_VALID, null,
                    "a 2.0 document (namespace and schemaVersion) with 1.x structure: eventID in baseExtension,"
                            + " quantityList in extension, event content qualified; read as the 2.0 fields they are,"
                            + " written in 2.0 form (eventID and quantityList in their 2.0 places, unqualified)")),
            Map.entry(OPENEPCIS_12 + "Jumbled_attributes_order.xml", new Quirk(Outcome.READ_AND_WRITTEN_VALID, null,
                    "event fields out of XSD order; written in XSD order")),
            Map.entry(OPENEPCIS_12 + "ObjectEvent_all_possible_fields.xml", new Quirk(Outcome.READ_AND_WRITTEN_VALID, null,
                    "unqualified certificationInfo among the user extensions; written in baseExtension/extension")),
            Map.entry(OPENEPCIS_12 + "TransactionEvent_all_possible_fields.xml", new Quirk(Outcome.KEEPS_INVALID_VALUE,
                    "2006-11-07T13:00Z", "declarationTime without seconds is not an xsd:dateTime")),
            Map.entry(OPENEPCIS_20 + "Capture/Documents/JumbledFieldsOrder.xml", new Quirk(Outcome.READ_AND_WRITTEN_VALID, null,
                    "event fields out of XSD order; written in XSD order")),
            Map.entry(OPENEPCIS_20 + "Capture/Documents/Namespace_document.xml", new Quirk(Outcome.READ_AND_WRITTEN_VALID, null,
                    "event content qualified with the EPCIS namespace; written unqualified")),
            Map.entry(OPENEPCIS_20 + "Query/Combination_of_different_event.xml", new Quirk(Outcome.READ_AND_WRITTEN_VALID, null,
                    "createdAt instead of creationDate, QueryResults unqualified, no queryName")),
            Map.entry(OPENEPCIS_20 + "Query/CurieString_document.xml", new Quirk(Outcome.READ_AND_WRITTEN_VALID, null,
                    "QueryResults unqualified, no queryName")),
            Map.entry(OPENEPCIS_20 + "Query/JumbledFieldsOrder.xml", new Quirk(Outcome.READ_AND_WRITTEN_VALID, null,
                    "QueryResults unqualified, no queryName")),
            Map.entry(OPENEPCIS_20 + "Query/ObjectEventWithAllPossibleFields.xml", new Quirk(Outcome.KEEPS_INVALID_VALUE,
                    "2006-11-07T13:00Z", "QueryResults unqualified; declarationTime without seconds")),
            Map.entry(OPENEPCIS_20 + "Query/SensorData_with_combined_events.xml", new Quirk(Outcome.READ_AND_WRITTEN_VALID, null,
                    "QueryResults unqualified, no queryName")),
            Map.entry(OPENEPCIS_20 + "Query/TransactionEvent_with_userExtensions.xml", new Quirk(Outcome.READ_AND_WRITTEN_VALID, null,
                    "QueryResults unqualified, no queryName")),
            Map.entry(OPENEPCIS_20 + "Query/TransformationEvent_with_error_declaration.xml", new Quirk(Outcome.KEEPS_INVALID_VALUE,
                    "2020-01-14T23:00Z", "QueryResults unqualified; declarationTime without seconds")));

    /** Documents whose conversion to the other version cannot be valid, beyond the quirks above. */
    static final Map<String, Quirk> CONVERSION_QUIRKS = Map.of(
            "gs1-examples/EPCIS-1.2/ObjectEvent.xml", new Quirk(Outcome.REFUSED_ON_WRITE, "myField",
                    "an unqualified <myField> in the 1.2 extension/extension has no place in 2.0 (only qualified extensions)"),
            "gs1-examples/XML/WithFullCombinationOfFields/masterdata_all_possible_fields.xml",
            new Quirk(Outcome.REFUSED_ON_WRITE, "StandardBusinessDocumentHeader",
                    "master data without SBDH: the 1.2 EPCISHeader requires an SBDH"));

    /** Corpus XML files that are not EPCIS documents with events, besides those recognised by their root. */
    static final Map<String, String> NOT_EVENT_DOCUMENTS = Map.of(
            OPENEPCIS_20 + "Query/Queries/SimpleEventQuery.xml", "a Poll request, not query results");

    static Stream<CorpusFile> eventDocuments() {
        return Corpus.xmlDocuments().stream()
                .filter(f -> !f.name().contains("CaptureJob/"))
                .filter(f -> !NOT_EVENT_DOCUMENTS.containsKey(f.name()))
                .filter(f -> Corpus.isEpcisEventDocument(Corpus.rootElement(f.path())));
    }

    static Stream<CorpusFile> similarRoundTrips() {
        return eventDocuments().filter(f -> !QUIRKS.containsKey(f.name()));
    }

    static Stream<Arguments> quirkyDocuments() {
        return eventDocuments().filter(f -> QUIRKS.containsKey(f.name())).map(f -> Arguments.of(f, QUIRKS.get(f.name())));
    }

    static Stream<CorpusFile> conversions() {
        return eventDocuments();
    }

    static Stream<CorpusFile> otherDocuments() {
        return Corpus.xmlDocuments().stream()
                .filter(f -> f.name().contains("CaptureJob/") || NOT_EVENT_DOCUMENTS.containsKey(f.name())
                        || !Corpus.isEpcisEventDocument(Corpus.rootElement(f.path())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("similarRoundTrips")
    void rewrittenInItsOwnVersionIsValidAndSimilar(CorpusFile file) throws SAXException {
        EpcisFormat version = versionOf(file);
        byte[] output = XmlRoundTrip.rewrite(file.path(), version);

        XmlRoundTrip.validate(output, version);
        assertThat(EpcisXmlSimilarity.differences(file.path().toFile(), output))
                .as("differences between %s and its rewrite", file).isEmpty();
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("quirkyDocuments")
    void quirkyDocumentIsHandledAsDocumented(CorpusFile file, Quirk quirk) {
        EpcisFormat version = versionOf(file);
        switch (quirk.outcome()) {
            case READ_AND_WRITTEN_VALID -> assertThatCode(() -> XmlRoundTrip.validate(XmlRoundTrip.rewrite(file.path(), version), version))
                    .doesNotThrowAnyException();
            case KEEPS_INVALID_VALUE -> assertThatThrownBy(() -> XmlRoundTrip.validate(XmlRoundTrip.rewrite(file.path(), version), version))
                    .isInstanceOf(SAXException.class).hasMessageContaining(quirk.detail());
            case REFUSED_ON_WRITE -> assertThatThrownBy(() -> XmlRoundTrip.rewrite(file.path(), version))
                    .isInstanceOf(EpcisFormatException.class).hasMessageContaining("Cannot write event")
                    .hasMessageContaining(quirk.detail());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("conversions")
    void convertedToTheOtherVersionIsValid(CorpusFile file) {
        EpcisFormat target = versionOf(file) == EpcisFormat.XML_2_0 ? EpcisFormat.XML_1_2 : EpcisFormat.XML_2_0;
        Quirk quirk = CONVERSION_QUIRKS.getOrDefault(file.name(), QUIRKS.get(file.name()));
        if (quirk == null || quirk.outcome() == Outcome.READ_AND_WRITTEN_VALID) {
            assertThatCode(() -> XmlRoundTrip.validate(XmlRoundTrip.rewrite(file.path(), target), target))
                    .doesNotThrowAnyException();
        } else if (quirk.outcome() == Outcome.KEEPS_INVALID_VALUE) {
            assertThatThrownBy(() -> XmlRoundTrip.validate(XmlRoundTrip.rewrite(file.path(), target), target))
                    .hasMessageContaining(quirk.detail());
        } else {
            assertThatThrownBy(() -> XmlRoundTrip.rewrite(file.path(), target))
                    .isInstanceOf(EpcisFormatException.class).hasMessageContaining(quirk.detail());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("otherDocuments")
    void documentWithoutEventsIsRefusedByItsRoot(CorpusFile file) throws IOException {
        QName root = Corpus.rootElement(file.path());
        try (InputStream in = Files.newInputStream(file.path())) {
            assertThatThrownBy(() -> {
                try (EpcisXmlReader reader = new EpcisXmlReader(in)) {
                    reader.forEachRemaining(e -> { });
                }
            }).isInstanceOf(EpcisFormatException.class)
                    .hasMessageContaining(Corpus.isEpcisEventDocument(root) ? "not QueryResults" : root.getLocalPart());
        }
    }

    @Test
    void everyListedDocumentExistsInTheCorpus() {
        List<String> names = Corpus.xmlDocuments().stream().map(CorpusFile::name).toList();
        assertThat(names).containsAll(QUIRKS.keySet()).containsAll(CONVERSION_QUIRKS.keySet())
                .containsAll(NOT_EVENT_DOCUMENTS.keySet());
        assertThat(similarRoundTrips().count()).as("documents that round-trip to a similar document").isGreaterThan(60);
    }

    private static EpcisFormat versionOf(CorpusFile file) {
        try (InputStream in = Files.newInputStream(file.path()); EpcisXmlReader reader = new EpcisXmlReader(in)) {
            return reader.format();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
