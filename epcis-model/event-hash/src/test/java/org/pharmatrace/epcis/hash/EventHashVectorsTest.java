package org.pharmatrace.epcis.hash;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Event Hash ID against the corpus: the reference implementation's vectors, its sets of equal events, GS1's
 * seven spellings of one event, and the OpenEPCIS documents that exist both as XML and JSON-LD.
 */
class EventHashVectorsTest {

    private final EventHashGenerator generator = new EventHashGenerator();
    private final EventHashGenerator cbv21 = new EventHashGenerator(CbvVersion.CBV2_1);

    static Stream<Arguments> referenceVectors() {
        Path dir = CorpusDocuments.eventHash("examples");
        List<Arguments> vectors = new ArrayList<>();
        for (Path file : CorpusDocuments.list(dir)) {
            if (!CorpusDocuments.isXml(file) && !CorpusDocuments.isJson(file)) {
                continue;
            }
            String name = file.getFileName().toString();
            Path hashes = dir.resolve(name.substring(0, name.lastIndexOf('.')) + ".hashes");
            if (Files.exists(hashes)) {
                vectors.add(Arguments.of(name, file, hashes));
            }
        }
        return vectors.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("referenceVectors")
    @DisplayName("examples: the hashes in document order are the .hashes lines")
    void referenceVector(String name, Path file, Path hashesFile) throws IOException {
        List<String> expected = Files.readAllLines(hashesFile).stream().map(String::strip).filter(s -> !s.isEmpty())
                .toList();
        CorpusDocuments.Hashed actual = CorpusDocuments.hash(file, generator);
        KnownDeviations.check("examples/" + name, () -> assertThat(actual.hashes())
                .as("pre-hash strings:%n%s", String.join("\n", actual.preHashes()))
                .containsExactlyElementsOf(expected), actual.preHashes(), expected);
    }

    static Stream<Arguments> equalEventFiles() {
        return CorpusDocuments.list(CorpusDocuments.eventHash("expected_equal")).stream()
                .filter(f -> CorpusDocuments.isXml(f) || CorpusDocuments.isJson(f))
                .map(f -> Arguments.of(f.getFileName().toString(), f));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("equalEventFiles")
    @DisplayName("expected_equal: all events of a file hash the same")
    void eventsOfOneFileHashTheSame(String name, Path file) {
        CorpusDocuments.Hashed actual = CorpusDocuments.hash(file, generator);
        assertThat(actual.events()).hasSizeGreaterThan(1);
        assertThat(actual.hashes().stream().distinct())
                .as("pre-hash strings:%n%s", String.join("\n", actual.preHashes()))
                .hasSize(1);
    }

    static Stream<Arguments> gs1Representations() {
        return CorpusDocuments.list(CorpusDocuments.eventHash("same-hash-gs1")).stream()
                .filter(f -> CorpusDocuments.isXml(f) || CorpusDocuments.isJson(f))
                .filter(f -> !f.getFileName().toString().equals(GS1_BASE_EVENT))
                .map(f -> Arguments.of(f.getFileName().toString(), f));
    }

    private static final String GS1_BASE_EVENT = "event_with_identical_hash_id_1.xml";

    @ParameterizedTest(name = "{0}")
    @MethodSource("gs1Representations")
    @DisplayName("same-hash-gs1: each representation hashes like event_with_identical_hash_id_1.xml")
    void gs1RepresentationHashesLikeTheBaseEvent(String name, Path file) {
        CorpusDocuments.Hashed base = CorpusDocuments.hash(CorpusDocuments.eventHash("same-hash-gs1").resolve(GS1_BASE_EVENT),
                generator);
        CorpusDocuments.Hashed actual = CorpusDocuments.hash(file, generator);
        assertThat(base.hashes()).hasSize(1);
        KnownDeviations.check("same-hash-gs1/" + name, () -> assertThat(actual.hashes())
                .as("pre-hash strings%n%s:%n%s%n%s:%n%s", GS1_BASE_EVENT, base.preHashes().get(0), name,
                        String.join("\n", actual.preHashes()))
                .containsExactlyElementsOf(base.hashes()), actual.preHashes(), base.hashes());
    }

    static Stream<Arguments> xmlJsonPairs() {
        Path root = CorpusDocuments.corpus().resolve("epcis/openepcis-pairs/2.0/EPCIS");
        Map<String, Path> jsonByKey = new HashMap<>();
        for (Path json : CorpusDocuments.list(root.resolve("JSON/Capture/Documents"))) {
            jsonByKey.put(pairKey(json), json);
        }
        List<Arguments> pairs = new ArrayList<>();
        for (Path xml : CorpusDocuments.list(root.resolve("XML/Capture/Documents"))) {
            Path json = jsonByKey.get(pairKey(xml));
            if (json != null) {
                pairs.add(Arguments.of(xml.getFileName().toString(), xml, json));
            }
        }
        return pairs.stream();
    }

    /** Twins share a name up to the extension and, once, the spelling (errorDeclaration / error_declaration). */
    private static String pairKey(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.lastIndexOf('.')).replace("_", "").toLowerCase(Locale.ROOT);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("xmlJsonPairs")
    @DisplayName("openepcis-pairs: an XML capture document and its JSON-LD twin hash alike (CBV 2.0 and 2.1)")
    void xmlAndJsonTwinsHashAlike(String name, Path xml, Path json) {
        CorpusDocuments.Hashed fromXml = CorpusDocuments.hash(xml, generator);
        CorpusDocuments.Hashed fromJson = CorpusDocuments.hash(json, generator);
        CorpusDocuments.Hashed fromXml21 = CorpusDocuments.hash(xml, cbv21);
        CorpusDocuments.Hashed fromJson21 = CorpusDocuments.hash(json, cbv21);
        assertThat(fromXml.hashes()).isNotEmpty();
        KnownDeviations.check("pairs/" + name, () -> {
            assertThat(fromJson.hashes())
                    .as("CBV 2.0 pre-hash strings%nXML:%n%s%nJSON-LD:%n%s", String.join("\n", fromXml.preHashes()),
                            String.join("\n", fromJson.preHashes()))
                    .containsExactlyElementsOf(fromXml.hashes());
            assertThat(fromJson21.hashes())
                    .as("CBV 2.1 pre-hash strings%nXML:%n%s%nJSON-LD:%n%s", String.join("\n", fromXml21.preHashes()),
                            String.join("\n", fromJson21.preHashes()))
                    .containsExactlyElementsOf(fromXml21.hashes());
        }, fromJson.preHashes(), fromXml.hashes());
    }
}
