package org.pharmatrace.mapping.asn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pharmatrace.mapping.asn.AsnSamples.PHARMA_856;
import static org.pharmatrace.mapping.asn.AsnSamples.RETAIL_856;
import static org.pharmatrace.mapping.asn.AsnSamples.corpusText;
import static org.pharmatrace.mapping.asn.AsnSamples.mapX12;
import static org.pharmatrace.mapping.asn.AsnSamples.profile;
import static org.pharmatrace.mapping.asn.AsnSamples.recountX12;
import static org.pharmatrace.mapping.asn.AsnSamples.x12Ack;
import static org.pharmatrace.mapping.asn.AsnSamples.x12Failure;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
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
import org.pharmatrace.epcis.model.SourceDestination;
import org.pharmatrace.gs1.CompanyPrefixLengths;
import org.pharmatrace.gs1.InMemoryNdcProductCatalog;
import org.pharmatrace.mapping.PartnerFormat;
import org.pharmatrace.mapping.PartnerProfile;

class X12AsnMapperTest {

    static final String PALLET = "urn:epc:id:sscc:0614141.0000000101";
    static final String CASE_1 = "urn:epc:id:sscc:0614141.0000000201";
    static final String CASE_2 = "urn:epc:id:sscc:0614141.0000000202";
    static final String SGTIN = "urn:epc:id:sgtin:0312345.067890.";
    static final String LGTIN = "urn:epc:class:lgtin:0312345.067890.LOT-A1";
    static final String SHIP_FROM_SGLN = "urn:epc:id:sgln:0614141.00002.0";
    static final String SHIP_TO_SGLN = "urn:epc:id:sgln:0614141.00003.0";

    static String pharma() {
        return corpusText(PHARMA_856);
    }

    @Test
    void whenAskedForItsFormatThenItIsX12856() {
        assertThat(new X12AsnMapper().format()).isEqualTo(PartnerFormat.X12_856);
    }

    @Nested
    class WhenThePharmaAsnIsMapped {

        private final List<EpcisEvent> events = mapX12(pharma(), profile());

        @Test
        void thenEachCaseIsPackedThenThePalletThenTheShipmentShips() {
            assertThat(events).extracting(EpcisEvent::getType).containsExactly(EventType.AGGREGATION_EVENT,
                    EventType.AGGREGATION_EVENT, EventType.AGGREGATION_EVENT, EventType.OBJECT_EVENT);
            assertThat(events).extracting(EpcisEvent::getParentId).containsExactly(CASE_1, CASE_2, PALLET, null);
        }

        @Test
        void thenEachCaseHoldsTheSgtinsOfItsSerials() {
            assertThat(events.get(0).getChildEpcs()).containsExactly(SGTIN + "SN1010", SGTIN + "SN1011", SGTIN + "SN1012");
            assertThat(events.get(1).getChildEpcs()).containsExactly(SGTIN + "SN1020", SGTIN + "SN1021", SGTIN + "SN1022");
            assertThat(events.get(2).getChildEpcs()).containsExactly(CASE_1, CASE_2);
        }

        @Test
        void thenPackingEventsAreAddPackingInProgressAtTheShipFromLocation() {
            for (EpcisEvent packing : events.subList(0, 3)) {
                assertThat(packing.getAction()).isEqualTo(Action.ADD);
                assertThat(packing.getBizStep()).isEqualTo("urn:epcglobal:cbv:bizstep:packing");
                assertThat(packing.getDisposition()).isEqualTo("urn:epcglobal:cbv:disp:in_progress");
                assertThat(packing.getReadPoint().id()).isEqualTo(SHIP_FROM_SGLN);
                assertThat(packing.getBizLocation().id()).isEqualTo(SHIP_FROM_SGLN);
                assertThat(packing.getChildQuantityList()).isEmpty();
            }
        }

        @Test
        void thenTheShippingEventObservesTheTopLevelSsccInTransit() {
            EpcisEvent shipping = events.get(3);
            assertThat(shipping.getAction()).isEqualTo(Action.OBSERVE);
            assertThat(shipping.getBizStep()).isEqualTo("urn:epcglobal:cbv:bizstep:shipping");
            assertThat(shipping.getDisposition()).isEqualTo("urn:epcglobal:cbv:disp:in_transit");
            assertThat(shipping.getEpcList()).containsExactly(PALLET);
            assertThat(shipping.getQuantityList()).isEmpty();
            assertThat(shipping.getReadPoint().id()).isEqualTo(SHIP_FROM_SGLN);
            assertThat(shipping.getBizLocation()).isNull();
        }

        @Test
        void thenTheShipDateAndBsnTimeCarryTheProfilesOffset() {
            assertThat(events).allSatisfy(e -> {
                assertThat(e.getEventTime()).isEqualTo("2025-11-20T12:00:00-05:00");
                assertThat(e.getEventTimeZoneOffset()).isEqualTo("-05:00");
            });
        }

        @Test
        void thenThePurchaseOrderNoticeAndBillOfLadingAreBusinessTransactions() {
            assertThat(events.get(3).getBizTransactionList()).containsExactly(
                    new BizTransaction("urn:epcglobal:cbv:btt:po", "urn:epcglobal:cbv:bt:0614141000036:PO-7781"),
                    new BizTransaction("urn:epcglobal:cbv:btt:desadv", "urn:epcglobal:cbv:bt:0614141000029:ASN-20251120-01"),
                    new BizTransaction("urn:epcglobal:cbv:btt:bol", "urn:epcglobal:cbv:bt:0614141000029:BOL-ASN-20251120-01"));
        }

        @Test
        void thenShipFromAndShipToGlnsAreSourceAndDestination() {
            assertThat(events.get(3).getSourceList()).containsExactly(
                    new SourceDestination("urn:epcglobal:cbv:sdt:owning_party", "urn:epc:id:pgln:0614141.00002"),
                    new SourceDestination("urn:epcglobal:cbv:sdt:location", SHIP_FROM_SGLN));
            assertThat(events.get(3).getDestinationList()).containsExactly(
                    new SourceDestination("urn:epcglobal:cbv:sdt:owning_party", "urn:epc:id:pgln:0614141.00003"),
                    new SourceDestination("urn:epcglobal:cbv:sdt:location", SHIP_TO_SGLN));
        }

        @Test
        void thenLotAndExpiryTravelAsOneLotExtensionNotAsIlmd() {
            assertThat(events).allSatisfy(e -> assertThat(e.getIlmd()).isNull());
            List<ExtensionElement> extensions = events.get(3).getExtensions();
            assertThat(extensions).hasSize(1);
            ExtensionElement lot = extensions.get(0);
            assertThat(lot.name()).isEqualTo(AsnToEpcis.LOT);
            assertThat(lot.child(AsnToEpcis.ASN_NAMESPACE, "epcClass").text()).isEqualTo(LGTIN);
            assertThat(lot.child("urn:epcglobal:cbv:mda", "lotNumber").text()).isEqualTo("LOT-A1");
            assertThat(lot.child("urn:epcglobal:cbv:mda", "itemExpirationDate").text()).isEqualTo("2027-12-31");
        }

        @Test
        void thenTheMapperCountsTheEventsItSent() {
            long count = new X12AsnMapper().map(new ByteArrayInputStream(pharma().getBytes(StandardCharsets.US_ASCII)),
                    profile(), e -> { });
            assertThat(count).isEqualTo(4);
        }
    }

    @Nested
    class WhenThePartnerFollowsOtherConventions {

        @Test
        void whenPartiesAreToBeSglnsThenOwningPartiesAreSglns() {
            EpcisEvent shipping = last(mapX12(pharma(), profile(Map.of(AsnConventions.PARTY_IDENTIFIER, "sgln"))));
            assertThat(shipping.getSourceList().get(0).value()).isEqualTo(SHIP_FROM_SGLN);
        }

        @Test
        void whenLotMasterDataIsOffThenTheShippingEventHasNoExtension() {
            EpcisEvent shipping = last(mapX12(pharma(), profile(Map.of(AsnConventions.LOT_MASTER_DATA, "none"))));
            assertThat(shipping.getExtensions()).isEmpty();
        }

        @Test
        void whenSerialsComeAsRefSnThenTheSerialQualifierConventionReadsThem() {
            String text = pharma().replace("REF*SE*", "REF*SN*");
            List<EpcisEvent> events = mapX12(text, profile(Map.of(AsnConventions.X12_SERIAL_QUALIFIER, "SN")));
            assertThat(events.get(0).getChildEpcs()).containsExactly(SGTIN + "SN1010", SGTIN + "SN1011", SGTIN + "SN1012");
        }

        @Test
        void whenTheNdcComesIn11DigitsThenTheProductMasterDataResolvesIt() {
            String text = pharma().replace("N4*12345-6789-0", "N4*12345678900");
            assertThat(mapX12(text, profile()).get(0).getChildEpcs()).first().isEqualTo(SGTIN + "SN1010");
        }

        @Test
        void whenTheNdcComesAsTenPlainDigitsThenTheNdcPrefixRuleGivesItsEpc() {
            String text = pharma().replace("N4*12345-6789-0", "N4*1234567890");
            assertThat(mapX12(text, profile()).get(0).getChildEpcs()).first().isEqualTo(SGTIN + "SN1010");
        }

        @Test
        void whenTheProductComesAsGtin14ThenItIsUsedDirectly() {
            String text = pharma().replace("N4*12345-6789-0", "UK*00312345678906");
            assertThat(mapX12(text, profile()).get(1).getChildEpcs()).first().isEqualTo(SGTIN + "SN1020");
        }

        @Test
        void whenAnItemHasNoSerialsThenItsCaseHoldsAClassLevelQuantity() {
            String text = recountX12(pharma().replaceAll("REF\\*SE\\*SN102\\d~\\n", ""));
            EpcisEvent secondCase = mapX12(text, profile()).get(1);
            assertThat(secondCase.getChildEpcs()).isEmpty();
            assertThat(secondCase.getChildQuantityList()).containsExactly(new QuantityElement(LGTIN, new BigDecimal("3"), null));
        }

        @Test
        void whenItemsAreNotPackedThenTheShippingEventNamesTheirSgtins() {
            String text = recountX12(pharma()
                    .replace("HL*3*2*T~\nMAN*GM*006141410000001019~\nHL*4*3*P~\nMAN*GM*006141410000002016~\nHL*5*4*I~",
                            "HL*3*2*I~")
                    .replaceAll("HL\\*6\\*3\\*P~\\nMAN\\*GM\\*006141410000002023~\\nHL\\*7\\*6\\*I~", "HL*4*2*I~")
                    .replace("CTT*7~", "CTT*4~"));
            List<EpcisEvent> events = mapX12(text, profile());
            assertThat(events).hasSize(1);
            assertThat(events.get(0).getEpcList()).containsExactly(SGTIN + "SN1010", SGTIN + "SN1011", SGTIN + "SN1012",
                    SGTIN + "SN1020", SGTIN + "SN1021", SGTIN + "SN1022");
        }

        @Test
        void whenTheShipDateHasATimeAndTimeCodeThenThoseWin() {
            String text = pharma().replace("DTM*011*20251120~", "DTM*011*20251120*0815*UT~");
            assertThat(mapX12(text, profile()).get(0).getEventTime()).isEqualTo("2025-11-20T08:15:00+00:00");
        }

        @Test
        void whenTheInterchangeIsVersion005010ThenItIsReadAlike() {
            String text = pharma().replace("*U*00401*", "*^*00501*").replace("*X*004010~", "*X*005010~");
            assertThat(mapX12(text, profile())).hasSize(4);
        }

        @Test
        void whenACompanyPrefixIsUnknownButDigitalLinksAreAllowedThenSsccsBecomeDigitalLinks() {
            PartnerProfile noPrefixes = new PartnerProfile("acme-3pl", null, null, "+00:00", CompanyPrefixLengths.defaults(),
                    new InMemoryNdcProductCatalog(), Map.of(AsnConventions.UNKNOWN_COMPANY_PREFIX, "digital-link"));
            EpcisEvent shipping = last(mapX12(pharma(), noPrefixes));
            assertThat(shipping.getEpcList()).containsExactly("https://id.gs1.org/00/006141410000001019");
            assertThat(shipping.getEventTime()).isEqualTo("2025-11-20T12:00:00+00:00");
        }
    }

    /**
     * The retail 856 from the gozer project is refused, and the test documents why: its IEA02 (000000049) does not
     * match ISA13 (000003438), and its UPCs have wrong check digits. With both repaired it maps class-level (no
     * serials, no SSCCs): one shipping event with a GTIN quantity per line.
     */
    @Nested
    class WhenTheRetailAsnArrives {

        private final String retail = corpusText(RETAIL_856);
        private final String envelopeFixed = retail.replace("IEA*1*000000049", "IEA*1*000003438");
        private final String upcsFixed = envelopeFixed.replace("999999310145", "999999310149")
                .replace("999999311746", "999999311740");

        @Test
        void thenTheMismatchedInterchangeControlNumberRefusesIt() {
            AsnFormatException e = x12Failure(retail, profile());
            assertThat(e.code()).isEqualTo("CONTROL_NUMBER_MISMATCH");
            assertThat(e.location()).isEqualTo("interchange segment 35 (IEA), element 2");
            assertThat(e.getMessage()).contains("IEA02 '000000049' does not match ISA13 '000003438'");
        }

        @Test
        void whenItsEnvelopeIsRepairedThenItsUpcCheckDigitsRefuseIt() {
            AsnFormatException e = x12Failure(envelopeFixed, profile());
            assertThat(e.code()).isEqualTo("BAD_CHECK_DIGIT");
            assertThat(e.location()).isEqualTo("segment 21 (LIN), element 5 in transaction 0008");
            assertThat(e.errors()).hasSize(2);
        }

        @Test
        void whenItsUpcsAreValidAndTheirPrefixKnownThenItMapsClassLevel() {
            PartnerProfile retailer = new PartnerProfile("xyz-retail", "urn:epc:id:pgln:0614141.00001", null, "-05:00",
                    CompanyPrefixLengths.defaults().with("0999999", 7), new InMemoryNdcProductCatalog(), Map.of());
            List<EpcisEvent> events = mapX12(upcsFixed, retailer);

            assertThat(events).hasSize(1);
            EpcisEvent shipping = events.get(0);
            assertThat(shipping.getEpcList()).isEmpty();
            assertThat(shipping.getQuantityList()).containsExactly(
                    new QuantityElement("urn:epc:idpat:sgtin:0999999.031014.*", new BigDecimal("24"), null),
                    new QuantityElement("urn:epc:idpat:sgtin:0999999.031174.*", new BigDecimal("6"), null));
            assertThat(shipping.getEventTime()).isEqualTo("2011-12-06T14:24:28-05:00");
            assertThat(shipping.getSourceList()).containsExactly(
                    new SourceDestination("urn:epcglobal:cbv:sdt:owning_party", "urn:epc:id:pgln:0614141.00001"));
            assertThat(shipping.getDestinationList()).isEmpty();
            assertThat(shipping.getBizTransactionList()).extracting(BizTransaction::value).containsExactly(
                    "urn:pharmatrace:partner:xyz-retail:po:99999817",
                    "urn:pharmatrace:partner:xyz-retail:desadv:829716",
                    "urn:pharmatrace:partner:xyz-retail:bol:999999-001");
        }
    }

    @Nested
    class WhenTheInputIsBroken {

        @Test
        void whenTheFileIsTruncatedThenItIsRefusedAtItsEnd() {
            String cut = pharma().substring(0, 400);
            AsnFormatException e = x12Failure(cut, profile());
            assertThat(e.code()).isEqualTo("TRUNCATED");
            assertThat(e.location()).isEqualTo("byte 400");
            assertThat(e.getMessage()).contains("after segment 10 (HL) of transaction 0001");
            assertThat(x12Ack(e)).contains("TA1*000000101*251120*1200*R*023~", "AK5*R*2~", "AK9*R*1*1*0*3~");
        }

        @Test
        void whenSe01MiscountsThenTheSeSegmentIsNamed() {
            AsnFormatException e = x12Failure(pharma().replace("SE*33*0001", "SE*32*0001"), profile());
            assertThat(e.code()).isEqualTo("SEGMENT_COUNT_MISMATCH");
            assertThat(e.location()).isEqualTo("segment 33 (SE), element 1 in transaction 0001");
            assertThat(x12Ack(e)).contains("AK2*856*0001~\nAK5*R*4~", "AK9*R*1*1*0~");
        }

        @Test
        void whenSe02DiffersFromSt02ThenTheTransactionIsRejected() {
            AsnFormatException e = x12Failure(pharma().replace("SE*33*0001", "SE*33*0002"), profile());
            assertThat(e.code()).isEqualTo("CONTROL_NUMBER_MISMATCH");
            assertThat(e.location()).isEqualTo("segment 33 (SE), element 2 in transaction 0001");
            assertThat(x12Ack(e)).contains("AK5*R*3~");
        }

        @Test
        void whenGe02DiffersFromGs06ThenTheGroupIsRejected() {
            AsnFormatException e = x12Failure(pharma().replace("GE*1*101", "GE*1*102"), profile());
            assertThat(e.code()).isEqualTo("CONTROL_NUMBER_MISMATCH");
            assertThat(e.location()).isEqualTo("interchange segment 36 (GE), element 2");
            assertThat(x12Ack(e)).contains("AK5*R~", "AK9*R*1*1*0*4~");
        }

        @Test
        void whenIea02DiffersFromIsa13ThenATa1RejectsTheInterchange() {
            AsnFormatException e = x12Failure(pharma().replace("IEA*1*000000101", "IEA*1*000000102"), profile());
            assertThat(e.code()).isEqualTo("CONTROL_NUMBER_MISMATCH");
            assertThat(e.location()).isEqualTo("interchange segment 37 (IEA), element 2");
            assertThat(x12Ack(e)).contains("TA1*000000101*251120*1200*R*001~", "AK9*R*1*1*0~");
        }

        @Test
        void whenASegmentIsOutOfOrderThenStaediFindsIt() {
            String text = pharma().replace("BSN*00*ASN-20251120-01*20251120*1200*0001~\nHL*1**S~",
                    "HL*1**S~\nBSN*00*ASN-20251120-01*20251120*1200*0001~");
            AsnFormatException e = x12Failure(text, profile());
            assertThat(e.code()).isEqualTo("MANDATORY_SEGMENT_MISSING");
            assertThat(e.location()).isEqualTo("segment 2 (BSN) in transaction 0001");
            assertThat(e.errors()).extracting(EdiError::code).contains(AsnErrorCode.UNEXPECTED_SEGMENT);
            assertThat(x12Ack(e)).contains("AK3*BSN*2**3~", "AK3*TD1*4**2~");
        }

        @Test
        void whenAnSsccHasAWrongCheckDigitThenItsManSegmentIsNamed() {
            AsnFormatException e = x12Failure(pharma().replace("MAN*GM*006141410000002016", "MAN*GM*006141410000002017"), profile());
            assertThat(e.code()).isEqualTo("BAD_CHECK_DIGIT");
            assertThat(e.location()).isEqualTo("segment 15 (MAN), element 2 in transaction 0001");
            assertThat(e.getMessage()).contains("expected 6");
            assertThat(x12Ack(e)).contains("AK3*MAN*15**8~\nAK4*2*87*7*006141410000002017~\nAK5*R*5~");
        }

        @Test
        void whenAGlnHasAWrongCheckDigitThenItsN1IsNamed() {
            AsnFormatException e = x12Failure(pharma().replace("UL*0614141000036", "UL*0614141000037"), profile());
            assertThat(e.code()).isEqualTo("BAD_CHECK_DIGIT");
            assertThat(e.location()).isEqualTo("segment 9 (N1), element 4 in transaction 0001");
            assertThat(x12Ack(e)).contains("AK3*N1*9**8~\nAK4*4*67*7*0614141000037~");
        }

        @Test
        void whenAGtinHasAWrongCheckDigitThenItsLinIsNamed() {
            AsnFormatException e = x12Failure(pharma().replace("N4*12345-6789-0", "UK*00312345678907"), profile());
            assertThat(e.code()).isEqualTo("BAD_CHECK_DIGIT");
            assertThat(e.location()).isEqualTo("segment 17 (LIN), element 3 in transaction 0001");
        }

        @Test
        void whenAnElevenDigitNdcIsNotInTheMasterDataThenItIsUnknown() {
            AsnFormatException e = x12Failure(pharma().replace("N4*12345-6789-0", "N4*54321678901"), profile());
            assertThat(e.code()).isEqualTo("UNKNOWN_NDC");
            assertThat(e.location()).isEqualTo("segment 17 (LIN), element 3 in transaction 0001");
            assertThat(x12Ack(e)).contains("AK4*3*234*7*54321678901~");
        }

        @Test
        void whenSerialisedItemsHaveNoLotThenTheLotIsMissing() {
            AsnFormatException e = x12Failure(pharma().replace("*LT*LOT-A1", ""), profile());
            assertThat(e.code()).isEqualTo("MISSING_LOT");
            assertThat(e.location()).isEqualTo("segment 17 (LIN) in transaction 0001");
            assertThat(e.errors()).hasSize(2);
            assertThat(x12Ack(e)).contains("AK3*LIN*17**8~", "AK3*LIN*26**8~");
        }

        @Test
        void whenTheQuantityDisagreesWithTheSerialsThenSn1IsNamed() {
            AsnFormatException e = x12Failure(pharma().replaceFirst("SN1\\*\\*3\\*EA", "SN1**4*EA"), profile());
            assertThat(e.code()).isEqualTo("SERIAL_COUNT_MISMATCH");
            assertThat(e.location()).isEqualTo("segment 18 (SN1), element 2 in transaction 0001");
        }

        @Test
        void whenDataHoldsNonAsciiBytesThenTheElementIsNamed() {
            String text = pharma().replaceFirst("LOT-A1", "LOT-\u00c41");
            AsnFormatException e = x12Failure(text, profile());
            assertThat(e.code()).isEqualTo("INVALID_CHARACTER");
            assertThat(e.location()).isEqualTo("segment 17 (LIN), element 5 in transaction 0001");
            assertThat(e.getMessage()).contains("U+00C4");
            assertThat(x12Ack(e)).contains("AK4*5*234*6*LOT-?1~");
        }

        @Test
        void whenTheFileIsUtf16ThenItIsNotEdi() {
            byte[] utf16 = pharma().getBytes(StandardCharsets.UTF_16);
            AsnFormatException e = AsnSamples.x12Failure(new String(utf16, StandardCharsets.ISO_8859_1), profile());
            assertThat(e.code()).isEqualTo("NOT_EDI");
            assertThat(e.location()).isEqualTo("byte 0");
            assertThat(e.interchange().envelope()).isNull();
        }

        @Test
        void whenTheFileIsLargerThanAllowedThenItIsRefusedBeforeReadingOn() {
            AsnFormatException e = x12Failure(pharma(), profile(Map.of(AsnConventions.MAX_BYTES, "300")));
            assertThat(e.code()).isEqualTo("DOCUMENT_TOO_LARGE");
            assertThat(e.location()).isEqualTo("byte 300");
            assertThat(x12Ack(e)).contains("TA1*000000101*251120*1200*R*024~", "AK5*R*2~");
        }

        @Test
        void whenTheTransactionIsNotA856ThenItIsUnsupported() {
            AsnFormatException e = x12Failure(pharma().replace("ST*856*0001", "ST*810*0001"), profile());
            assertThat(e.code()).isEqualTo("UNSUPPORTED_TRANSACTION");
            assertThat(x12Ack(e)).contains("AK2*810*0001~\nAK5*R*1~");
        }

        @Test
        void whenTheVersionIsOlderThan4010ThenItIsUnsupported() {
            AsnFormatException e = x12Failure(pharma().replace("*X*004010~", "*X*003060~"), profile());
            assertThat(e.code()).isEqualTo("UNSUPPORTED_VERSION");
        }

        @Test
        void whenAnHlNamesAnUnknownParentThenTheHierarchyIsBad() {
            AsnFormatException e = x12Failure(pharma().replace("HL*6*3*P", "HL*6*9*P"), profile());
            assertThat(e.code()).isEqualTo("BAD_HIERARCHY");
            assertThat(e.location()).isEqualTo("segment 23 (HL), element 2 in transaction 0001");
        }

        @Test
        void whenCttMiscountsThenItIsNamedUnlessThePartnerOptsOut() {
            String text = pharma().replace("CTT*7~", "CTT*9~");
            assertThat(x12Failure(text, profile()).code()).isEqualTo("LINE_COUNT_MISMATCH");
            assertThat(mapX12(text, profile(Map.of(AsnConventions.X12_CHECK_LINE_COUNT, "false")))).hasSize(4);
        }
    }

    private static EpcisEvent last(List<EpcisEvent> events) {
        return events.get(events.size() - 1);
    }
}
