package org.pharmatrace.mapping.asn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pharmatrace.mapping.asn.AsnSamples.PHARMA_DESADV;
import static org.pharmatrace.mapping.asn.AsnSamples.contrl;
import static org.pharmatrace.mapping.asn.AsnSamples.corpusText;
import static org.pharmatrace.mapping.asn.AsnSamples.desadvFailure;
import static org.pharmatrace.mapping.asn.AsnSamples.mapDesadv;
import static org.pharmatrace.mapping.asn.AsnSamples.profile;
import static org.pharmatrace.mapping.asn.AsnSamples.recountEdifact;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.pharmatrace.epcis.model.Action;
import org.pharmatrace.epcis.model.BizTransaction;
import org.pharmatrace.epcis.model.EpcisEvent;
import org.pharmatrace.epcis.model.EventType;
import org.pharmatrace.epcis.model.ExtensionElement;
import org.pharmatrace.epcis.model.SourceDestination;
import org.pharmatrace.mapping.PartnerFormat;

class DesadvMapperTest {

    static final String PALLET = "urn:epc:id:sscc:0614141.0000000301";
    static final String CASE = "urn:epc:id:sscc:0614141.0000000302";
    static final String SGTIN = "urn:epc:id:sgtin:0312345.067890.";

    static String desadv() {
        return corpusText(PHARMA_DESADV);
    }

    @Test
    void whenAskedForItsFormatThenItIsEdifactDesadv() {
        assertThat(new DesadvMapper().format()).isEqualTo(PartnerFormat.EDIFACT_DESADV);
    }

    @Nested
    class WhenThePharmaDesadvIsMapped {

        private final List<EpcisEvent> events = mapDesadv(desadv(), profile());

        @Test
        void thenTheCaseIsPackedThenThePalletThenTheShipmentShips() {
            assertThat(events).extracting(EpcisEvent::getType).containsExactly(EventType.AGGREGATION_EVENT,
                    EventType.AGGREGATION_EVENT, EventType.OBJECT_EVENT);
            assertThat(events.get(0).getParentId()).isEqualTo(CASE);
            assertThat(events.get(0).getChildEpcs()).containsExactly(SGTIN + "SN200", SGTIN + "SN201", SGTIN + "SN202",
                    SGTIN + "SN203", SGTIN + "SN204", SGTIN + "SN205", SGTIN + "SN206");
            assertThat(events.get(1).getParentId()).isEqualTo(PALLET);
            assertThat(events.get(1).getChildEpcs()).containsExactly(CASE);
            assertThat(events.get(0).getAction()).isEqualTo(Action.ADD);
        }

        @Test
        void thenTheShippingEventObservesThePalletFromSupplierToBuyer() {
            EpcisEvent shipping = events.get(2);
            assertThat(shipping.getEpcList()).containsExactly(PALLET);
            assertThat(shipping.getBizStep()).isEqualTo("urn:epcglobal:cbv:bizstep:shipping");
            assertThat(shipping.getDisposition()).isEqualTo("urn:epcglobal:cbv:disp:in_transit");
            assertThat(shipping.getSourceList()).containsExactly(
                    new SourceDestination("urn:epcglobal:cbv:sdt:owning_party", "urn:epc:id:pgln:0614141.00001"),
                    new SourceDestination("urn:epcglobal:cbv:sdt:location", "urn:epc:id:sgln:0614141.00001.0"));
            assertThat(shipping.getDestinationList()).containsExactly(
                    new SourceDestination("urn:epcglobal:cbv:sdt:owning_party", "urn:epc:id:pgln:0614141.00002"),
                    new SourceDestination("urn:epcglobal:cbv:sdt:location", "urn:epc:id:sgln:0614141.00002.0"));
            assertThat(shipping.getBizTransactionList()).containsExactly(
                    new BizTransaction("urn:epcglobal:cbv:btt:desadv", "urn:epcglobal:cbv:bt:0614141000012:DES-7781"));
        }

        @Test
        void thenTheDespatchDateWithoutTimeIsMidnightAtTheProfilesOffset() {
            assertThat(events).allSatisfy(e -> assertThat(e.getEventTime()).isEqualTo("2025-11-20T00:00:00-05:00"));
        }

        @Test
        void thenBatchAndExpiryTravelAsALotExtension() {
            assertThat(events).allSatisfy(e -> assertThat(e.getIlmd()).isNull());
            ExtensionElement lot = events.get(2).getExtensions().get(0);
            assertThat(lot.child(AsnToEpcis.ASN_NAMESPACE, "epcClass").text())
                    .isEqualTo("urn:epc:class:lgtin:0312345.067890.LOT-A1");
            assertThat(lot.child("urn:epcglobal:cbv:mda", "lotNumber").text()).isEqualTo("LOT-A1");
            assertThat(lot.child("urn:epcglobal:cbv:mda", "itemExpirationDate").text()).isEqualTo("2027-12-31");
        }
    }

    @Nested
    class WhenTheMessageCarriesMore {

        @Test
        void whenItHasOrderAndWaybillReferencesAndShipFromAndShipToThenThoseAreUsed() {
            String text = recountEdifact(desadv()
                    .replace("DTM+11:20251120:102'", "DTM+11:202511200815:203'\nRFF+ON:PO-7781'\nRFF+BM:BOL-9'")
                    .replace("NAD+DP+0614141000029::9'", "NAD+SF+0614141000036::9'\nNAD+ST+0614141000029::9'"));
            EpcisEvent shipping = mapDesadv(text, profile()).get(2);
            assertThat(shipping.getEventTime()).isEqualTo("2025-11-20T08:15:00-05:00");
            assertThat(shipping.getBizTransactionList()).containsExactly(
                    new BizTransaction("urn:epcglobal:cbv:btt:po", "urn:epcglobal:cbv:bt:0614141000029:PO-7781"),
                    new BizTransaction("urn:epcglobal:cbv:btt:desadv", "urn:epcglobal:cbv:bt:0614141000012:DES-7781"),
                    new BizTransaction("urn:epcglobal:cbv:btt:bol", "urn:epcglobal:cbv:bt:0614141000036:BOL-9"));
            assertThat(shipping.getSourceList()).extracting(SourceDestination::value)
                    .containsExactly("urn:epc:id:pgln:0614141.00001", "urn:epc:id:sgln:0614141.00003.0");
            assertThat(shipping.getReadPoint().id()).isEqualTo("urn:epc:id:sgln:0614141.00003.0");
        }

        @Test
        void whenSsccsFollowAPciGroupAsInEancomThenTheyAreReadAlike() {
            String text = recountEdifact(desadv().replace("GIN+BJ+006141410000003020'",
                    "PCI+33E'\nGIN+BJ+006141410000003020'"));
            assertThat(mapDesadv(text, profile()).get(0).getParentId()).isEqualTo(CASE);
        }
    }

    @Nested
    class WhenTheInputIsBroken {

        @Test
        void whenUntMiscountsThenTheUntSegmentIsNamed() {
            AsnFormatException e = desadvFailure(desadv().replace("UNT+20+1", "UNT+19+1"), profile());
            assertThat(e.code()).isEqualTo("SEGMENT_COUNT_MISMATCH");
            assertThat(e.location()).isEqualTo("segment 20 (UNT), element 1 in transaction 1");
            assertThat(contrl(e)).contains("UCI+DES1+0614141000012:14+0614141000029:14+4'",
                    "UCM+1+DESADV:D:96A:UN:EAN005+4+29+UNT+1'");
        }

        @Test
        void whenUnzReferenceDiffersFromUnbThenTheInterchangeIsRejected() {
            AsnFormatException e = desadvFailure(desadv().replace("UNZ+1+DES1", "UNZ+1+DES2"), profile());
            assertThat(e.code()).isEqualTo("CONTROL_NUMBER_MISMATCH");
            assertThat(e.location()).isEqualTo("interchange segment 22 (UNZ), element 2");
            assertThat(e.getMessage()).contains("UNZ 0020 'DES2' does not match UNB 0020 'DES1'");
            assertThat(contrl(e)).contains("UCI+DES1+0614141000012:14+0614141000029:14+4+28+UNZ+2'");
        }

        @Test
        void whenAnSsccHasAWrongCheckDigitThenItsGinIsNamed() {
            AsnFormatException e = desadvFailure(desadv().replace("GIN+BJ+006141410000003020", "GIN+BJ+006141410000003021"), profile());
            assertThat(e.code()).isEqualTo("BAD_CHECK_DIGIT");
            assertThat(e.location()).isEqualTo("segment 13 (GIN), element 2.1 in transaction 1");
            assertThat(contrl(e)).contains("UCM+1+DESADV:D:96A:UN:EAN005+4'\nUCS+13'\nUCD+12+2:1'");
        }

        @Test
        void whenAGtinHasAWrongCheckDigitThenItsLinIsNamed() {
            AsnFormatException e = desadvFailure(desadv().replace("00312345678906:SRV", "00312345678901:SRV"), profile());
            assertThat(e.code()).isEqualTo("BAD_CHECK_DIGIT");
            assertThat(e.location()).isEqualTo("segment 14 (LIN), element 3.1 in transaction 1");
        }

        @Test
        void whenTheBatchIsMissingThenTheLotIsMissing() {
            AsnFormatException e = desadvFailure(recountEdifact(desadv().replace("PIA+1+LOT-A1:NB'", "")), profile());
            assertThat(e.code()).isEqualTo("MISSING_LOT");
            assertThat(contrl(e)).contains("UCS+14+13'");
        }

        @Test
        void whenSerialNumbersComeAsARangeThenTheyAreRefused() {
            AsnFormatException e = desadvFailure(desadv().replace("GIN+BN+SN205+SN206", "GIN+BN+SN205:SN206"), profile());
            assertThat(e.code()).isEqualTo("INVALID_SERIAL");
            assertThat(e.location()).isEqualTo("segment 19 (GIN), element 2.2 in transaction 1");
        }

        @Test
        void whenAnUnocInterchangeHoldsAControlByteThenTheElementIsNamed() {
            AsnFormatException e = desadvFailure(desadv().replace("LOT-A1:NB", "LOT-\u0085A1:NB"), profile());
            assertThat(e.code()).isEqualTo("INVALID_CHARACTER");
            assertThat(e.location()).isEqualTo("segment 15 (PIA), element 2.1 in transaction 1");
            assertThat(contrl(e)).contains("UCS+15'\nUCD+21+2:1'");
        }

        @Test
        void whenAnUnoaInterchangeHoldsLatin1ThenTheElementIsNamed() {
            String text = desadv().replace("UNOC:3", "UNOA:3").replace("LOT-A1:NB", "LOT-\u00c41:NB");
            AsnFormatException e = desadvFailure(text, profile());
            assertThat(e.code()).isEqualTo("INVALID_CHARACTER");
            assertThat(e.getMessage()).contains("syntax level UNOA");
        }

        @Test
        void whenTheFileIsTruncatedThenItIsRefusedAtItsEnd() {
            String cut = desadv().substring(0, 300);
            AsnFormatException e = desadvFailure(cut, profile());
            assertThat(e.code()).isEqualTo("TRUNCATED");
            assertThat(e.location()).isEqualTo("byte 300");
            assertThat(contrl(e)).contains("UCI+DES1+0614141000012:14+0614141000029:14+4+13+UNZ'",
                    "UCM+1+DESADV:D:96A:UN:EAN005+4+13+UNT'");
        }

        @Test
        void whenTheFileIsLargerThanAllowedThenItIsRefused() {
            AsnFormatException e = desadvFailure(desadv(), profile(Map.of(AsnConventions.MAX_BYTES, "200")));
            assertThat(e.code()).isEqualTo("DOCUMENT_TOO_LARGE");
            assertThat(contrl(e)).contains("UCI+DES1+0614141000012:14+0614141000029:14+4+18'");
        }

        @Test
        void whenTheDirectoryIsNotD96aThenTheMessageIsUnsupported() {
            AsnFormatException e = desadvFailure(desadv().replace("DESADV:D:96A", "DESADV:D:01B"), profile());
            assertThat(e.code()).isEqualTo("UNSUPPORTED_VERSION");
            assertThat(e.location()).isEqualTo("segment 1 (UNH), element 2.3 in transaction 1");
            assertThat(contrl(e)).contains("UCM+1+DESADV:D:01B:UN:EAN005+4+17+UNH+2'");
        }

        @Test
        void whenACpsNamesAnUnknownParentThenTheHierarchyIsBad() {
            AsnFormatException e = desadvFailure(desadv().replace("CPS+2+1'", "CPS+2+7'"), profile());
            assertThat(e.code()).isEqualTo("BAD_HIERARCHY");
            assertThat(e.location()).isEqualTo("segment 11 (CPS), element 2 in transaction 1");
        }
    }
}
