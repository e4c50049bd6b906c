package org.pharmatrace.hub.attachments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pharmatrace.epcis.formats.EpcisReaders;
import org.pharmatrace.epcis.io.EpcisEventReader;
import org.pharmatrace.epcis.model.EpcisEvent;
import org.pharmatrace.hub.attachments.AttachmentReferences.Linked;

/** Linking {@code attachment:<part>} references changes those values and not one other byte of the document. */
class AttachmentReferencesTest {

    private static final String COA = "ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi";
    private static final String PHOTO = "ipfs://bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku";
    private static final Map<String, String> PARTS = Map.of("coa", COA, "photo", PHOTO);

    @Test
    void jsonLdCertificationInfoAndEveryOtherStringValueAreLinked() throws IOException {
        String original = corpus("epcis/gs1-examples/JSON/WithFullCombinationOfFields/object_event_all_possible_fields.jsonld");
        String sent = original
                .replace("\"https://accreditation-council.example.org/certificate/ABC12345\"", "\"attachment:coa\"")
                .replace("\"https://id.gs1.org/8004/4000001111\"", "\"attachment\\u003aphoto\"");
        assertThat(sent).isNotEqualTo(original).contains("attachment\\u003aphoto");

        Linked linked = AttachmentReferences.link(sent.getBytes(StandardCharsets.UTF_8), PARTS);

        assertThat(linked.unknown()).isEmpty();
        assertThat(linked.referenced()).containsExactlyInAnyOrder("coa", "photo");
        assertThat(new String(linked.document(), StandardCharsets.UTF_8)).isEqualTo(original
                .replace("\"https://accreditation-council.example.org/certificate/ABC12345\"", "\"" + COA + "\"")
                .replace("\"https://id.gs1.org/8004/4000001111\"", "\"" + PHOTO + "\""));
        assertThat(events(linked.document())).extracting(EpcisEvent::getCertificationInfo)
                .containsExactly(List.of(COA));
    }

    @Test
    void jsonWithAByteOrderMarkMultiByteTextArraysAndNames() {
        String sent = "\uFEFF{\"name\": \"Zürich café 東京\", \"attachment:coa\": [\"attachment:coa\", \"x attachment:coa\","
                + " \"attachment:photo\"], \"n\": 1.50}";
        Linked linked = AttachmentReferences.link(sent.getBytes(StandardCharsets.UTF_8), PARTS);
        assertThat(new String(linked.document(), StandardCharsets.UTF_8)).isEqualTo("\uFEFF{\"name\": \"Zürich café 東京\", "
                + "\"attachment:coa\": [\"" + COA + "\", \"x attachment:coa\", \"" + PHOTO + "\"], \"n\": 1.50}");
    }

    @Test
    void referencesToPartsNotSentAreNamed() {
        Linked json = AttachmentReferences.link("{\"certificationInfo\": [\"attachment:coa\", \"attachment:gmp\"]}"
                .getBytes(StandardCharsets.UTF_8), PARTS);
        assertThat(json.unknown()).containsExactly("attachment:gmp");
        Linked xml = AttachmentReferences.link("<a><b>attachment:gmp</b><c x=\"attachment:batch\"/></a>"
                .getBytes(StandardCharsets.UTF_8), PARTS);
        assertThat(xml.unknown()).containsExactly("attachment:gmp", "attachment:batch");
    }

    @Test
    void xmlElementTextAndAttributesAreLinkedWhateverTheirForm() throws IOException {
        String original = corpus("epcis/openepcis-pairs/2.0/EPCIS/XML/Capture/Documents/ObjectEvent_all_possible_fields.xml");
        String sent = original
                .replace(">https://accreditation-council.example.org/certificate/ABC12345<", ">\n   attachment:coa  <")
                .replace("uriValue=\"https://id.gs1.org/8004/4000001111\"", "uriValue=\"attachment&#58;photo\"");
        assertThat(sent).isNotEqualTo(original);

        Linked linked = AttachmentReferences.link(sent.getBytes(StandardCharsets.UTF_8), PARTS);

        assertThat(linked.unknown()).isEmpty();
        assertThat(new String(linked.document(), StandardCharsets.UTF_8)).isEqualTo(original
                .replace(">https://accreditation-council.example.org/certificate/ABC12345<", ">\n   " + COA + "  <")
                .replace("uriValue=\"https://id.gs1.org/8004/4000001111\"", "uriValue=\"" + PHOTO + "\""));
        assertThat(events(linked.document())).extracting(EpcisEvent::getCertificationInfo)
                .containsExactly(List.of(COA));
    }

    @Test
    void xmlCdataCommentsMultiByteTextAndOtherEncodings() {
        String sent = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<!-- attachment:nothing -->"
                + "<a note='Zürich'><b><![CDATA[attachment:coa]]></b><c>attach<!-- split -->ment:photo</c>"
                + "<d x = 'attachment:coa' y=\"see attachment:coa\"/><e>attachment:coa and more</e></a>";
        Charset latin1 = StandardCharsets.ISO_8859_1;
        Linked linked = AttachmentReferences.link(sent.getBytes(latin1), PARTS);
        assertThat(linked.unknown()).containsExactly("attachment:coa and more");
        assertThat(new String(linked.document(), latin1)).isEqualTo("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n"
                + "<!-- attachment:nothing --><a note='Zürich'><b>" + COA + "</b><c>" + PHOTO + "</c>"
                + "<d x = '" + COA + "' y=\"see attachment:coa\"/><e>attachment:coa and more</e></a>");
    }

    @Test
    void utf16Xml() {
        String sent = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><a>attachment:coa</a>";
        Charset utf16 = StandardCharsets.UTF_16; // with a byte order mark
        Linked linked = AttachmentReferences.link(sent.getBytes(utf16), PARTS);
        assertThat(new String(linked.document(), utf16)).isEqualTo(
                "<?xml version=\"1.0\" encoding=\"UTF-16\"?><a>" + COA + "</a>");
    }

    @Test
    void whatCannotBeParsedIsLeftAsItIs() {
        byte[] broken = "{\"certificationInfo\": \"attachment:coa\"".getBytes(StandardCharsets.UTF_8);
        assertThat(AttachmentReferences.link(broken, PARTS).document()).isEqualTo(broken);
        byte[] notXml = "<a>attachment:coa</b>".getBytes(StandardCharsets.UTF_8);
        assertThat(AttachmentReferences.link(notXml, PARTS).document()).isEqualTo(notXml);
    }

    private static String corpus(String relative) throws IOException {
        String dir = System.getProperty("hub.corpus.dir");
        if (dir == null) {
            throw new IllegalStateException("-Dhub.corpus.dir is not set (the shared corpus, e.g. ../shared/corpus)");
        }
        return Files.readString(Path.of(dir).resolve(relative), StandardCharsets.UTF_8);
    }

    private static List<EpcisEvent> events(byte[] document) throws IOException {
        List<EpcisEvent> events = new ArrayList<>();
        try (EpcisEventReader reader = EpcisReaders.open(new ByteArrayInputStream(document))) {
            while (reader.hasNext()) {
                events.add(reader.next());
            }
        }
        return events;
    }
}
