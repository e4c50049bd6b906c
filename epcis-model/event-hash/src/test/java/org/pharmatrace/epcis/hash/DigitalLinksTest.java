package org.pharmatrace.epcis.hash;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.pharmatrace.gs1.Gs1Key;

/** The constrained canonical Digital Link, and the SGTIN/SSCC shortcut checked against Gs1Key. */
class DigitalLinksTest {

    private final DigitalLinks links = new DigitalLinks();

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "urn:epc:id:sgtin:0614141.812345.6789%2F%26%25%22!%3F(), https://id.gs1.org/01/80614141123458/21/6789%2F%26%25%22%21%3F%28%29",
        "urn:epc:id:sgln:4012345.00005.0, https://id.gs1.org/414/4012345000054",
        "urn:epc:idpat:sgtin:4012345.044444.*, https://id.gs1.org/01/04012345444445",
        "urn:epc:idpat:upui:4012345.044444.*, https://id.gs1.org/01/04012345444445",
        "urn:epc:idpat:itip:4012345.011111.01.02.*, https://id.gs1.org/8006/040123451111180102",
        "urn:epc:idpat:cpi:0614141.123ABC.*, https://id.gs1.org/8010/0614141123ABC",
        "https://example.com/gtin/09780345418913/21/765tz?abc=211121, https://id.gs1.org/01/09780345418913/21/765tz",
        "https://id.gs1.de/01/04012345999990/10/LOT/21/XYZ-1234, https://id.gs1.org/01/04012345999990/21/XYZ-1234",
        "https://id.gs1.org/01/04012345999990/22/CPV/10/LOT, https://id.gs1.org/01/04012345999990/10/LOT",
        "https://id.gs1.org/giai/4000001111, https://id.gs1.org/8004/4000001111",
    })
    void gs1IdentifiersBecomeCanonicalDigitalLinks(String given, String expected) {
        assertThat(links.canonical(given, false)).isEqualTo(expected);
        assertThat(links.canonical(given, true)).isEqualTo(expected);
    }

    /** Links Gs1Key rejects (wrong check digit, GRAI without its leading zero) as the reference writes them. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "https://id.example.com/8003/030013450007718765, https://id.gs1.org/8003/030013450007718765",
        "https://id.example.com/8003/952012200000001004, https://id.gs1.org/8003/952012200000001004",
        "https://example.com/shop/01/12345678901234/10/LOT/21/S1?x=1, https://id.gs1.org/01/12345678901234/21/S1",
        "http://example.com/gtin/1234567890123/ser/ABC#top, https://id.gs1.org/01/01234567890123/21/ABC",
        "https://example.com/414/1234567890123/254/7, https://id.gs1.org/414/1234567890123/254/7",
    })
    void invalidButWellFormedLinksAreCanonicalisedSyntactically(String given, String expected) {
        assertThat(links.canonical(given, true)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "https://example.com/01/12345678901234/21/a%2Fb", "https://example.com/01/12345678901234/17/261231",
        "https://example.com/01/1234567890/21/1",
        "http://transaction.acme.com/po/12345678", "https://ref.gs1.org/cbv/BizStep-receiving",
        "urn:epc:id:adi:2S194.12345.1234", "urn:epc:id:sgtin:0614141.81234.1", "geo:50.9,6.9",
        "https://www.ncbi.nlm.nih.gov/taxonomy/1126011"})
    void otherValuesAreKept(String given) {
        assertThat(links.canonical(given, true)).isSameAs(given);
    }

    @Test
    void theShortcutWritesWhatGs1KeyWrites() {
        Random random = new Random(42);
        String serialChars = "0123456789ABCXYZabcxyz-._';=";
        List<String> epcs = new ArrayList<>();
        for (int cp = 6; cp <= 12; cp++) {
            for (int n = 0; n < 50; n++) {
                String prefix = digits(random, cp);
                StringBuilder serial = new StringBuilder();
                for (int k = 1 + random.nextInt(20); k > 0; k--) {
                    serial.append(serialChars.charAt(random.nextInt(serialChars.length())));
                }
                epcs.add("urn:epc:id:sgtin:" + prefix + "." + digits(random, 13 - cp) + "." + serial);
                epcs.add("urn:epc:id:sscc:" + prefix + "." + digits(random, 17 - cp));
            }
        }
        for (String epc : epcs) {
            String digitalLink = Gs1Key.parse(epc).toDigitalLink();
            assertThat(DigitalLinks.plainSerialised(epc)).as(epc).isEqualTo(digitalLink);
            assertThat(DigitalLinks.plainSerialised(digitalLink)).as(digitalLink).isEqualTo(digitalLink);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "https://id.gs1.org/01/04012345111119/21/1", "https://id.gs1.org/00/040123450000001113"})
    void canonicalLinksWithAWrongCheckDigitAreKeptAsGs1KeyRejectsThem(String link) {
        assertThat(links.canonical(link, true)).isEqualTo(link);
        assertThat(DigitalLinks.plainSerialised(link)).isEqualTo(link);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "urn:epc:id:sgtin:0614141.812345.67%2F89", "urn:epc:id:sgtin:0614141.812345.6!", "urn:epc:id:sgtin:0614141.81234.1",
        "urn:epc:id:sgtin:0614141.812345.", "urn:epc:id:sgtin:0614141.812345.123456789012345678901",
        "urn:epc:id:sscc:0614141.123456789", "urn:epc:id:sscc:06141.41123456789012",
        "https://id.gs1.org/01/04012345111118/21/a%2Fb", "https://id.gs1.org/01/04012345111118/10/LOT",
        "https://id.gs1.org/01/04012345111118/21/1?x=y", "https://id.gs1.org/00/04012345000000111"})
    void unusualEpcsAreLeftToGs1Key(String epc) {
        assertThat(DigitalLinks.plainSerialised(epc)).isNull();
    }

    private static String digits(Random random, int count) {
        StringBuilder s = new StringBuilder();
        for (int k = 0; k < count; k++) {
            s.append((char) ('0' + random.nextInt(10)));
        }
        return s.toString();
    }
}
