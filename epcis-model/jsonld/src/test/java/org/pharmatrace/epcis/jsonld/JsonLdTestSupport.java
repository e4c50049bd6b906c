package org.pharmatrace.epcis.jsonld;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.pharmatrace.epcis.model.EpcisDocumentInfo;
import org.pharmatrace.epcis.model.EpcisEvent;

/** Shared test plumbing: where the corpus is, reading and writing whole documents, the standard's JSON Schema. */
final class JsonLdTestSupport {

    private static JsonSchema schema;

    private JsonLdTestSupport() {
    }

    /** A document read completely: its envelope and its events. */
    record ReadDocument(EpcisDocumentInfo document, List<EpcisEvent> events) {
        String dump() {
            return ModelDump.of(document, events);
        }
    }

    static Path corpus() {
        String dir = System.getProperty("hub.corpus.dir");
        if (dir == null) {
            throw new IllegalStateException("system property hub.corpus.dir is not set (Surefire sets it)");
        }
        return Path.of(dir);
    }

    static Path corpusFile(String relative) {
        return corpus().resolve(relative);
    }

    /**
     * The EPCIS JSON-LD documents of the corpus: the standard's examples and the openepcis JSON set, without the
     * deliberately invalid ones and without query definitions (they are queries, not EPCIS documents).
     */
    static Stream<Path> corpusDocuments() {
        List<Path> files = new ArrayList<>();
        collect(corpus().resolve("epcis/gs1-examples/JSON"), files);
        collect(corpus().resolve("epcis/openepcis-pairs/2.0/EPCIS/JSON"), files);
        return files.stream().sorted();
    }

    private static void collect(Path root, List<Path> out) {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".jsonld"))
                    .filter(p -> !p.toString().contains("/Invalid/") && !p.toString().contains("/Queries/"))
                    .forEach(out::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String corpusName(Path file) {
        return corpus().relativize(file).toString();
    }

    static ReadDocument read(Path file) {
        try (EpcisJsonLdReader reader = EpcisJsonLdReader.open(file)) {
            return readAll(reader);
        }
    }

    static ReadDocument read(String json) {
        try (EpcisJsonLdReader reader = new EpcisJsonLdReader(utf8(json))) {
            return readAll(reader);
        }
    }

    static InputStream utf8(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }

    private static ReadDocument readAll(EpcisJsonLdReader reader) {
        List<EpcisEvent> events = new ArrayList<>();
        reader.forEachRemaining(events::add);
        return new ReadDocument(reader.document(), events);
    }

    static String write(ReadDocument document, boolean pretty) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (EpcisJsonLdWriter writer = new EpcisJsonLdWriter(bytes, pretty)) {
            writer.start(document.document());
            document.events().forEach(writer::write);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Problems the standard's JSON Schema finds in a document, empty when it is valid. */
    static Set<ValidationMessage> schemaProblems(String json) {
        return schema().validate(json, InputFormat.JSON);
    }

    private static synchronized JsonSchema schema() {
        if (schema == null) {
            Path file = corpus().resolve("epcis/standard/EPCIS-JSON-Schema.json");
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            try (InputStream in = Files.newInputStream(file)) {
                schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in, config);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return schema;
    }
}
