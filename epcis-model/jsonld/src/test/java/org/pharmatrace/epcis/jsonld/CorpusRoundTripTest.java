package org.pharmatrace.epcis.jsonld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pharmatrace.epcis.jsonld.JsonLdTestSupport.corpusName;

import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pharmatrace.epcis.jsonld.JsonLdTestSupport.ReadDocument;

/** Every valid JSON-LD document of the corpus reads, survives JSON-LD → model → JSON-LD → model, and writes valid. */
class CorpusRoundTripTest {

    static Stream<Named<Path>> documents() {
        return JsonLdTestSupport.corpusDocuments().map(p -> Named.of(corpusName(p), p));
    }

    @ParameterizedTest
    @MethodSource("documents")
    void readsWithoutErrorAndFindsEvents(Path file) {
        ReadDocument document = JsonLdTestSupport.read(file);

        assertThat(document.events()).as("events of %s", corpusName(file)).isNotEmpty();
        assertThat(document.events()).allSatisfy(e -> assertThat(e.getType()).isNotNull());
    }

    @ParameterizedTest
    @MethodSource("documents")
    void writtenAndReadAgainGivesTheSameModel(Path file) {
        ReadDocument original = JsonLdTestSupport.read(file);

        ReadDocument again = JsonLdTestSupport.read(JsonLdTestSupport.write(original, false));

        assertThat(again.dump()).isEqualTo(original.dump());
    }

    /**
     * Some examples break the schema themselves (custom bare terms, fields their event type lacks): the writer adds
     * nothing to that. A lone event (the capture form) is written as a document, which has no creation date.
     */
    @ParameterizedTest
    @MethodSource("documents")
    void writtenDocumentHasNoSchemaProblemTheSourceDidNotHave(Path file) throws IOException {
        String source = Files.readString(file);
        Set<String> allowed = new HashSet<>(messages(JsonLdTestSupport.schemaProblems(source)));
        ReadDocument document = JsonLdTestSupport.read(file);
        if (document.document().getCreationDate() == null && !source.contains("\"epcisBody\"")) {
            allowed.add(": required property 'creationDate' not found");
        }
        String written = JsonLdTestSupport.write(document, true);

        assertThat(messages(JsonLdTestSupport.schemaProblems(written))).as(written).isSubsetOf(allowed);
    }

    private static Set<String> messages(Set<ValidationMessage> problems) {
        return problems.stream().map(ValidationMessage::getMessage).collect(Collectors.toSet());
    }
}
