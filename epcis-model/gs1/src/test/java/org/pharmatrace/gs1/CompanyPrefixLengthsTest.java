package org.pharmatrace.gs1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalInt;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CompanyPrefixLengthsTest {

    @Nested
    class LengthFor {

        @Test
        void whenSeveralEntriesMatchThenTheLongestPrefixWins() {
            CompanyPrefixLengths lengths = CompanyPrefixLengths.none().with("06", 9).with("0614141", 7);

            assertThat(lengths.lengthFor("061414107346")).hasValue(7);
            assertThat(lengths.lengthFor("069999907346")).hasValue(9);
        }

        @Test
        void whenDigitsStartWith03ThenTheNdcRuleGivesSevenByDefault() {
            assertThat(CompanyPrefixLengths.defaults().lengthFor("031234567890")).hasValue(7);
        }

        @Test
        void whenNdcLengthIsConfiguredForFourDigitLabelersThenItIsSix() {
            assertThat(CompanyPrefixLengths.defaults().withNdcCompanyPrefixLength(6).lengthFor("031234567890")).hasValue(6);
        }

        @Test
        void whenAnEntryCoversAnNdcLabelerThenTheEntryWinsOverTheNdcRule() {
            assertThat(CompanyPrefixLengths.defaults().with("031234", 6).lengthFor("031234567890")).hasValue(6);
        }

        @Test
        void whenNothingMatchesThenUnknownUnlessADefaultIsSet() {
            assertThat(CompanyPrefixLengths.defaults().lengthFor("401234512345")).isEqualTo(OptionalInt.empty());
            assertThat(CompanyPrefixLengths.defaults().withDefault(9).lengthFor("401234512345")).hasValue(9);
            assertThat(CompanyPrefixLengths.none().lengthFor("031234567890")).isEmpty();
        }
    }

    @Nested
    class Configuration {

        @Test
        void whenLengthIsOutsideSixToTwelveThenRejected() {
            assertThatThrownBy(() -> CompanyPrefixLengths.none().with("0614141", 5))
                    .hasMessageContaining("6 to 12");
            assertThatThrownBy(() -> CompanyPrefixLengths.none().withDefault(13))
                    .hasMessageContaining("6 to 12");
        }

        @Test
        void whenPrefixIsNotDigitsThenRejected() {
            assertThatThrownBy(() -> CompanyPrefixLengths.none().with("06A", 7)).hasMessageContaining("digits");
        }
    }
}
