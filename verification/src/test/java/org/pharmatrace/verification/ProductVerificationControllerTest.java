package org.pharmatrace.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

class ProductVerificationControllerTest {

    private InMemoryProductStatusLookup ledger;
    private MockMvc mvc;

    @BeforeEach
    void setUp() {
        ledger = Packs.ledger();
        mvc = MockMvcBuilders
                .standaloneSetup(new ProductVerificationController(ledger, Packs.properties(), Packs.CLOCK))
                .setControllerAdvice(new VerificationProblems())
                .build();
    }

    private ResultActions verify(String path) throws Exception {
        // as a URI, so that the test's percent-escapes reach the hub as they are
        return mvc.perform(get(URI.create(path)).accept(MediaType.APPLICATION_JSON));
    }

    private static String pack(String serial) {
        return "/01/" + Packs.GTIN + "/10/" + Packs.LOT + "/21/" + serial + "?17=" + Packs.EXPIRY_YYMMDD;
    }

    @Nested
    class WhenThePackIsActive {

        @Test
        void thenItIsVerifiedWithTheMessageStandardsEnvelope() throws Exception {
            verify(pack("ACTIVE1") + "&corrUUID=6f0c3a1e-1d2b-4c55-9a57-0d1c2b3a4e5f")
                    .andExpect(status().isOk())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                    .andExpect(header().string("Cache-Control", "no-store"))
                    .andExpect(jsonPath("$.verificationTimestamp").value("2026-03-10T09:30:00.000Z"))
                    .andExpect(jsonPath("$.responderGLN").value(Packs.RESPONDER_GLN))
                    .andExpect(jsonPath("$.corrUUID").value("6f0c3a1e-1d2b-4c55-9a57-0d1c2b3a4e5f"))
                    .andExpect(jsonPath("$.data.verified").value(true))
                    .andExpect(jsonPath("$.data.verificationFailureReason").doesNotExist())
                    .andExpect(jsonPath("$.data.additionalInfo").doesNotExist())
                    .andExpect(jsonPath("$.status").value("active"))
                    .andExpect(jsonPath("$.productIdentifier.gtin").value(Packs.GTIN))
                    .andExpect(jsonPath("$.productIdentifier.serial").value("ACTIVE1"))
                    .andExpect(jsonPath("$.productIdentifier.lot").value(Packs.LOT))
                    .andExpect(jsonPath("$.productIdentifier.expiry").value("2027-05-31"))
                    .andExpect(jsonPath("$.productIdentifier.digitalLink").value(Packs.RESOLVER + "/01/" + Packs.GTIN
                            + "/10/" + Packs.LOT + "/21/ACTIVE1?17=" + Packs.EXPIRY_YYMMDD));
        }

        @Test
        void thenGtinAndSerialAloneVerifyIt() throws Exception {
            verify("/01/" + Packs.GTIN + "/21/ACTIVE1")
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.data.verified").value(true))
                    .andExpect(jsonPath("$.productIdentifier.lot").doesNotExist());
        }

        @Test
        void thenTheLotMayComeAsAQueryAttribute() throws Exception {
            verify("/01/" + Packs.GTIN + "/21/ACTIVE1?10=" + Packs.LOT + "&17=270531")
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("active"))
                    .andExpect(jsonPath("$.productIdentifier.lot").value(Packs.LOT));
        }

        @Test
        void thenAGtin13IsPaddedToFourteenDigits() throws Exception {
            verify("/01/" + Packs.GTIN.substring(1) + "/21/ACTIVE1")
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("active"))
                    .andExpect(jsonPath("$.productIdentifier.gtin").value(Packs.GTIN));
        }

        @Test
        void thenTheMessageStandardsRequestAttributesAreAccepted() throws Exception {
            verify(pack("ACTIVE1")
                    + "&linkType=gs1:verificationService&context=dscsaSaleableReturn&reqGLN=0312345000004")
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.data.verified").value(true));
        }
    }

    @Nested
    class WhenThePackIsNotSaleable {

        @Test
        void whenThePackItselfIsRecalledThenItIsNotVerifiedAndMarkedRecalled() throws Exception {
            verify(pack("RECALLED1"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.data.verified").value(false))
                    .andExpect(jsonPath("$.data.verificationFailureReason").value("Manufacturer_policy"))
                    .andExpect(jsonPath("$.data.additionalInfo").value("Recalled"))
                    .andExpect(jsonPath("$.status").value("recalled"));
        }

        @Test
        void whenItsWholeGtinIsRecalledThenItIsRecalled() throws Exception {
            verify("/01/" + Packs.RECALLED_GTIN + "/10/" + Packs.LOT + "/21/GTINRECALL1?17=" + Packs.EXPIRY_YYMMDD)
                    .andExpect(jsonPath("$.data.verified").value(false))
                    .andExpect(jsonPath("$.data.additionalInfo").value("Recalled"))
                    .andExpect(jsonPath("$.status").value("recalled"));
        }

        @Test
        void whenItsLotIsRecalledThenItIsRecalled() throws Exception {
            verify("/01/" + Packs.GTIN + "/10/" + Packs.RECALLED_LOT + "/21/LOTRECALL1")
                    .andExpect(jsonPath("$.data.verified").value(false))
                    .andExpect(jsonPath("$.data.verificationFailureReason").value("Manufacturer_policy"))
                    .andExpect(jsonPath("$.data.additionalInfo").value("Recalled"))
                    .andExpect(jsonPath("$.status").value("recalled"));
        }

        @Test
        void whenItHasExpiredThenItIsNotVerifiedAndMarkedExpired() throws Exception {
            verify("/01/" + Packs.GTIN + "/10/LOT-OLD/21/EXPIRED1?17=260200")
                    .andExpect(jsonPath("$.data.verified").value(false))
                    .andExpect(jsonPath("$.data.verificationFailureReason").value("Manufacturer_policy"))
                    .andExpect(jsonPath("$.data.additionalInfo").value("Expired"))
                    .andExpect(jsonPath("$.status").value("expired"))
                    .andExpect(jsonPath("$.productIdentifier.expiry").value("2026-02-28"));
        }

        @Test
        void whenItWasDispensedThenItIsSuspectAndNotForRedistribution() throws Exception {
            verify(pack("DISPENSED1"))
                    .andExpect(jsonPath("$.data.verified").value(false))
                    .andExpect(jsonPath("$.data.verificationFailureReason").value("Not_for_re-distribution"))
                    .andExpect(jsonPath("$.data.additionalInfo").value("Suspect"))
                    .andExpect(jsonPath("$.status").value("dispensed"));
        }

        @Test
        void whenItWasDecommissionedThenItIsSuspect() throws Exception {
            verify(pack("DECOMM1"))
                    .andExpect(jsonPath("$.data.verified").value(false))
                    .andExpect(jsonPath("$.data.verificationFailureReason").value("Not_for_re-distribution"))
                    .andExpect(jsonPath("$.status").value("decommissioned"));
        }

        @Test
        void whenItWasDestroyedThenItIsSuspect() throws Exception {
            verify(pack("DESTROYED1"))
                    .andExpect(jsonPath("$.data.verified").value(false))
                    .andExpect(jsonPath("$.data.additionalInfo").value("Suspect"))
                    .andExpect(jsonPath("$.status").value("destroyed"));
        }
    }

    @Nested
    class WhenTheIdentifierDoesNotMatch {

        @Test
        void whenTheSerialWasNeverCommissionedThenNoMatchGtinSerial() throws Exception {
            verify(pack("NEVER1"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.data.verified").value(false))
                    .andExpect(jsonPath("$.data.verificationFailureReason").value("No_match_GTIN_Serial"))
                    .andExpect(jsonPath("$.data.additionalInfo").doesNotExist())
                    .andExpect(jsonPath("$.status").value("unknown"));
        }

        @Test
        void whenTheLotDiffersThenNoMatchLotWithoutTellingTheCommissionedLot() throws Exception {
            verify("/01/" + Packs.GTIN + "/10/LOT-FAKE/21/ACTIVE1?17=" + Packs.EXPIRY_YYMMDD)
                    .andExpect(jsonPath("$.data.verified").value(false))
                    .andExpect(jsonPath("$.data.verificationFailureReason").value("No_match_GTIN_Serial_Lot"))
                    .andExpect(jsonPath("$.status").value("mismatched-lot"))
                    .andExpect(jsonPath("$.productIdentifier.lot").value("LOT-FAKE"))
                    .andExpect(content().string(not(containsString(Packs.LOT))));
        }

        @Test
        void whenTheExpiryDiffersThenNoMatchExpiry() throws Exception {
            verify(pack("ACTIVE1").replace(Packs.EXPIRY_YYMMDD, "270430"))
                    .andExpect(jsonPath("$.data.verified").value(false))
                    .andExpect(jsonPath("$.data.verificationFailureReason").value("No_match_GTIN_Serial_Expiry"))
                    .andExpect(jsonPath("$.status").value("mismatched-expiry"))
                    .andExpect(content().string(not(containsString("2027-05-31"))));
        }

        @Test
        void whenLotAndExpiryDifferThenNoMatchLotExpiry() throws Exception {
            verify("/01/" + Packs.GTIN + "/21/ACTIVE1?10=LOT-FAKE&17=280101")
                    .andExpect(jsonPath("$.data.verificationFailureReason").value("No_match_GTIN_Serial_Lot_Expiry"))
                    .andExpect(jsonPath("$.status").value("mismatched-lot-expiry"));
        }

        @Test
        void whenARecalledPackIsAskedWithTheWrongLotThenTheMismatchWins() throws Exception {
            verify("/01/" + Packs.GTIN + "/10/LOT-FAKE/21/RECALLED1")
                    .andExpect(jsonPath("$.status").value("mismatched-lot"));
        }
    }

    @Nested
    class WhenTheRequestIsMalformed {

        private void refused(String path, String field, String detail) throws Exception {
            verify(path)
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                    .andExpect(jsonPath("$.type").value("epcisException:ValidationException"))
                    .andExpect(jsonPath("$.status").value(400))
                    .andExpect(jsonPath("$.field").value(field))
                    .andExpect(jsonPath("$.detail").value(containsString(detail)));
        }

        @Test
        void whenTheGtinCheckDigitIsWrongThen400NamesTheGtin() throws Exception {
            refused("/01/00312345678907/21/ACTIVE1", "gtin", "GTIN 00312345678907 has check digit 7, expected 6");
            verify("/01/00312345678907/21/ACTIVE1").andExpect(jsonPath("$.ai").value("01"))
                    .andExpect(jsonPath("$.instance").value("/01/00312345678907/21/ACTIVE1"));
        }

        @Test
        void whenTheGtinIsNotDigitsThen400() throws Exception {
            refused("/01/0031234567890X/21/ACTIVE1", "gtin", "is not a GTIN");
            refused("/01/003123456789061/21/ACTIVE1", "gtin", "is not a GTIN");
        }

        @Test
        void whenTheSerialIsTooLongThen400NamesTheSerial() throws Exception {
            refused("/01/" + Packs.GTIN + "/21/ABCDEFGHIJ0123456789X", "serial", "has 21 characters, at most 20");
        }

        @Test
        void whenTheSerialHasACharacterOutsideSet82Then400() throws Exception {
            refused("/01/" + Packs.GTIN + "/21/AB%20C", "serial", "U+0020 at position 3");
            refused("/01/" + Packs.GTIN + "/21/AB%C3%A9", "serial", "U+00E9 at position 3");
        }

        @Test
        void whenTheLotIsInvalidThen400NamesTheLot() throws Exception {
            refused("/01/" + Packs.GTIN + "/10/LOT%7E1/21/ACTIVE1", "lot", "'~' at position 4");
            refused("/01/" + Packs.GTIN + "/21/ACTIVE1?10=" + "L".repeat(21), "lot", "has 21 characters");
        }

        @Test
        void whenTheExpiryIsNoDateThen400NamesTheExpiry() throws Exception {
            refused(pack("ACTIVE1").replace(Packs.EXPIRY_YYMMDD, "271301"), "expiry", "month 13");
            refused(pack("ACTIVE1").replace(Packs.EXPIRY_YYMMDD, "270230"), "expiry", "has day 30");
            refused(pack("ACTIVE1").replace(Packs.EXPIRY_YYMMDD, "2705"), "expiry", "six digits YYMMDD");
        }

        @Test
        void whenPathAndQueryGiveDifferentLotsThen400() throws Exception {
            refused(pack("ACTIVE1") + "&10=OTHER", "lot", "the path says 'LOT-A1' and the query says 'OTHER'");
        }

        @Test
        void whenAnAttributeIsRepeatedThen400() throws Exception {
            refused("/01/" + Packs.GTIN + "/21/ACTIVE1?17=270500&17=280500", "expiry", "given 2 times");
        }

        @Test
        void whenTheLinkTypeIsNotVerificationThen400() throws Exception {
            refused(pack("ACTIVE1") + "&linkType=gs1:pip", "linkType", "verificationService only");
        }

        @Test
        void whenTheRequestorGlnIsWrongThen400() throws Exception {
            refused(pack("ACTIVE1") + "&reqGLN=0312345000005", "reqGLN", "is not a GLN");
        }

        @Test
        void whenTheCorrelationIdIsNotAnIdThen400() throws Exception {
            refused(pack("ACTIVE1") + "&corrUUID=%3Cscript%3E", "corrUUID", "correlation id");
        }
    }

    @Nested
    class WhenTheRequestIsCorrelated {

        @Test
        void whenNoCorrUuidIsGivenThenTheRequestIdHeaderIsEchoed() throws Exception {
            mvc.perform(get(pack("ACTIVE1")).header("X-Request-ID", "req-42"))
                    .andExpect(jsonPath("$.corrUUID").value("req-42"));
        }

        @Test
        void whenNothingIsGivenThenTheHubMakesAUuid() throws Exception {
            verify(pack("ACTIVE1")).andExpect(jsonPath("$.corrUUID")
                    .value(matchesPattern("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")));
        }
    }

    @Nested
    class WhenTheLedgerCannotAnswer {

        @Test
        void whenItIsUnreachableThen503WithRetryAfter() throws Exception {
            ledger.failWith(new ProductStatusUnavailableException("peer down", true, null));
            verify(pack("ACTIVE1"))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Retry-After", "5"))
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                    .andExpect(jsonPath("$.detail").value(containsString("ask again shortly")))
                    .andExpect(content().string(not(containsString("peer down"))));
        }

        @Test
        void whenTheHubIsNotConnectedThen503WithoutRetryAfter() throws Exception {
            ledger.failWith(new ProductStatusUnavailableException("no gateway", false, null));
            verify(pack("ACTIVE1"))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().doesNotExist("Retry-After"));
        }
    }

    @Nested
    class WhenABrowserAsks {

        @Test
        void thenItGetsAPageWithTheVerdict() throws Exception {
            String page = mvc.perform(get(pack("DISPENSED1"))
                            .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"))
                    .andExpect(status().isOk())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                    .andExpect(header().string("Vary", "Accept"))
                    .andReturn().getResponse().getContentAsString();
            assertThat(page).contains("<h1>Not verified</h1>", "dispensed", "Not_for_re-distribution", Packs.GTIN);
        }

        @Test
        void thenValuesAreEscaped() throws Exception {
            String page = mvc.perform(get(URI.create("/01/" + Packs.GTIN + "/21/%3Cb%3E1")).accept(MediaType.TEXT_HTML))
                    .andReturn().getResponse().getContentAsString();
            assertThat(page).contains("&lt;b&gt;1").doesNotContain("<b>1");
        }

        @Test
        void whenAClientAcceptsAnythingThenItGetsJson() throws Exception {
            mvc.perform(get(pack("ACTIVE1")).header("Accept", "*/*"))
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON));
        }

        @Test
        void whenNeitherJsonNorHtmlIsAcceptableThen406() throws Exception {
            mvc.perform(get(pack("ACTIVE1")).header("Accept", "application/xml"))
                    .andExpect(status().isNotAcceptable())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        }
    }
}
