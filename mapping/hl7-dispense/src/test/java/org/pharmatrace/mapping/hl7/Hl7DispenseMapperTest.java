package org.pharmatrace.mapping.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pharmatrace.mapping.hl7.Hl7Samples.corpus;
import static org.pharmatrace.mapping.hl7.Hl7Samples.corpusText;
import static org.pharmatrace.mapping.hl7.Hl7Samples.failure;
import static org.pharmatrace.mapping.hl7.Hl7Samples.map;
import static org.pharmatrace.mapping.hl7.Hl7Samples.message;
import static org.pharmatrace.mapping.hl7.Hl7Samples.profile;
import static org.pharmatrace.mapping.hl7.Hl7Samples.v25With;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.pharmatrace.epcis.model.Action;
import org.pharmatrace.epcis.model.BizTransaction;
import org.pharmatrace.epcis.model.EpcisEvent;
import org.pharmatrace.epcis.model.EventType;
import org.pharmatrace.epcis.model.ExtensionElement;
import org.pharmatrace.epcis.model.QuantityElement;
import org.pharmatrace.mapping.PartnerFormat;
import org.pharmatrace.mapping.PartnerProfile;

class Hl7DispenseMapperTest {

    static final String RXD_V25 = "RXD|1|1234567890^Paracetamol 500 mg tablet^NDC|20251121093000|1|BX||RX-55012|||||||||||LOT-A1|20271231|ACME PHARMA^M";
    static final String OBX_V25 = "OBX|1|ST|GS1-2D^Scanned GS1 2D barcode^L||(01)00312345678906(21)SN1010(17)271231(10)LOT-A1||||||F";

    static List<String> extension(EpcisEvent e, String localName) {
        List<String> values = new ArrayList<>();
        for (ExtensionElement x : e.getExtensions()) {
            if (x.name().getLocalPart().equals(localName)) {
                values.add(x.text());
            }
        }
        return values;
    }

    @Test
    void formatIsHl7Dispense() {
        assertThat(new Hl7DispenseMapper().format()).isEqualTo(PartnerFormat.HL7_DISPENSE);
    }

    @Nested
    class WhenTheCorpusV25DispenseIsMapped {

        @Test
        void thenOneDispensingEventNamesTheScannedPack() {
            List<EpcisEvent> events = map(corpus(Hl7Samples.V25), profile());

            assertThat(events).hasSize(1);
            EpcisEvent e = events.get(0);
            assertThat(e.getType()).isEqualTo(EventType.OBJECT_EVENT);
            assertThat(e.getAction()).isEqualTo(Action.OBSERVE);
            assertThat(e.getBizStep()).isEqualTo("urn:epcglobal:cbv:bizstep:dispensing");
            assertThat(e.getDisposition()).isEqualTo("urn:epcglobal:cbv:disp:dispensed");
            assertThat(e.getEpcList()).containsExactly("urn:epc:id:sgtin:0312345.067890.SN1010");
            assertThat(e.getQuantityList()).isEmpty();
            assertThat(e.getEventTime()).isEqualTo("2025-11-21T09:30:00-05:00");
            assertThat(e.getEventTimeZoneOffset()).isEqualTo("-05:00");
            assertThat(extension(e, "lotNumber")).containsExactly("LOT-A1");
            assertThat(extension(e, "itemExpirationDate")).containsExactly("2027-12-31");
            assertThat(e.getReadPoint().id()).isEqualTo(Hl7Samples.PHARMACY_SGLN);
            assertThat(e.getBizLocation().id()).isEqualTo(Hl7Samples.PHARMACY_SGLN);
            assertThat(e.getBizTransactionList()).containsExactly(new BizTransaction(Hl7DispenseMapper.PRESCRIPTION_BTT,
                    "urn:epcglobal:cbv:bt:0614141000036:RX-55012"));
            assertThat(e.getIlmd()).isNull();
        }

        @Test
        void thenTheStreamingEntryPointGivesTheSame() {
            List<EpcisEvent> events = new ArrayList<>();
            long count = new Hl7DispenseMapper(Hl7Samples.CLOCK).map(new ByteArrayInputStream(corpus(Hl7Samples.V25)), profile(), events::add);

            assertThat(count).isEqualTo(1);
            assertThat(events.get(0).getEpcList()).containsExactly("urn:epc:id:sgtin:0312345.067890.SN1010");
        }

        @Test
        void thenMllpFramingAndLfLineEndsAreTolerated() {
            String lf = corpusText(Hl7Samples.V25).replace('\r', '\n');
            byte[] framed = ("\u000b" + lf + "\u001c\r").getBytes(StandardCharsets.ISO_8859_1);

            assertThat(map(framed, profile()).get(0).getEpcList()).containsExactly("urn:epc:id:sgtin:0312345.067890.SN1010");
        }

        @Test
        void thenWithoutAProfileLocationTheSendingFacilityGlnIsTheLocation() {
            PartnerProfile noLocation = new PartnerProfile("p", null, null, "-05:00",
                    profile().companyPrefixLengths(), profile().ndcCatalog(), Map.of());

            assertThat(map(corpus(Hl7Samples.V25), noLocation).get(0).getReadPoint().id()).isEqualTo(Hl7Samples.PHARMACY_SGLN);
        }
    }

    @Nested
    class WhenNoPackIsScanned {

        @Test
        void thenTheEventNamesTheLotClassWithTheDispensedPackCount() {
            byte[] noObx = message(corpusText(Hl7Samples.V25).split("\r")[0], corpusText(Hl7Samples.V25).split("\r")[1],
                    "ORC|RE|ORD-88121|RX-55012||CM", RXD_V25.replace("|1|BX|", "|3|BX|"));

            EpcisEvent e = map(noObx, profile()).get(0);

            assertThat(e.getEpcList()).isEmpty();
            assertThat(e.getQuantityList()).containsExactly(
                    new QuantityElement("urn:epc:class:lgtin:0312345.067890.LOT-A1", new BigDecimal("3"), null));
            assertThat(extension(e, "itemExpirationDate")).containsExactly("2027-12-31");
        }

        @Test
        void thenWithoutLotTheProductClassIsNamedAndADoseCountIsNotTakenForPacks() {
            byte[] message = message("MSH|^~\\&|PHARMSYS|CORNERPHARM|HUB|PHARMAHUB|20251121093000||RDS^O13^RDS_O13|M2|P|2.5",
                    "ORC|RE|ORD-1", "RXD|1|12345-6789-0^Paracetamol^NDC|20251121|30|TAB");

            EpcisEvent e = map(message, profile()).get(0);

            assertThat(e.getQuantityList()).containsExactly(new QuantityElement("urn:epc:idpat:sgtin:0312345.067890.*", null, null));
            assertThat(e.getEventTime()).isEqualTo("2025-11-21T00:00:00-05:00");
            assertThat(e.getBizTransactionList()).containsExactly(new BizTransaction(Hl7DispenseMapper.PRESCRIPTION_BTT,
                    "urn:epcglobal:cbv:bt:0614141000036:ORD-1"));
        }

        @Test
        void thenAnElevenDigitNdcIsResolvedThroughTheCatalogAndAGtinIsTakenAsIs() {
            byte[] billing = v25With("RXD", RXD_V25.replace("1234567890^", "12345678900^"));
            byte[] gtin = v25With("RXD", RXD_V25.replace("1234567890^Paracetamol 500 mg tablet^NDC", "00312345678906^Paracetamol^GTIN"));

            assertThat(map(billing, profile()).get(0).getEpcList()).containsExactly("urn:epc:id:sgtin:0312345.067890.SN1010");
            assertThat(map(gtin, profile()).get(0).getEpcList()).containsExactly("urn:epc:id:sgtin:0312345.067890.SN1010");
        }
    }

    @Nested
    class WhenTheMessageIsV28 {

        /** The corpus v2.8 samples name an 8-digit "NDC" (01151327): no product can be identified, so AE. */
        @Test
        void thenTheCorpusSamplesAreRefusedForTheirNdc() {
            for (String sample : List.of(Hl7Samples.V28_1, Hl7Samples.V28_2)) {
                Hl7DispenseException e = failure(corpus(sample), profile());

                assertThat(e.code()).isEqualTo("BAD_NDC");
                assertThat(e.location()).isEqualTo("RXD-2");
                assertThat(Hl7Acknowledgements.acknowledgementCode(e)).isEqualTo("AE");
            }
        }

        @Test
        void thenWithAValidNdcTheyMapAtClassLevelWithoutLotOrExpiry() {
            byte[] fixed = Hl7Samples.bytes(corpusText(Hl7Samples.V28_1).replace("RXD|1|01151327^", "RXD|1|55555-0101-1^"));

            List<EpcisEvent> events = map(fixed, profile());

            assertThat(events).hasSize(1);
            EpcisEvent e = events.get(0);
            assertThat(e.getEpcList()).isEmpty();
            // RXD-4 is 10 tablets (RXD-5 385055001^Tablet^SCT), not 10 packs: the quantity is left out.
            assertThat(e.getQuantityList()).containsExactly(new QuantityElement("urn:epc:idpat:sgtin:0355555.001011.*", null, null));
            assertThat(e.getEventTime()).isEqualTo("2020-12-12T00:00:00-05:00");
            assertThat(extension(e, "lotNumber")).isEmpty();
            assertThat(e.getBizTransactionList()).extracting(BizTransaction::value)
                    .containsExactly("urn:epcglobal:cbv:bt:0614141000036:PN12345");
        }

        @Test
        void thenEachOrderIsOneDispenseAndTheSecondRxdIsLocated() {
            String text = corpusText(Hl7Samples.V28_2).replace("RXD|1|01151327^", "RXD|1|55555-0101-1^");

            Hl7DispenseException e = failure(Hl7Samples.bytes(text), profile());
            List<EpcisEvent> both = map(Hl7Samples.bytes(text.replace("308191^amoxicillin 500 MG Oral Capsule^RXNORM",
                    "12345-6789-0^amoxicillin^NDC")), profile());

            assertThat(e.code()).isEqualTo("UNSUPPORTED_CODE_SYSTEM");
            assertThat(e.location()).isEqualTo("RXD-2 (segment 2)");
            assertThat(both).hasSize(2);
        }
    }

    @Nested
    class WhenTheMessageIsV23RdsO01 {

        @Test
        void thenPacksAsHumanReadableAndRawBarcodesMap() {
            byte[] message = message(
                    "MSH|^~\\&|PHARMSYS|CORNERPHARM^0614141000036^GLN|HUB|PHARMAHUB|20251121093000||RDS^O01|MSG-2301|P|2.3",
                    "PID|1||PAT-4471^^^CORNERPHARM^MR||DOE^JANE^Q||19700412|F|||12 Elm St^^Springfield^IL^62704",
                    "ORC|RE|ORD-88122",
                    "RXE|1^BID^^20251121|12345-6789-0^Paracetamol^NDC|1||TAB",
                    "RXR|PO",
                    "RXD|1|12345-6789-0^Paracetamol 500 mg tablet^NDC|202511210930-0600|2|BX||RX-55013|||||||||||LOT-A1|20271231",
                    "RXR|PO",
                    "OBX|1|ST|GS1-2D^Scanned GS1 2D barcode^L||(01)00312345678906(21)SN1011(17)271231(10)LOT-A1||||||F",
                    "OBX|2|ST|PACK||0100312345678906" + "21SN1012\u001d" + "17271231" + "10LOT-A1||||||F");

            List<EpcisEvent> events = map(message, profile());

            assertThat(events).hasSize(1);
            assertThat(events.get(0).getEpcList()).containsExactly("urn:epc:id:sgtin:0312345.067890.SN1011",
                    "urn:epc:id:sgtin:0312345.067890.SN1012");
            assertThat(events.get(0).getEventTime()).isEqualTo("2025-11-21T09:30:00-06:00");
            assertThat(events.get(0).getEventTimeZoneOffset()).isEqualTo("-06:00");
            assertThat(events.get(0).getBizTransactionList()).extracting(BizTransaction::value)
                    .containsExactly("urn:epcglobal:cbv:bt:0614141000036:RX-55013");
        }
    }

    @Nested
    class WhenTheInputIsBad {

        @Test
        void thenATruncatedMessageWithoutRxdIsAnApplicationError() {
            String text = corpusText(Hl7Samples.V25);
            Hl7DispenseException e = failure(Hl7Samples.bytes(text.substring(0, text.indexOf("RXE|") + 10)), profile());

            assertThat(e.code()).isEqualTo("MISSING_SEGMENT");
            assertThat(e.location()).isEqualTo("RXD");
            assertThat(Hl7Acknowledgements.acknowledgementCode(e)).isEqualTo("AE");
        }

        @Test
        void thenAMessageTruncatedInsideTheBarcodeIsLocatedAtTheObx() {
            String text = corpusText(Hl7Samples.V25);
            Hl7DispenseException e = failure(Hl7Samples.bytes(text.substring(0, text.indexOf("(21)SN1010"))), profile());

            assertThat(e.code()).isEqualTo("BAD_BARCODE");
            assertThat(e.location()).isEqualTo("OBX-5 (repetition 1)");
        }

        @Test
        void thenAWrongMshIsRejected() {
            String text = corpusText(Hl7Samples.V25);

            Hl7DispenseException notMsh = failure(Hl7Samples.bytes(text.replaceFirst("MSH", "MHS")), profile());
            Hl7DispenseException badEncoding = failure(Hl7Samples.bytes(text.replaceFirst("\\^~\\\\&", "^^\\\\&")), profile());
            Hl7DispenseException wrongType = failure(Hl7Samples.bytes(text.replace("RDS^O13^RDS_O13", "ADT^A01^ADT_A01")), profile());
            Hl7DispenseException wrongVersion = failure(Hl7Samples.bytes(text.replace("|P|2.5", "|P|2.2")), profile());

            assertThat(notMsh.code()).isEqualTo("BAD_MSH");
            assertThat(badEncoding.code()).isEqualTo("BAD_MSH");
            assertThat(badEncoding.location()).isEqualTo("MSH-2");
            assertThat(wrongType.code()).isEqualTo("UNSUPPORTED_MESSAGE_TYPE");
            assertThat(wrongType.location()).isEqualTo("MSH-9");
            assertThat(wrongVersion.code()).isEqualTo("UNSUPPORTED_VERSION");
            assertThat(List.of(notMsh, badEncoding, wrongType, wrongVersion))
                    .allSatisfy(e -> assertThat(Hl7Acknowledgements.acknowledgementCode(e)).isEqualTo("AR"));
        }

        @Test
        void thenABadCheckDigitInTheSecondScannedPackIsLocated() {
            byte[] message = v25With("OBX", OBX_V25.replace("(10)LOT-A1||", "(10)LOT-A1~(01)00312345678907(21)SN1011(10)LOT-A1||"));

            Hl7DispenseException e = failure(message, profile());

            assertThat(e.code()).isEqualTo("BAD_CHECK_DIGIT");
            assertThat(e.location()).isEqualTo("OBX-5 (repetition 2)");
            assertThat(e.hl7Location()).isEqualTo(new Hl7Location("OBX", 1, 5, 2, 0));
        }

        @Test
        void thenAnUnknownNdcIsAnApplicationError() {
            Hl7DispenseException e = failure(v25With("RXD", RXD_V25.replace("1234567890^", "99999888877^")), profile());

            assertThat(e.code()).isEqualTo("UNKNOWN_NDC");
            assertThat(e.location()).isEqualTo("RXD-2");
            assertThat(e.getMessage()).contains("99999888877").contains("catalog");
        }

        @Test
        void thenSerialisedPacksWithoutAnyLotAreRefused() {
            byte[] message = message(corpusText(Hl7Samples.V25).split("\r")[0], "ORC|RE|ORD-88121",
                    RXD_V25.replace("|LOT-A1|20271231|", "|||"),
                    "OBX|1|ST|GS1-2D^Scanned GS1 2D barcode^L||(01)00312345678906(21)SN1010(17)271231||||||F");

            Hl7DispenseException e = failure(message, profile());

            assertThat(e.code()).isEqualTo("MISSING_LOT");
            assertThat(e.location()).isEqualTo("RXD-18");
        }

        @Test
        void thenALotOutsideTheGs1CharacterSetIsRefused() {
            Hl7DispenseException e = failure(v25With("RXD", RXD_V25.replace("|LOT-A1|", "|A#1|")), profile());

            assertThat(e.code()).isEqualTo("BAD_LOT");
            assertThat(e.location()).isEqualTo("RXD-18 (repetition 1)");
            assertThat(e.getMessage()).contains("lot 'A#1' has a character GS1 AI (10) does not allow");
        }

        @Test
        void thenAScannedLotOrExpiryThatContradictsRxdIsRefused() {
            Hl7DispenseException lot = failure(v25With("OBX", OBX_V25.replace("(10)LOT-A1", "(10)LOT-B7")), profile());
            Hl7DispenseException expiry = failure(v25With("OBX", OBX_V25.replace("(17)271231", "(17)261231")), profile());
            Hl7DispenseException product = failure(v25With("OBX", OBX_V25.replace("(01)00312345678906", "(01)00355555010111")), profile());

            assertThat(lot.code()).isEqualTo("LOT_MISMATCH");
            assertThat(lot.getMessage()).contains("LOT-B7").contains("LOT-A1");
            assertThat(expiry.code()).isEqualTo("EXPIRY_MISMATCH");
            assertThat(product.code()).isEqualTo("PRODUCT_MISMATCH");
        }

        @Test
        void thenAPackScannedTwiceIsRefused() {
            Hl7DispenseException e = failure(v25With("OBX", OBX_V25.replace("(10)LOT-A1||", "(10)LOT-A1~(01)00312345678906(21)SN1010||")), profile());

            assertThat(e.code()).isEqualTo("DUPLICATE_PACK");
            assertThat(e.location()).isEqualTo("OBX-5 (repetition 2)");
        }

        @Test
        void thenAWrongEncodingIsRejected() {
            byte[] utf16 = corpusText(Hl7Samples.V25).getBytes(StandardCharsets.UTF_16);
            byte[] xml = "<RDS_O13 xmlns=\"urn:hl7-org:v2xml\"><MSH/></RDS_O13>".getBytes(StandardCharsets.UTF_8);
            byte[] latin1DeclaredUtf8 = Hl7Samples.bytes(corpusText(Hl7Samples.V25)
                    .replace("|P|2.5", "|P|2.5||||||UNICODE UTF-8").replace("Paracetamol 500 mg tablet^NDC|1|", "Parac\u00e9tamol^NDC|1|"));
            byte[] unknownCharset = Hl7Samples.bytes(corpusText(Hl7Samples.V25).replace("|P|2.5", "|P|2.5||||||ISO IR87"));

            for (byte[] input : List.of(utf16, xml, latin1DeclaredUtf8, unknownCharset)) {
                Hl7DispenseException e = failure(input, profile());
                assertThat(e.code()).isEqualTo("WRONG_ENCODING");
                assertThat(Hl7Acknowledgements.acknowledgementCode(e)).isEqualTo("AR");
            }
        }

        @Test
        void thenAnOversizedMessageIsRejectedWithoutBeingRead() {
            byte[] big = new byte[2 * 1024 * 1024];
            java.util.Arrays.fill(big, (byte) 'X');
            PartnerProfile smallLimit = profile(Map.of(Hl7DispenseMapper.MAX_MESSAGE_BYTES, "4096"));

            Hl7DispenseException direct = failure(big, profile());
            assertThatThrownBy(() -> new Hl7DispenseMapper().map(new ByteArrayInputStream(big), smallLimit, e -> { }))
                    .isInstanceOfSatisfying(Hl7DispenseException.class, e -> assertThat(e.code()).isEqualTo("MESSAGE_TOO_LARGE"));
            assertThat(direct.code()).isEqualTo("MESSAGE_TOO_LARGE");
            assertThat(Hl7Acknowledgements.acknowledgementCode(direct)).isEqualTo("AR");
        }

        @Test
        void thenEmptyInputAndABadDispenseTimeAreRefused() {
            Hl7DispenseException empty = failure(new byte[] {0x0b, 0x1c, 0x0d}, profile());
            Hl7DispenseException time = failure(v25With("RXD", RXD_V25.replace("20251121093000", "2025-11-21")), profile());

            assertThat(empty.code()).isEqualTo("EMPTY_MESSAGE");
            assertThat(time.code()).isEqualTo("BAD_TIMESTAMP");
            assertThat(time.location()).isEqualTo("RXD-3");
        }

        @Test
        void thenNothingReachesTheSinkWhenALaterDispenseFails() {
            String text = corpusText(Hl7Samples.V28_2).replace("RXD|1|01151327^", "RXD|1|55555-0101-1^");
            List<EpcisEvent> events = new ArrayList<>();

            assertThatThrownBy(() -> new Hl7DispenseMapper().map(Hl7Samples.bytes(text), profile(), events::add))
                    .isInstanceOf(Hl7DispenseException.class);
            assertThat(events).isEmpty();
        }
    }
}
