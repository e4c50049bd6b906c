package org.pharmatrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** Runs the {@code hub} command in-process, as other checks call it, and looks at stdout, stderr and exit code. */
class HubCommandTest {

    static final Path CORPUS = Path.of(System.getProperty("hub.corpus.dir", "../../shared/corpus"));

    record Run(int exitCode, String out, String err) {
    }

    /** Commands write documents to System.out (bytes) and lines to picocli's writers; capture both. */
    static Run hub(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        try {
            CommandLine cli = HubCommand.commandLine();
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(err, true));
            int code = cli.execute(args);
            return new Run(code, out + stdout.toString(StandardCharsets.UTF_8), err.toString());
        } finally {
            System.setOut(original);
        }
    }

    @Nested
    class Hash {

        @Test
        void whenGivenAReferenceVectorThenItPrintsItsHashesInDocumentOrder() throws IOException {
            Path vectors = CORPUS.resolve("epcis/event-hash/examples");
            try (var files = Files.list(vectors)) {
                List<Path> xmlWithHashes = files.filter(p -> p.toString().endsWith(".xml"))
                        .filter(p -> Files.exists(Path.of(p.toString().replaceFirst("\\.xml$", ".hashes"))))
                        .sorted().limit(3).toList();
                assertThat(xmlWithHashes).isNotEmpty();
                for (Path xml : xmlWithHashes) {
                    List<String> expected = Files.readAllLines(Path.of(xml.toString().replaceFirst("\\.xml$", ".hashes")))
                            .stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
                    Run run = hub("epcis", "hash", xml.toString());
                    assertThat(run.exitCode()).as(run.err()).isZero();
                    assertThat(run.out().lines().toList()).as(xml.toString()).isEqualTo(expected);
                }
            }
        }

        @Test
        void whenTheFileDoesNotExistThenItSaysSoAndFails() {
            Run run = hub("epcis", "hash", "no-such-file.xml");
            assertThat(run.exitCode()).isEqualTo(3);
            assertThat(run.err()).contains("no-such-file.xml").contains("no such file");
        }
    }

    @Nested
    class Convert {

        @Test
        void whenConvertingDscsaXmlToJsonLdThenTheHashesStayTheSame(@TempDir Path dir) throws IOException {
            Path dscsa = CORPUS.resolve("epcis/dscsa/GS1_US_Pharma_Example_2_2_1_1.xml");
            Run json = hub("epcis", "convert", "--to", "jsonld", dscsa.toString());
            assertThat(json.exitCode()).as(json.err()).isZero();
            assertThat(json.out()).contains("\"type\" : \"EPCISDocument\"").contains("\"schemaVersion\" : \"2.0\"");
            Path converted = Files.writeString(dir.resolve("dscsa.jsonld"), json.out());

            assertThat(hub("epcis", "hash", converted.toString()).out())
                    .isEqualTo(hub("epcis", "hash", dscsa.toString()).out());
        }

        @Test
        void whenConvertingToXml12ThenTheOutputIsEpcis12() {
            Path doc = CORPUS.resolve("epcis/openepcis-pairs/2.0/EPCIS/JSON/Capture/Documents/ObjectEvent.json");
            Run run = hub("epcis", "convert", "--to", "xml-1.2", doc.toString());
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("urn:epcglobal:epcis:xsd:1").contains("schemaVersion=\"1.2\"");
        }

        @Test
        void whenTheTargetFormatIsUnknownThenItNamesTheChoices() {
            Run run = hub("epcis", "convert", "--to", "csv", "x.xml");
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("use jsonld, xml or xml-1.2");
        }
    }

    @Nested
    class Validate {

        @Test
        void whenTheDocumentIsValidThenExitZero() {
            Run run = hub("epcis", "validate", CORPUS.resolve("epcis/dscsa/GS1_US_Pharma_Example_2_2_1_1.xml").toString());
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("valid EPCIS 1.2 XML");
        }

        @Test
        void whenTheDocumentIsInvalidThenErrorsGoToStderrAndExitIsNonZero() {
            Path invalid = CORPUS.resolve("epcis/openepcis-pairs/2.0/EPCIS/XML/Capture/Invalid/ObjectEvent_with_invalid_action.xml");
            Run run = hub("epcis", "validate", invalid.toString());
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).contains("event 0").contains("action").contains("INVALID");
        }
    }

    @Nested
    class Map {

        @ParameterizedTest(name = "{0}")
        @CsvSource({
                "x12-856, x12/pharma-asn-856.edi, 4",
                "edifact-desadv, edifact/pharma-desadv.edi, 3",
                "hl7, hl7/pharmacy-rds-o13-v25.hl7, 1",
                "serial-csv, serial/commissioning-lot-a1.csv, 1"})
        void whenMappingACorpusSampleWithTheDefaultsThenTheOutputIsValidEpcis(String format, String file, int events,
                                                                             @TempDir Path dir) throws IOException {
            Run run = hub("map", "--format", format, CORPUS.resolve(file).toString());
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("urn:epc:id:");
            Path mapped = Files.writeString(dir.resolve(format + ".jsonld"), run.out());

            Run validation = hub("epcis", "validate", mapped.toString());
            assertThat(validation.exitCode()).as(validation.err()).isZero();
            assertThat(validation.out()).contains("valid EPCIS 2.0 JSON-LD, " + events + " events");
        }

        @Test
        void whenTheFileIsBrokenThenTheReasonNamesTheLocation(@TempDir Path dir) throws IOException {
            Path csv = Files.writeString(dir.resolve("bad.csv"),
                    "gtin,serial,lot,expiry,production_date,site_gln\n00312345678907,SN1,LOT1,2027-03-31,2025-01-01,0614141000012\n");
            Run run = hub("map", "--format", "serial-csv", csv.toString());
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).contains("line 2");
        }
    }
}
