package org.pharmatrace.gs1;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

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
}
