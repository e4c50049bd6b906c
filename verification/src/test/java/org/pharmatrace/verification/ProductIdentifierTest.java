package org.pharmatrace.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.pharmatrace.gs1.GS1ElementStrings;

class ProductIdentifierTest {

    private static InvalidProductIdentifierException refused(String gtin, String serial, String lot, String expiry) {
        return catchThrowableOfType(InvalidProductIdentifierException.class,
                () -> ProductIdentifier.of(gtin, serial, lot, expiry, 2026));
    }

    @Test
    void whenDayIs00ThenTheExpiryIsTheLastDayOfTheMonth() {
        assertThat(ProductIdentifier.of(Packs.GTIN, "S1", null, "280200", 2026).expiry())
                .isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(ProductIdentifier.of(Packs.GTIN, "S1", null, "270400", 2026).expiry())
                .isEqualTo(LocalDate.of(2027, 4, 30));
    }

    @Test
    void whenTheYearIsFarAheadThenTheGs1SlidingWindowPutsItInTheLastCentury() {
        assertThat(ProductIdentifier.of(Packs.GTIN, "S1", null, "991231", 2026).expiry())
                .isEqualTo(LocalDate.of(1999, 12, 31));
    }

    @Test
    void whenAGtin8Or12IsGivenThenItIsPaddedAndChecked() {
        assertThat(ProductIdentifier.of("96385074", "S1", null, null, 2026).gtin()).isEqualTo("00000096385074");
        assertThat(ProductIdentifier.of("036000291452", "S1", null, null, 2026).gtin()).isEqualTo("00036000291452");
        assertThat(refused("96385075", "S1", null, null)).hasMessageContaining("has check digit 5, expected 4");
    }

    @Test
    void whenAValueBreaksItsRuleThenTheFieldAndAiAreNamed() {
        InvalidProductIdentifierException gtin = refused("00312345678907", "S1", null, null);
        assertThat(gtin.field()).isEqualTo("gtin");
        assertThat(gtin.ai()).isEqualTo("01");

        InvalidProductIdentifierException serial = refused(Packs.GTIN, "", null, null);
        assertThat(serial.field()).isEqualTo("serial");
        assertThat(serial.ai()).isEqualTo("21");
        assertThat(serial).hasMessage("serial (AI 21): the serial number is required");

        InvalidProductIdentifierException lot = refused(Packs.GTIN, "S1", "LOT\u001D1", null);
        assertThat(lot.field()).isEqualTo("lot");
        assertThat(lot).hasMessageContaining("U+001D at position 4");

        InvalidProductIdentifierException expiry = refused(Packs.GTIN, "S1", null, "27053A");
        assertThat(expiry.field()).isEqualTo("expiry");
        assertThat(expiry.ai()).isEqualTo("17");
    }

    @Test
    void whenTheGtinIsLongGarbageThenTheMessageQuotesOnlyItsStart() {
        assertThat(refused("9".repeat(500), "S1", null, null).getMessage()).hasSizeLessThan(120);
    }

    @Test
    void thenTheDigitalLinkPutsTheLotBeforeTheSerialAndEncodesReservedCharacters() {
        ProductIdentifier pack = ProductIdentifier.of(Packs.GTIN, "A/B:", "L%1", "270500", 2026);

        assertThat(pack.digitalLink("https://id.example.com/dl"))
                .isEqualTo("https://id.example.com/dl/01/" + Packs.GTIN + "/10/L%251/21/A%2FB%3A?17=270500");
    }

    @Test
    void thenTheElementStringIsGtinExpiryLotSerialWithOneSeparator() {
        ProductIdentifier pack = ProductIdentifier.of(Packs.GTIN, "S1", "L1", "270500", 2026);

        assertThat(pack.elementString().toHumanReadable()).isEqualTo("(01)" + Packs.GTIN + "(17)270500(10)L1(21)S1");
        assertThat(pack.elementString().toBarcodeData())
                .isEqualTo("01" + Packs.GTIN + "17270500" + "10L1" + GS1ElementStrings.GS + "21S1");
    }
}
