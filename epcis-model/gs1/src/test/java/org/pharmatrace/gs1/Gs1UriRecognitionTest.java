package org.pharmatrace.gs1;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Gs1UriRecognitionTest {

    @Test
    void whenTheSchemeIsOneWeParseThenTheUriIsSupportedEvenIfMalformed() {
        assertThat(Gs1Key.isSupportedGs1Uri("urn:epc:id:sgtin:0614141.107346.2017")).isTrue();
        assertThat(Gs1Key.isSupportedGs1Uri("urn:epc:id:sgtin:0614141.1073465.2017")).isTrue();
        assertThat(Gs1Key.isSupportedGs1Uri("https://id.gs1.org/01/10614141073464/21/2017")).isTrue();
    }

    @Test
    void whenTheEpcSchemeIsOutsideGs1KeysThenItIsLeftToOtherChecks() {
        assertThat(Gs1Key.isSupportedGs1Uri("urn:epc:idpat:cpi:4012345.ABC.*")).isFalse();
        assertThat(Gs1Key.isSupportedGs1Uri("urn:epc:id:adi:2S.W81XWH.ABC")).isFalse();
        assertThat(Gs1Key.isSupportedGs1Uri("urn:uuid:0a6c1b5e-1d2b-4f0a-9f4e-3d2c1b0a9f8e")).isFalse();
        assertThat(Gs1Key.isSupportedGs1Uri(null)).isFalse();
    }

    @Nested
    class OnAnyOtherDomain {

        @ParameterizedTest
        @ValueSource(strings = {
                "https://partner.example.com/party/acme",
                "https://partner.example.com/gln/acme/orders",
                "https://shop.example.com/gtin/red-shoes",
                "https://example.com/sscc/pallet-7",
                "http://example.com/414/12345",
                "https://example.com/01/1234567890",
                "https://example.com/giai/2024-report"})
        void whenThePathValueDoesNotHaveTheKeyFormatThenItIsAnOrdinaryUri(String uri) {
            assertThat(Gs1Key.isGs1Uri(uri)).isFalse();
            assertThat(Gs1Key.isSupportedGs1Uri(uri)).isFalse();
            assertThat(Gs1Key.tryParse(uri)).isEmpty();
        }

        @Test
        void whenThePathValueHasTheKeyFormatThenItIsADigitalLinkWithItsKey() {
            String uri = "https://brand.example.com/products/01/10614141073464/21/2017";

            assertThat(Gs1Key.isGs1Uri(uri)).isTrue();
            assertThat(Gs1Key.isSupportedGs1Uri(uri)).isTrue();
            assertThat(Gs1Key.tryParse(uri).map(Gs1Key::toDigitalLink))
                    .contains("https://id.gs1.org/01/10614141073464/21/2017");
        }

        @Test
        void whenAShortNameIsFollowedByAKeyOfItsFormatThenItIsADigitalLink() {
            assertThat(Gs1Key.tryParse("https://partner.example.com/party/4000001000005").map(Gs1Key::toDigitalLink))
                    .contains("https://id.gs1.org/417/4000001000005");
            assertThat(Gs1Key.isSupportedGs1Uri("https://partner.example.com/gtin/614141073467")).isTrue();
        }

        @Test
        void whenTheKeyHasTheFormatButAWrongCheckDigitThenItIsSupportedButDoesNotParse() {
            String uri = "https://partner.example.com/party/4000001000006";

            assertThat(Gs1Key.isSupportedGs1Uri(uri)).isTrue();
            assertThat(Gs1Key.tryParse(uri)).isEmpty();
        }
    }

    @Nested
    class OnIdGs1Org {

        @ParameterizedTest
        @ValueSource(strings = {
                "https://id.gs1.org/party/acme",
                "https://ID.GS1.ORG/414/12345",
                "http://id.gs1.org:80/01/1234567890"})
        void whenThePathValueIsNoKeyThenItIsStillAGs1UriSoTheWrongKeyIsReported(String uri) {
            assertThat(Gs1Key.isGs1Uri(uri)).isTrue();
            assertThat(Gs1Key.isSupportedGs1Uri(uri)).isTrue();
            assertThat(Gs1Key.tryParse(uri)).isEmpty();
        }
    }
}
