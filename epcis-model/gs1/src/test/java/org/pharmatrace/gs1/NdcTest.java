package org.pharmatrace.gs1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NdcTest {

    @Nested
    class Parse {

        @ParameterizedTest(name = "when NDC is {0} then format is {1} and GTIN is {2}")
        @CsvSource({
                "12345-6789-0, 5-4-1, 00312345678906",
                "1234-5678-90, 4-4-2, 00312345678906",
                "12345-678-90, 5-3-2, 00312345678906",
                "0777-3105-02, 4-4-2, 00307773105025"
        })
        void whenHyphenatedNdcIsParsedThenFormatAndGtinFollow(String text, String format, String gtin) {
            Ndc ndc = Ndc.parse(text);

            assertThat(ndc.format()).hasToString(format);
            assertThat(ndc.toGtin14()).isEqualTo(gtin);
            assertThat(ndc.hyphenated()).isEqualTo(text);
        }

        @Test
        void whenPlainTenDigitsAreParsedThenTheGtinIsKnownButNotTheSegmentation() {
            Ndc ndc = Ndc.parse("1234567890");

            assertThat(ndc.toGtin14()).isEqualTo("00312345678906");
            assertThat(ndc.format()).isNull();
            assertThat(ndc).hasToString("1234567890");
            assertThatThrownBy(ndc::hyphenated).hasMessageContaining("segmentation");
        }

        @Test
        void whenElevenDigitBillingNdcIsParsedWithoutCatalogThenRejected() {
            assertThatThrownBy(() -> Ndc.parse("12345-6789-00"))
                    .isInstanceOf(Gs1IdentifierException.class)
                    .hasMessageContaining("11-digit billing NDC");
        }

        @Test
        void whenElevenDigitBillingNdcIsInTheCatalogThenItMapsToTheTenDigitNdc() {
            InMemoryNdcProductCatalog catalog = new InMemoryNdcProductCatalog().add("12345-6789-0").add("1234-5678-90");

            assertThat(Ndc.parse("12345-6789-00", catalog).hyphenated()).isEqualTo("12345-6789-0");
            assertThat(Ndc.parse("01234567890", catalog).hyphenated()).isEqualTo("1234-5678-90");
            assertThatThrownBy(() -> Ndc.parse("99999-9999-99", catalog)).hasMessageContaining("not in the product catalog");
        }

        @Test
        void whenHyphenationIsNotAnNdcFormatThenRejected() {
            assertThatThrownBy(() -> Ndc.parse("123-45678-90")).hasMessageContaining("4-4-2, 5-3-2 or 5-4-1");
            assertThatThrownBy(() -> Ndc.parse("12345-6789")).hasMessageContaining("10 digits");
            assertThatThrownBy(() -> Ndc.parse("12345-67A9-0")).hasMessageContaining("digits and hyphens");
        }
    }

    @Nested
    class Gtin {

        @Test
        void whenIndicatorIsGivenThenItLeadsTheGtinAndTheCheckDigitFollows() {
            assertThat(Ndc.parse("12345-6789-0").toGtin14('5')).isEqualTo("50312345678901");
            assertThatThrownBy(() -> Ndc.parse("12345-6789-0").toGtin14('9')).hasMessageContaining("0-8");
        }

        @Test
        void whenGtinIsNdcBasedThenTheNdcIsRecovered() {
            Ndc ndc = Ndc.fromGtin14("00312345678906");

            assertThat(ndc.digits()).isEqualTo("1234567890");
            assertThat(Ndc.isNdcGtin("00312345678906")).isTrue();
        }

        @Test
        void whenCompanyPrefixLengthIsKnownThenTheLabelerIsKnown() {
            Ndc five = Ndc.fromGtin14("00312345678906", 7);
            Ndc four = Ndc.fromGtin14("00312345678906", 6);

            assertThat(five.labeler()).isEqualTo("12345");
            assertThat(five.companyPrefix()).isEqualTo("0312345");
            assertThat(five.format()).isNull(); // 5-3-2 or 5-4-1: master data decides
            assertThat(four.hyphenated()).isEqualTo("1234-5678-90");
            assertThat(five.withFormat(NdcFormat.FORMAT_5_4_1).hyphenated()).isEqualTo("12345-6789-0");
        }

        @Test
        void whenGtinIsNotNdcBasedOrHasABadCheckDigitThenRejected() {
            assertThatThrownBy(() -> Ndc.fromGtin14("10614141073464")).hasMessageContaining("digits 2-3 are '06', expected '03'");
            assertThatThrownBy(() -> Ndc.fromGtin14("00312345678907")).hasMessageContaining("check digit is 7, expected 6");
        }

        @Test
        void whenSgtinOfAnNdcProductIsBuiltThenItsEpcUsesTheLabelerPrefix() {
            assertThat(Ndc.parse("12345-6789-0").toSgtin('0', "SN1010").toEpcUri())
                    .isEqualTo("urn:epc:id:sgtin:0312345.067890.SN1010");
            assertThat(Ndc.fromGs1Key(Gs1Key.parse("urn:epc:id:sgtin:0312345.067890.SN1010")).labeler()).isEqualTo("12345");
        }
    }

    @Nested
    class BillingForm {

        @ParameterizedTest(name = "when NDC is {0} then the billing NDC is {1}")
        @CsvSource({"12345-6789-0, 12345678900", "1234-5678-90, 01234567890", "12345-678-90, 12345067890"})
        void whenNdcIsSegmentedThenTheShortSegmentIsZeroPadded(String ndc, String billing) {
            assertThat(Ndc.parse(ndc).toBillingNdc()).isEqualTo(billing);
        }

        @Test
        void whenBillingNdcHasSeveralPaddingZerosThenAllCandidatesAreListed() {
            assertThat(Ndc.candidatesForBillingNdc("01234-0678-90")).extracting(Ndc::hyphenated)
                    .containsExactly("1234-0678-90", "01234-678-90");
        }
    }
}
