package org.pharmatrace.gs1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GS1ElementStringsTest {

    private static final int YEAR = 2026;
    private static final String GS = "\u001D";

    @Nested
    class WithParentheses {

        @Test
        void whenPackBarcodeIsReadThenAllFourAisAreReturnedInOrder() {
            ElementString es = GS1ElementStrings.parse("(01)00312345678906(21)ABC(17)270331(10)LOT1", YEAR);

            assertThat(es.values()).containsExactly(
                    entry("01", "00312345678906"), entry("21", "ABC"), entry("17", "270331"), entry("10", "LOT1"));
            assertThat(es.gtin()).isEqualTo("00312345678906");
            assertThat(es.serial()).isEqualTo("ABC");
            assertThat(es.lot()).isEqualTo("LOT1");
            assertThat(es.date("17", YEAR)).isEqualTo(LocalDate.of(2027, 3, 31));
        }

        @Test
        void whenHl7ScannedPackIsReadThenItBecomesAnSgtin() {
            // as in the OBX of the corpus RDS^O13 message
            ElementString es = GS1ElementStrings.parse("(01)00312345678906(21)SN1010(17)271231(10)LOT-A1", YEAR);

            assertThat(es.toGs1Key().toEpcUri()).isEqualTo("urn:epc:id:sgtin:0312345.067890.SN1010");
            assertThat(es.date("17", YEAR)).isEqualTo(LocalDate.of(2027, 12, 31));
        }

        @Test
        void whenValueContainsParenthesesThenOnlyAKnownAiStartsTheNextElement() {
            ElementString es = GS1ElementStrings.parse("(01)00312345678906(21)A(B)(123)C(10)L1", YEAR);

            assertThat(es.serial()).isEqualTo("A(B)(123)C");
            assertThat(es.lot()).isEqualTo("L1");
        }

        @Test
        void whenElementsAreSeparatedBySpacesThenTheSpacesAreIgnored() {
            ElementString es = GS1ElementStrings.parse("(414)4023333000017 (254)12", YEAR);

            assertThat(es.toGs1Key().toDigitalLink()).isEqualTo("https://id.gs1.org/414/4023333000017/254/12");
        }
    }

    @Nested
    class RawWithSeparators {

        @Test
        void whenDataMatrixDataHasSymbologyIdAndGsThenFieldsAreSplitByAiLengths() {
            ElementString es = GS1ElementStrings.parse("]d2" + "0100312345678906" + "17270300" + "10LOT1" + GS + "21ABC", YEAR);

            assertThat(es.values()).containsExactly(
                    entry("01", "00312345678906"), entry("17", "270300"), entry("10", "LOT1"), entry("21", "ABC"));
        }

        @Test
        void whenQrCodeOrGs1128IdentifiersAreUsedThenTheyAreAccepted() {
            assertThat(GS1ElementStrings.parse("]Q3" + "00106141412345678908", YEAR).sscc()).isEqualTo("106141412345678908");
            assertThat(GS1ElementStrings.parse("]C1" + "0110614141073464" + "212017", YEAR).serial()).isEqualTo("2017");
        }

        @Test
        void whenDataStartsWithAnFnc1ThenItIsSkipped() {
            assertThat(GS1ElementStrings.parse(GS + "0110614141073464" + "212017", YEAR).gtin()).isEqualTo("10614141073464");
        }

        @Test
        void whenFixedLengthAiWithoutPredefinedLengthIsFollowedByGsThenBothReadingsWork() {
            ElementString withGs = GS1ElementStrings.parse("4140614141123452" + GS + "254400", YEAR);
            ElementString withoutGs = GS1ElementStrings.parse("4140614141123452" + "254400", YEAR);

            assertThat(withGs).isEqualTo(withoutGs);
            assertThat(withGs.toGs1Key(CompanyPrefixLengths.none().withDefault(7)).toEpcUri())
                    .isEqualTo("urn:epc:id:sgln:0614141.12345.400");
        }

        @Test
        void whenMoreAisAreReadThenTheirFormatsAreRespected() {
            ElementString es = GS1ElementStrings.parse(
                    "0110614141073464" + "11250101" + "15270600" + "3103000500" + "7003" + "2712311530"
                            + "8004" + "4012345ABC345" + GS + "800304012345000221334455", YEAR);

            assertThat(es.get("11")).isEqualTo("250101");
            assertThat(es.get("3103")).isEqualTo("000500");
            assertThat(es.get("7003")).isEqualTo("2712311530");
            assertThat(es.get("8004")).isEqualTo("4012345ABC345");
            assertThat(es.get("8003")).isEqualTo("04012345000221334455");
            assertThat(es.date("15", YEAR)).isEqualTo(LocalDate.of(2027, 6, 30));
        }

        @Test
        void whenElementStringIsWrittenBackThenGsOnlyFollowsVariableFieldsThatAreNotLast() {
            ElementString es = GS1ElementStrings.parse("(01)00312345678906(10)LOT1(17)270331(21)ABC", YEAR);

            assertThat(es.toBarcodeData()).isEqualTo("0100312345678906" + "10LOT1" + GS + "17270331" + "21ABC");
            assertThat(GS1ElementStrings.parse(es.toBarcodeData(), YEAR)).isEqualTo(es);
            assertThat(es.toHumanReadable()).isEqualTo("(01)00312345678906(10)LOT1(17)270331(21)ABC");
        }
    }

    @Nested
    class Dates {

        @Test
        void whenDayIsZeroThenExpiryIsTheLastDayOfTheMonth() {
            assertThat(GS1ElementStrings.parse("(17)270200", YEAR).date("17", YEAR)).isEqualTo(LocalDate.of(2027, 2, 28));
            assertThat(GS1ElementStrings.parse("(17)280200", YEAR).date("17", YEAR)).isEqualTo(LocalDate.of(2028, 2, 29));
            assertThat(GS1ElementStrings.parse("(17)271100", YEAR).date("17", YEAR)).isEqualTo(LocalDate.of(2027, 11, 30));
        }

        @Test
        void whenYearIsFarAheadThenTheSlidingWindowPutsItInThePreviousCentury() {
            assertThat(Gs1Date.fullYear(76, 2026)).isEqualTo(2076);
            assertThat(Gs1Date.fullYear(77, 2026)).isEqualTo(1977);
            assertThat(Gs1Date.fullYear(75, 2025)).isEqualTo(2075);
            assertThat(Gs1Date.fullYear(10, 2080)).isEqualTo(2110);
        }

        @ParameterizedTest(name = "when expiry is {0} then it is rejected")
        @ValueSource(strings = {"(17)271301", "(17)270230", "(17)27033", "(17)2703AB"})
        void whenDateIsImpossibleThenRejectedNamingTheAi(String data) {
            assertThatThrownBy(() -> GS1ElementStrings.parse(data, YEAR))
                    .isInstanceOf(Gs1IdentifierException.class)
                    .hasMessageContaining("AI (17)");
        }
    }

    @Nested
    class Rejections {

        @Test
        void whenGtinCheckDigitIsWrongThenTheMessageNamesAiAndExpectedDigit() {
            assertThatThrownBy(() -> GS1ElementStrings.parse("(01)00312345678907(21)ABC", YEAR))
                    .isInstanceOf(Gs1IdentifierException.class)
                    .hasMessageContaining("AI (01) GTIN GTIN check digit of 00312345678907 is 7, expected 6");
        }

        @Test
        void whenSerialIsTooLongThenRejected() {
            assertThatThrownBy(() -> GS1ElementStrings.parse("(21)123456789012345678901", YEAR))
                    .hasMessageContaining("AI (21) SERIAL '123456789012345678901' is too long: at most 20");
        }

        @Test
        void whenSerialHasAForbiddenCharacterThenItIsNamed() {
            assertThatThrownBy(() -> GS1ElementStrings.parse("(01)00312345678906(21)AB#C", YEAR))
                    .hasMessageContaining("AI (21) SERIAL contains character '#' not allowed in GS1 AI 21");
        }

        @Test
        void whenAiIsUnknownThenThePositionIsNamed() {
            assertThatThrownBy(() -> GS1ElementStrings.parse("0100312345678906" + "9", YEAR))
                    .hasMessageContaining("no known GS1 AI at position 17");
        }

        @Test
        void whenFixedFieldIsCutShortThenRejected() {
            assertThatThrownBy(() -> GS1ElementStrings.parse("01003123456789", YEAR))
                    .hasMessageContaining("needs 14 characters, only 12 left");
        }

        @Test
        void whenSymbologyIsNotGs1ThenRejected() {
            assertThatThrownBy(() -> GS1ElementStrings.parse("]d1" + "0100312345678906", YEAR))
                    .hasMessageContaining("symbology identifier ]d1");
        }

        @Test
        void whenTheSameAiHasTwoValuesThenRejected() {
            assertThatThrownBy(() -> GS1ElementStrings.parse("(10)A(10)B", YEAR)).hasMessageContaining("appears twice");
        }

        @Test
        void whenBarcodeHoldsNoKeyThenNoGs1KeyCanBeMade() {
            assertThatThrownBy(() -> GS1ElementStrings.parse("(10)LOT1(17)270331", YEAR).toGs1Key())
                    .hasMessageContaining("holds no GS1 key");
        }
    }

    private static java.util.Map.Entry<String, String> entry(String ai, String value) {
        return java.util.Map.entry(ai, value);
    }
}
