package org.pharmatrace.gs1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CheckDigitTest {

    @Nested
    class Compute {

        // Each expected digit worked by hand: weights 3,1,3,1… from the right of the body, check = (10 − sum mod 10) mod 10.
        @ParameterizedTest(name = "when body is {0} then check digit is {1}")
        @CsvSource({
                "1061414107346, 4",     // GTIN-14 of urn:epc:id:sgtin:0614141.107346.*
                "10614141234567890, 8", // SSCC of urn:epc:id:sscc:0614141.1234567890
                "061414112345, 2",      // GLN of urn:epc:id:sgln:0614141.12345.*
                "0401234512345, 6",     // GTIN-14 of urn:epc:class:lgtin:4012345.012345.*
                "0031234567890, 6",     // NDC 12345-6789-0 as GTIN-14
                "629104150021, 3",      // GTIN-13 6291041500213
                "0000000000000, 0"
        })
        void whenBodyIsGivenThenCheckDigitMatchesHandCalculation(String body, int expected) {
            assertThat(CheckDigit.compute(body)).isEqualTo(expected);
        }

        @Test
        void whenBodyContainsALetterThenTheMessageNamesIt() {
            assertThatThrownBy(() -> CheckDigit.compute("06141A1"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'A'");
        }
    }

    @Nested
    class IsValid {

        @Test
        void whenCheckDigitIsRightThenValid() {
            assertThat(CheckDigit.isValid("10614141073464")).isTrue();
            assertThat(CheckDigit.isValid("106141412345678908")).isTrue();
        }

        @Test
        void whenCheckDigitIsWrongOrInputIsNotDigitsThenInvalid() {
            assertThat(CheckDigit.isValid("10614141073465")).isFalse();
            assertThat(CheckDigit.isValid("1061414107346X")).isFalse();
            assertThat(CheckDigit.isValid("")).isFalse();
            assertThat(CheckDigit.isValid(null)).isFalse();
        }
    }
}
