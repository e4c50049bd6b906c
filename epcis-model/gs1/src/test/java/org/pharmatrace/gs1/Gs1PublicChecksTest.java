package org.pharmatrace.gs1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The checks other modules share instead of copying: set 82, serial and lot, and the YYMMDD date. */
class Gs1PublicChecksTest {

    @Nested
    class CharacterSet82 {

        @Test
        void whenEveryCharacterIsInSet82ThenTheValueIsSet82() {
            assertThat(Gs1Characters.isSet82("AZaz09!\"%&'()*+,-./:;<=>?_")).isTrue();
            assertThat(Gs1Characters.firstOutsideSet82("LOT-A1")).isEqualTo(-1);
        }

        @Test
        void whenACharacterIsOutsideSet82ThenItsIndexIsReported() {
            assertThat(Gs1Characters.isSet82("A#1")).isFalse();
            assertThat(Gs1Characters.firstOutsideSet82("A#1")).isEqualTo(1);
            assertThat(Gs1Characters.firstOutsideSet82("AB C")).isEqualTo(2);
            assertThat(Gs1Characters.firstOutsideSet82("ABé")).isEqualTo(2);
        }

        @Test
        void whenACharacterIsDescribedThenInvisibleAndNonAsciiOnesAreCodePoints() {
            assertThat(Gs1Characters.describe('#')).isEqualTo("'#'");
            assertThat(Gs1Characters.describe(' ')).isEqualTo("U+0020");
            assertThat(Gs1Characters.describe('\u001d')).isEqualTo("U+001D");
            assertThat(Gs1Characters.describe('é')).isEqualTo("U+00E9");
        }
    }

    @Nested
    class SerialAndBatchLot {

        @Test
        void whenOneToTwentySet82CharactersThenValid() {
            assertThat(Gs1Key.isValidBatchLot("A")).isTrue();
            assertThat(Gs1Key.isValidBatchLot("12345678901234567890")).isTrue();
            assertThat(Gs1Key.isValidSerial("6789/&%\"!?()")).isTrue();
        }

        @Test
        void whenEmptyTooLongOrOutsideSet82ThenInvalid() {
            assertThat(Gs1Key.isValidBatchLot(null)).isFalse();
            assertThat(Gs1Key.isValidBatchLot("")).isFalse();
            assertThat(Gs1Key.isValidBatchLot("123456789012345678901")).isFalse();
            assertThat(Gs1Key.isValidBatchLot("A#1")).isFalse();
            assertThat(Gs1Key.isValidBatchLot("LOT A")).isFalse();
            assertThat(Gs1Key.isValidSerial("AB`C")).isFalse();
        }
    }

    @Nested
    class SixDigitDate {

        @Test
        void whenTheYearIsWithinTheWindowThenTheCenturyFollowsTheCurrentYear() {
            assertThat(Gs1Date.parseYymmdd("760101", 2026)).isEqualTo(LocalDate.of(2076, 1, 1));
            assertThat(Gs1Date.parseYymmdd("770101", 2026)).isEqualTo(LocalDate.of(1977, 1, 1));
            assertThat(Gs1Date.parseYymmdd("100101", 2080)).isEqualTo(LocalDate.of(2110, 1, 1));
        }

        @Test
        void whenTheDayIsZeroThenTheLastDayOfTheMonth() {
            assertThat(Gs1Date.parseYymmdd("280200", 2026)).isEqualTo(LocalDate.of(2028, 2, 29));
        }

        @Test
        void whenTheTextIsNoDateThenIllegalArgument() {
            assertThatThrownBy(() -> Gs1Date.parseYymmdd("271301", 2026))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("date 271301 has month 13, expected 01-12");
            assertThatThrownBy(() -> Gs1Date.parseYymmdd("270230", 2026))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has day 30");
            assertThatThrownBy(() -> Gs1Date.parseYymmdd("2702", 2026))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("date '2702' must be six digits YYMMDD");
        }
    }
}
