package org.pharmatrace.gs1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class Gs1KeyTest {

    /** EPC URN, canonical Digital Link and element string of one identifier, for every key type. */
    static Stream<Arguments> equivalentForms() {
        return Stream.of(
                Arguments.of(Gs1KeyType.SGTIN, "urn:epc:id:sgtin:0614141.107346.2017",
                        "https://id.gs1.org/01/10614141073464/21/2017", "(01)10614141073464(21)2017"),
                Arguments.of(Gs1KeyType.SGTIN, "urn:epc:id:sgtin:0312345.067890.SN1010",
                        "https://id.gs1.org/01/00312345678906/21/SN1010", "(01)00312345678906(21)SN1010"),
                Arguments.of(Gs1KeyType.SGTIN, "urn:epc:id:sgtin:415056789012.0.987654",
                        "https://id.gs1.org/01/04150567890128/21/987654", "(01)04150567890128(21)987654"),
                Arguments.of(Gs1KeyType.SSCC, "urn:epc:id:sscc:0614141.1234567890",
                        "https://id.gs1.org/00/106141412345678908", "(00)106141412345678908"),
                Arguments.of(Gs1KeyType.SGLN, "urn:epc:id:sgln:0614141.12345.400",
                        "https://id.gs1.org/414/0614141123452/254/400", "(414)0614141123452(254)400"),
                Arguments.of(Gs1KeyType.SGLN, "urn:epc:id:sgln:4012345.00005.0",
                        "https://id.gs1.org/414/4012345000054", "(414)4012345000054"),
                Arguments.of(Gs1KeyType.LGTIN, "urn:epc:class:lgtin:4012345.012345.998877",
                        "https://id.gs1.org/01/04012345123456/10/998877", "(01)04012345123456(10)998877"),
                Arguments.of(Gs1KeyType.GTIN, "urn:epc:idpat:sgtin:4012345.066666.*",
                        "https://id.gs1.org/01/04012345666663", "(01)04012345666663"),
                Arguments.of(Gs1KeyType.GRAI, "urn:epc:id:grai:4012345.00022.334455",
                        "https://id.gs1.org/8003/04012345000221334455", "(8003)04012345000221334455"),
                Arguments.of(Gs1KeyType.GRAI, "urn:epc:idpat:grai:4012345.66666.*",
                        "https://id.gs1.org/8003/04012345666663", "(8003)04012345666663"),
                Arguments.of(Gs1KeyType.GIAI, "urn:epc:id:giai:4012345.ABC345",
                        "https://id.gs1.org/8004/4012345ABC345", "(8004)4012345ABC345"),
                Arguments.of(Gs1KeyType.PGLN, "urn:epc:id:pgln:4000001.00000",
                        "https://id.gs1.org/417/4000001000005", "(417)4000001000005"),
                Arguments.of(Gs1KeyType.PGLN, "urn:epc:id:pgln:999999999999.",
                        "https://id.gs1.org/417/9999999999994", "(417)9999999999994"),
                Arguments.of(Gs1KeyType.GDTI, "urn:epc:id:gdti:4012345.00009.PO-4711",
                        "https://id.gs1.org/253/4012345000092PO-4711", "(253)4012345000092PO-4711"),
                Arguments.of(Gs1KeyType.GDTI, "urn:epc:id:gdti:987659999999..9",
                        "https://id.gs1.org/253/98765999999929", "(253)98765999999929"),
                Arguments.of(Gs1KeyType.GSRN, "urn:epc:id:gsrn:4012345.0000006765",
                        "https://id.gs1.org/8018/401234500000067657", "(8018)401234500000067657"),
                Arguments.of(Gs1KeyType.GSRNP, "urn:epc:id:gsrnp:4012345.0000000007",
                        "https://id.gs1.org/8017/401234500000000074", "(8017)401234500000000074"),
                Arguments.of(Gs1KeyType.SGCN, "urn:epc:id:sgcn:4012345.67890.04711",
                        "https://id.gs1.org/255/401234567890104711", "(255)401234567890104711"),
                Arguments.of(Gs1KeyType.CPI, "urn:epc:id:cpi:0614141.11111111111111-A%23%2F.1234",
                        "https://id.gs1.org/8010/061414111111111111111-A%23%2F/8011/1234",
                        "(8010)061414111111111111111-A#/(8011)1234"),
                Arguments.of(Gs1KeyType.GINC, "urn:epc:id:ginc:0614141.xyz47%2F11",
                        "https://id.gs1.org/401/0614141xyz47%2F11", "(401)0614141xyz47/11"),
                Arguments.of(Gs1KeyType.GSIN, "urn:epc:id:gsin:4012345.222333444",
                        "https://id.gs1.org/402/40123452223334442", "(402)40123452223334442"),
                Arguments.of(Gs1KeyType.ITIP, "urn:epc:id:itip:4012345.011111.01.02.987",
                        "https://id.gs1.org/8006/040123451111180102/21/987", "(8006)040123451111180102(21)987"),
                Arguments.of(Gs1KeyType.UPUI, "urn:epc:id:upui:1234567.098765.51qIgY)%3C%26Jp3*j7'SDB",
                        "https://id.gs1.org/01/01234567987651/235/51qIgY%29%3C%26Jp3%2Aj7'SDB",
                        "(01)01234567987651(235)51qIgY)<&Jp3*j7'SDB"));
    }

    @Nested
    class RoundTrips {

        @ParameterizedTest(name = "when {1} is parsed then it is a {0} with Digital Link {2}")
        @MethodSource("org.pharmatrace.gs1.Gs1KeyTest#equivalentForms")
        void whenEpcUrnIsParsedThenItGivesTheDigitalLinkAndElementString(Gs1KeyType type, String urn, String dl, String es) {
            Gs1Key key = Gs1Key.parse(urn);

            assertThat(key.type()).isEqualTo(type);
            assertThat(key.toDigitalLink()).isEqualTo(dl);
            assertThat(key.toElementString()).isEqualTo(es);
            assertThat(key.toEpcUri()).isEqualTo(urn);
        }

        @ParameterizedTest(name = "when {2} is parsed with the company prefix length then it gives {1}")
        @MethodSource("org.pharmatrace.gs1.Gs1KeyTest#equivalentForms")
        void whenDigitalLinkIsParsedWithKnownPrefixLengthThenItGivesTheEpcUrn(Gs1KeyType type, String urn, String dl, String es) {
            int cpLength = Gs1Key.parse(urn).companyPrefixLength();

            Gs1Key key = Gs1Key.parse(dl, CompanyPrefixLengths.none().withDefault(cpLength));

            assertThat(key.type()).isEqualTo(type);
            assertThat(key.toEpcUri()).isEqualTo(urn);
            assertThat(key.toElementString()).isEqualTo(es);
            assertThat(key).isEqualTo(Gs1Key.parse(urn));
        }

        @ParameterizedTest(name = "when element string {3} is read then it is the same key as {1}")
        @MethodSource("org.pharmatrace.gs1.Gs1KeyTest#equivalentForms")
        void whenElementStringIsReadThenItIsTheSameKey(Gs1KeyType type, String urn, String dl, String es) {
            int cpLength = Gs1Key.parse(urn).companyPrefixLength();

            Gs1Key key = GS1ElementStrings.parse(es, 2026).toGs1Key(CompanyPrefixLengths.none().withDefault(cpLength));

            assertThat(key.type()).isEqualTo(type);
            assertThat(key.toEpcUri()).isEqualTo(urn);
            assertThat(key.toDigitalLink()).isEqualTo(dl);
        }
    }

    @Nested
    class Accessors {

        @Test
        void whenSgtinIsParsedThenItsPartsAreExposed() {
            Gs1Key key = Gs1Key.parse("urn:epc:id:sgtin:0614141.107346.2017");

            assertThat(key.gtin()).isEqualTo("10614141073464");
            assertThat(key.gs1KeyValue()).isEqualTo("10614141073464");
            assertThat(key.companyPrefix()).isEqualTo("0614141");
            assertThat(key.serial()).isEqualTo("2017");
            assertThat(key.lot()).isNull();
        }

        @Test
        void whenLgtinIsParsedThenItHasALotAndNoSerial() {
            Gs1Key key = Gs1Key.parse("urn:epc:class:lgtin:4012345.012345.998877");

            assertThat(key.lot()).isEqualTo("998877");
            assertThat(key.serial()).isNull();
            assertThat(key.type().isClassLevel()).isTrue();
        }

        @Test
        void whenGraiAndGdtiCarrySerialsThenSerialReturnsThem() {
            assertThat(Gs1Key.parse("urn:epc:id:grai:4012345.00022.334455").serial()).isEqualTo("334455");
            assertThat(Gs1Key.parse("urn:epc:id:gdti:4012345.00009.PO-4711").serial()).isEqualTo("PO-4711");
            assertThat(Gs1Key.parse("urn:epc:id:sscc:0614141.1234567890").serial()).isNull();
            assertThat(Gs1Key.parse("urn:epc:id:sscc:0614141.1234567890").gtin()).isNull();
        }

        @Test
        void whenSglnHasExtensionZeroThenThereIsNoExtension() {
            assertThat(Gs1Key.parse("urn:epc:id:sgln:4012345.00005.0").glnExtension()).isNull();
            assertThat(Gs1Key.parse("urn:epc:id:sgln:0614141.12345.400").glnExtension()).isEqualTo("400");
        }
    }

    @Nested
    class Escaping {

        @Test
        void whenUrnSerialHasEscapesThenDigitalLinkPercentEncodesTheDecodedSerial() {
            Gs1Key key = Gs1Key.parse("urn:epc:id:sgtin:0614141.812345.6789%2F%26%25%22!%3F()");

            assertThat(key.serial()).isEqualTo("6789/&%\"!?()");
            assertThat(key.toDigitalLink())
                    .isEqualTo("https://id.gs1.org/01/80614141123458/21/6789%2F%26%25%22%21%3F%28%29");
            assertThat(key.toEpcUri()).isEqualTo("urn:epc:id:sgtin:0614141.812345.6789%2F%26%25%22!%3F()");
        }

        @Test
        void whenDigitalLinkSerialIsPercentEncodedThenItIsDecodedAndReEscapedForTheUrn() {
            Gs1Key key = Gs1Key.parse("https://id.gs1.org/01/04012345111118/21/98%22",
                    CompanyPrefixLengths.none().with("4012345", 7));

            assertThat(key.serial()).isEqualTo("98\"");
            assertThat(key.toEpcUri()).isEqualTo("urn:epc:id:sgtin:4012345.011111.98%22");
        }

        @Test
        void whenSerialContainsDotsThenTheyStayInTheSerial() {
            Gs1Key key = Gs1Key.parse("urn:epc:id:sgtin:0614141.107346.20.17");

            assertThat(key.serial()).isEqualTo("20.17");
            assertThat(key.toDigitalLink()).isEqualTo("https://id.gs1.org/01/10614141073464/21/20.17");
        }
    }

    @Nested
    class DigitalLinkVariants {

        @Test
        void whenDigitalLinkIsOnAnotherDomainWithOwnPathAndQueryThenTheKeyIsRead() {
            Gs1Key key = Gs1Key.parse("https://example.com/products/01/10614141073464/21/2017?17=270331#top",
                    CompanyPrefixLengths.none().with("0614141", 7));

            assertThat(key.toEpcUri()).isEqualTo("urn:epc:id:sgtin:0614141.107346.2017");
            assertThat(key.toDigitalLink()).isEqualTo("https://id.gs1.org/01/10614141073464/21/2017");
        }

        @Test
        void whenShortNamesAreUsedThenTheyMeanTheirAis() {
            assertThat(Gs1Key.parse("https://example.com/gtin/09780345418913/ser/765tz?abc=211121").toDigitalLink())
                    .isEqualTo("https://id.gs1.org/01/09780345418913/21/765tz");
            assertThat(Gs1Key.parse("https://id.gs1.org/gtin/09780345418913").type()).isEqualTo(Gs1KeyType.GTIN);
        }

        @Test
        void whenDigitalLinkHasLotAndSerialThenTheSerialMakesItAnSgtin() {
            Gs1Key key = Gs1Key.parse("https://id.gs1.org/01/00312345678906/10/LOT-A1/21/SN1010");

            assertThat(key.type()).isEqualTo(Gs1KeyType.SGTIN);
            assertThat(key.toEpcUri()).isEqualTo("urn:epc:id:sgtin:0312345.067890.SN1010");
        }

        @Test
        void whenGtin13IsInThePathThenItIsPaddedToGtin14() {
            assertThat(Gs1Key.parse("https://id.gs1.org/01/6291041500213").gtin()).isEqualTo("06291041500213");
        }

        @Test
        void whenCompanyPrefixLengthIsUnknownThenTheEpcUrnCannotBeBuilt() {
            Gs1Key key = Gs1Key.parse("https://id.gs1.org/01/70614141123451/21/2017");

            assertThat(key.companyPrefix()).isNull();
            assertThatThrownBy(key::toEpcUri)
                    .isInstanceOf(Gs1IdentifierException.class)
                    .hasMessageContaining("company prefix length unknown");
        }

        @Test
        void whenNdcGtinIsInTheDigitalLinkThenTheDefaultNdcRuleGivesTheCompanyPrefix() {
            assertThat(Gs1Key.parse("https://id.gs1.org/01/00312345678906/21/SN1010").companyPrefix()).isEqualTo("0312345");
        }

        @Test
        void whenConfiguredLengthCannotFitTheKeyThenThePrefixStaysUnknown() {
            Gs1Key key = Gs1Key.parse("https://id.gs1.org/8004/03AB12345", CompanyPrefixLengths.defaults());

            assertThat(key.companyPrefix()).isNull();
            assertThat(key.toDigitalLink()).isEqualTo("https://id.gs1.org/8004/03AB12345");
        }
    }

    @Nested
    class Rejections {

        @Test
        void whenGtinCheckDigitIsWrongThenTheMessageNamesInputAndExpectedDigit() {
            assertThatThrownBy(() -> Gs1Key.parse("https://id.gs1.org/01/10614141073465/21/2017"))
                    .isInstanceOf(Gs1IdentifierException.class)
                    .hasMessage("SGTIN https://id.gs1.org/01/10614141073465/21/2017: "
                            + "GTIN check digit of 10614141073465 is 5, expected 4");
        }

        @Test
        void whenSsccCheckDigitIsWrongThenRejected() {
            assertThatThrownBy(() -> Gs1Key.parse("https://id.gs1.org/00/106141412345678909"))
                    .hasMessageContaining("SSCC check digit of 106141412345678909 is 9, expected 8");
        }

        @Test
        void whenGlnCheckDigitIsWrongThenRejected() {
            assertThatThrownBy(() -> Gs1Key.sgln("0614141123453", null, 7))
                    .hasMessageContaining("GLN check digit of 0614141123453 is 3, expected 2");
        }

        @Test
        void whenSerialHasACharacterOutsideAi82ThenTheCharacterAndAiAreNamed() {
            assertThatThrownBy(() -> Gs1Key.parse("urn:epc:id:sgtin:0614141.107346.AB%23C"))
                    .isInstanceOf(Gs1IdentifierException.class)
                    .hasMessage("SGTIN urn:epc:id:sgtin:0614141.107346.AB%23C: serial contains character '#' not allowed in GS1 AI 21");
        }

        @Test
        void whenSerialIsLongerThanTwentyThenRejected() {
            assertThatThrownBy(() -> Gs1Key.sgtin("10614141073464", "123456789012345678901", 7))
                    .hasMessageContaining("serial '123456789012345678901' has 21 characters, GS1 AI 21 allows at most 20");
        }

        @Test
        void whenLotIsMissingThenRejected() {
            assertThatThrownBy(() -> Gs1Key.parse("urn:epc:class:lgtin:4012345.012345."))
                    .hasMessageContaining("lot (AI 10) is missing");
        }

        @ParameterizedTest(name = "when URN is {0} then the partition is rejected")
        @ValueSource(strings = {
                "urn:epc:id:sgtin:06141.1073460.2017",      // company prefix of 5 digits
                "urn:epc:id:sgtin:0614141.10734.2017",      // 7 + 5 ≠ 13
                "urn:epc:id:sscc:0614141.123456789",        // 7 + 9 ≠ 17
                "urn:epc:id:sgln:0614141.1234.400",         // 7 + 4 ≠ 12
                "urn:epc:id:sgtin:0614141.1073A6.2017"      // letters in the item reference
        })
        void whenPartitionIsWrongThenRejectedWithTheTdsRule(String urn) {
            assertThatThrownBy(() -> Gs1Key.parse(urn))
                    .isInstanceOf(Gs1IdentifierException.class)
                    .hasMessageContaining(urn + ": ")
                    .hasMessageFindingMatch("company prefix|digits");
        }

        @Test
        void whenUrnHasTooFewComponentsThenTheMessageSaysSo() {
            assertThatThrownBy(() -> Gs1Key.parse("urn:epc:id:sgtin:0614141.107346"))
                    .hasMessageContaining("expected 3 dot-separated components, found 2");
        }

        @Test
        void whenPercentEscapeIsMalformedThenRejected() {
            assertThatThrownBy(() -> Gs1Key.parse("urn:epc:id:sgtin:0614141.107346.AB%2"))
                    .hasMessageContaining("percent escape");
        }

        @ParameterizedTest(name = "when input is {0} then it is not a GS1 identifier")
        @ValueSource(strings = {"urn:epcglobal:cbv:bizstep:shipping", "https://example.com/po/4711", "geo:50.9,6.9",
                "urn:epc:id:foo:0614141.1"})
        void whenInputIsNoGs1IdentifierThenParseFailsAndIsGs1UriIsFalseForNonEpc(String input) {
            assertThatThrownBy(() -> Gs1Key.parse(input)).isInstanceOf(Gs1IdentifierException.class);
            if (!input.startsWith("urn:epc:id:")) {
                assertThat(Gs1Key.isGs1Uri(input)).isFalse();
            }
        }

        @Test
        void whenDigitalLinkHasADataAttributeInThePathThenRejected() {
            assertThatThrownBy(() -> Gs1Key.parse("https://id.gs1.org/01/10614141073464/17/270331"))
                    .hasMessageContaining("'17' is not a key qualifier of AI 01");
        }
    }

    @Nested
    class Recognition {

        @ParameterizedTest(name = "when input is {0} then it looks like a GS1 URI")
        @ValueSource(strings = {"urn:epc:id:sgtin:0614141.107346.2017", "urn:epc:class:lgtin:4012345.012345.998877",
                "urn:epc:idpat:sgtin:4012345.066666.*", "https://id.gs1.org/00/106141412345678908",
                "https://example.com/shop/01/09506000134352/21/12345", "HTTPS://ID.GS1.ORG/414/4012345000054"})
        void whenInputIsEpcUrnOrDigitalLinkThenIsGs1Uri(String input) {
            assertThat(Gs1Key.isGs1Uri(input)).isTrue();
        }

        @Test
        void whenTryParseMeetsAnythingElseThenItIsEmptyInsteadOfThrowing() {
            assertThat(Gs1Key.tryParse("urn:epcglobal:cbv:bt:4012345123456:RE1099")).isEmpty();
            assertThat(Gs1Key.tryParse("https://id.gs1.org/01/10614141073465")).isEmpty(); // bad check digit
            assertThat(Gs1Key.tryParse(null)).isEmpty();
            assertThat(Gs1Key.tryParse("https://id.gs1.org/00/106141412345678908")).map(Gs1Key::type).hasValue(Gs1KeyType.SSCC);
        }
    }

    @Nested
    class Factories {

        @Test
        void whenSgtinIsBuiltFromGtinAndSerialThenItEqualsTheParsedUrn() {
            Gs1Key key = Gs1Key.sgtin("10614141073464", "2017", 7);

            assertThat(key).isEqualTo(Gs1Key.parse("urn:epc:id:sgtin:0614141.107346.2017"));
            assertThat(key.toEpcUri()).isEqualTo("urn:epc:id:sgtin:0614141.107346.2017");
        }

        @Test
        void whenLgtinSsccAndSglnAreBuiltThenTheyConvert() {
            assertThat(Gs1Key.lgtin("04012345123456", "998877", 7).toEpcUri())
                    .isEqualTo("urn:epc:class:lgtin:4012345.012345.998877");
            assertThat(Gs1Key.sscc("106141412345678908", 7).toEpcUri()).isEqualTo("urn:epc:id:sscc:0614141.1234567890");
            assertThat(Gs1Key.sgln("0614141123452", "400", 7).toDigitalLink())
                    .isEqualTo("https://id.gs1.org/414/0614141123452/254/400");
            assertThat(Gs1Key.sgln("0614141123452", null, 7).toEpcUri()).isEqualTo("urn:epc:id:sgln:0614141.12345.0");
        }

        @Test
        void whenOwnDomainIsGivenThenTheDigitalLinkUsesIt() {
            assertThat(Gs1Key.sscc("106141412345678908", 7).toDigitalLink("https://example.com/dl/"))
                    .isEqualTo("https://example.com/dl/00/106141412345678908");
        }

        @Test
        void whenCompanyPrefixLengthIsOutOfRangeThenRejected() {
            assertThatThrownBy(() -> Gs1Key.sgtin("10614141073464", "1", 5)).hasMessageContaining("outside 6..12");
        }
    }
}
