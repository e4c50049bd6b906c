package org.pharmatrace.gs1;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The identifiers in the GS1 EPCIS example documents of the shared corpus all parse and convert losslessly. */
class CorpusIdentifiersTest {

    private static final Pattern DIGITAL_LINK = Pattern.compile("https://id\\.gs1\\.org/[^\"<\\s]+");
    private static final Pattern EPC_URN = Pattern.compile("urn:epc:(?:id|class|idpat):[a-z]+:[^\"<\\s]+");

    private static Path examples() {
        String dir = System.getProperty("hub.corpus.dir", "../../../shared/corpus");
        return Path.of(dir, "epcis", "gs1-examples");
    }

    private static Set<String> find(Path dir, String suffix, Pattern pattern) throws IOException {
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : (Iterable<Path>) files.filter(p -> p.toString().endsWith(suffix))::iterator) {
                Matcher m = pattern.matcher(Files.readString(file));
                while (m.find()) {
                    found.add(m.group());
                }
            }
        }
        return found;
    }

    @Nested
    class DigitalLinkExamples {

        @Test
        void whenEpcsOfTheDigitalLinkExamplesAreParsedThenEachGivesBackItsCanonicalForm() throws IOException {
            Set<String> links = find(examples().resolve("JSON/WithDigitalLinkID"), ".jsonld", DIGITAL_LINK);

            assertThat(links).contains("https://id.gs1.org/01/70614141123451/21/2017",
                    "https://id.gs1.org/01/04012345123456/10/998877", "https://id.gs1.org/01/04012345666663");
            for (String link : links) {
                assertThat(Gs1Key.parse(link).toDigitalLink()).as(link).isEqualTo(link);
            }
        }

        @Test
        void whenTheCorpusDigitalLinksAreGivenTheGs1PrefixesThenTheyBecomeEpcUrns() throws IOException {
            CompanyPrefixLengths lengths = CompanyPrefixLengths.none().with("0614141", 7).with("4012345", 7);

            assertThat(Gs1Key.parse("https://id.gs1.org/01/70614141123451/21/2017", lengths).toEpcUri())
                    .isEqualTo("urn:epc:id:sgtin:0614141.712345.2017");
            assertThat(Gs1Key.parse("https://id.gs1.org/01/04012345666663", lengths).toEpcUri())
                    .isEqualTo("urn:epc:idpat:sgtin:4012345.066666.*");
        }
    }

    @Nested
    class EpcUrnExamples {

        @Test
        void whenEveryEpcUrnOfTheExamplesGoesToDigitalLinkAndBackThenItIsUnchanged() throws IOException {
            Set<String> urns = new TreeSet<>(find(examples().resolve("XML"), ".xml", EPC_URN));
            urns.addAll(find(examples().resolve("JSON"), ".jsonld", EPC_URN));
            urns.removeIf(u -> u.startsWith("urn:epc:idpat:") && !u.endsWith(".*")); // patterns are queries, not keys

            assertThat(urns).hasSizeGreaterThan(50);
            for (String urn : urns) {
                Gs1Key key = Gs1Key.parse(urn);
                CompanyPrefixLengths lengths = CompanyPrefixLengths.none().withDefault(key.companyPrefixLength());
                assertThat(Gs1Key.parse(key.toDigitalLink(), lengths).toEpcUri()).as(urn).isEqualTo(urn);
            }
        }
    }
}
