package org.pharmatrace.epcis.hash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.pharmatrace.epcis.model.Action;
import org.pharmatrace.epcis.model.BizTransaction;
import org.pharmatrace.epcis.model.EpcisEvent;
import org.pharmatrace.epcis.model.EventType;
import org.pharmatrace.epcis.model.ExtensionElement;
import org.pharmatrace.epcis.model.Location;
import org.pharmatrace.epcis.model.QuantityElement;
import org.pharmatrace.epcis.model.SensorElement;
import org.pharmatrace.epcis.model.SourceDestination;

/**
 * The generator on events built by hand. The three worked examples of the reference implementation's README give
 * the expected pre-hash strings and hashes for CBV 2.0 (the vectors of the corpus) and CBV 2.1.
 */
class EventHashGeneratorTest {

    private static final String EXAMPLE = "https://ns.example.com/epcis/";

    private final EventHashGenerator cbv20 = new EventHashGenerator();
    private final EventHashGenerator cbv21 = new EventHashGenerator(CbvVersion.CBV2_1);

    /** ReferenceEventHashAlgorithm.xml: user extensions at event level, SSCCs out of order, a recordTime. */
    static EpcisEvent example1() {
        EpcisEvent e = new EpcisEvent(EventType.OBJECT_EVENT)
                .setEventTime("2020-03-04T11:00:30.000+01:00")
                .setRecordTime("2020-03-04T11:00:30.999+01:00")
                .setEventTimeZoneOffset("+01:00")
                .setAction(Action.OBSERVE)
                .setBizStep("urn:epcglobal:cbv:bizstep:departing")
                .setReadPoint(Location.of("urn:epc:id:sgln:4012345.00011.987"));
        e.getEpcList().addAll(List.of("urn:epc:id:sscc:4012345.0000000333", "urn:epc:id:sscc:4012345.0000000111",
                "urn:epc:id:sscc:4012345.0000000222"));
        e.getExtensions().add(ExtensionElement.complex(ex("myField1"),
                List.of(ExtensionElement.leaf(ex("mySubField1"), "2"), ExtensionElement.leaf(ex("mySubField2"), "5"))));
        e.getExtensions().add(ExtensionElement.leaf(ex("myField2"), "0"));
        e.getExtensions().add(ExtensionElement.complex(ex("myField3"),
                List.of(ExtensionElement.leaf(ex("mySubField3"), "3"), ExtensionElement.leaf(ex("mySubField3"), "1"))));
        return e;
    }

    /** ReferenceEventHashAlgorithm2.xml: a sensor element with four reports in XML's gs1: CURIE form. */
    static EpcisEvent example2() {
        EpcisEvent e = new EpcisEvent(EventType.OBJECT_EVENT)
                .setEventTime("2020-04-01T15:00:00.000+01:00")
                .setEventTimeZoneOffset("+01:00")
                .setAction(Action.OBSERVE)
                .setBizStep("urn:epcglobal:cbv:bizstep:inspecting")
                .setReadPoint(Location.of("urn:epc:id:sgln:4012345.00005.0"));
        e.getEpcList().add("urn:epc:id:sgtin:4012345.011111.9876");
        e.getSensorElementList().add(new SensorElement(
                attributes("deviceID", "urn:epc:id:giai:4000001.111", "deviceMetadata", "https://id.gs1.org/8004/4000001111"),
                List.of(attributes("type", "gs1:Temperature", "value", "26", "uom", "CEL", "sDev", "0.1"),
                        attributes("type", "gs1:AbsoluteHumidity", "value", "12.1", "uom", "A93"),
                        attributes("type", "gs1:Dimensionless", "microorganism",
                                "https://www.ncbi.nlm.nih.gov/taxonomy/1126011", "value", "0.05", "uom", "C35"),
                        attributes("type", "gs1:Dimensionless", "chemicalSubstance",
                                "https://identifiers.org/inchikey:CZMRCDWAGMRECN-UGDNZRGBSA-N", "value", "0.18", "uom", "C35")),
                List.of()));
        return e;
    }

    /** ReferenceEventHashAlgorithm3.xml: lists with types and an extension inside readPoint. */
    static EpcisEvent example3() {
        EpcisEvent e = new EpcisEvent(EventType.OBJECT_EVENT)
                .setEventTime("2020-03-04T11:00:30.000+01:00")
                .setEventTimeZoneOffset("+01:00")
                .setAction(Action.OBSERVE)
                .setBizStep("urn:epcglobal:cbv:bizstep:departing")
                .setDisposition("urn:epcglobal:cbv:disp:in_transit")
                .setReadPoint(new Location("urn:epc:id:sgln:4012345.00011.0",
                        List.of(ExtensionElement.leaf(ex("myField1"), "AB-12"))));
        e.getEpcList().add("urn:epc:id:sgtin:0614141.011111.987");
        e.getBizTransactionList().add(new BizTransaction("urn:epcglobal:cbv:btt:po", "urn:epc:id:gdti:4012345.11111.123"));
        e.getSourceList().add(new SourceDestination("urn:epcglobal:cbv:sdt:owning_party", "urn:epc:id:pgln:4012345.00000"));
        e.getDestinationList().add(new SourceDestination("urn:epcglobal:cbv:sdt:owning_party", "urn:epc:id:pgln:0614141.00000"));
        e.getExtensions().add(ExtensionElement.leaf(ex("userExt"), "CD-34"));
        return e;
    }

    @Nested
    @DisplayName("CBV 2.0 (reference vectors)")
    class Cbv20 {

        @Test
        void whenExtensionsAtEventLevelThenTheyAreSortedAtTheEnd() {
            assertThat(cbv20.preHashString(example1())).isEqualTo("eventType=ObjectEvent"
                    + "eventTime=2020-03-04T10:00:30.000ZeventTimeZoneOffset=+01:00"
                    + "epcListepc=https://id.gs1.org/00/040123450000001112epc=https://id.gs1.org/00/040123450000002225"
                    + "epc=https://id.gs1.org/00/040123450000003338action=OBSERVE"
                    + "bizStep=https://ref.gs1.org/cbv/BizStep-departingreadPointid=https://id.gs1.org/414/4012345000115/254/987"
                    + "{https://ns.example.com/epcis/}myField1{https://ns.example.com/epcis/}mySubField1=2"
                    + "{https://ns.example.com/epcis/}mySubField2=5{https://ns.example.com/epcis/}myField2=0"
                    + "{https://ns.example.com/epcis/}myField3{https://ns.example.com/epcis/}mySubField3=1"
                    + "{https://ns.example.com/epcis/}mySubField3=3");
            assertThat(cbv20.eventHashId(example1()))
                    .isEqualTo("ni:///sha-256;6ae96341e0acc6d7a261364751f60e68278a81cdf51da0abb6b4e617014e39d7?ver=CBV2.0");
        }

        @Test
        void whenSensorReportsThenGs1TermsExpandAndReportsAreSorted() {
            assertThat(cbv20.eventHashId(example2()))
                    .isEqualTo("ni:///sha-256;49b13037c36e84ad9307c531671b00e901318c3957e4b1151f816ec49eb668da?ver=CBV2.0");
        }

        @Test
        void whenTypedListsThenTheyJoinTheSortedTailAndReadPointExtensionsStayInline() {
            assertThat(cbv20.preHashString(example3())).endsWith("readPointid=https://id.gs1.org/414/4012345000115"
                    + "{https://ns.example.com/epcis/}myField1=AB-12"
                    + "bizTransactionListtype=https://ref.gs1.org/cbv/BTT-pobizTransaction=https://id.gs1.org/253/4012345111118123"
                    + "destinationListtype=https://ref.gs1.org/cbv/SDT-owning_partydestination=https://id.gs1.org/417/0614141000005"
                    + "sourceListtype=https://ref.gs1.org/cbv/SDT-owning_partysource=https://id.gs1.org/417/4012345000009"
                    + "{https://ns.example.com/epcis/}userExt=CD-34");
            assertThat(cbv20.eventHashId(example3()))
                    .isEqualTo("ni:///sha-256;a13cbe6c8bb6df3710b3edaeff760a1365ec8fd69ca1f4d7e0c10eb5189a883a?ver=CBV2.0");
        }

        @Test
        void whenRecordTimeEventIdOrErrorDeclarationDifferThenTheHashDoesNot() {
            EpcisEvent other = example1().setRecordTime("2021-01-01T00:00:00Z").setEventId("urn:uuid:1")
                    .setErrorDeclaration(new org.pharmatrace.epcis.model.ErrorDeclaration("2021-01-01T00:00:00Z",
                            "urn:epcglobal:cbv:er:incorrect_data", List.of(), List.of()));
            assertThat(cbv20.eventHashId(other)).isEqualTo(cbv20.eventHashId(example1()));
        }

        @Test
        void whenCertificationInfoThenItFollowsTheTimeZoneOffset() {
            EpcisEvent e = example1();
            e.getCertificationInfo().add("https://accreditation-council.example.org/certificate/ABC12345");
            assertThat(cbv20.preHashString(e)).contains("eventTimeZoneOffset=+01:00"
                    + "certificationInfo=https://accreditation-council.example.org/certificate/ABC12345epcList");
        }

        @Test
        void whenParentAndEpcListThenParentComesFirst() {
            EpcisEvent e = new EpcisEvent(EventType.TRANSACTION_EVENT).setParentId("urn:epc:id:sscc:4012345.0000000111")
                    .setAction(Action.ADD);
            e.getEpcList().add("urn:epc:id:sgtin:4012345.011111.9876");
            assertThat(cbv20.preHashString(e)).isEqualTo("eventType=TransactionEvent"
                    + "parentID=https://id.gs1.org/00/040123450000001112"
                    + "epcListepc=https://id.gs1.org/01/04012345111118/21/9876action=ADD");
            assertThat(cbv21.preHashString(e)).isEqualTo("eventType=TransactionEvent"
                    + "epcListepc=https://id.gs1.org/01/04012345111118/21/9876"
                    + "parentID=https://id.gs1.org/00/040123450000001112action=ADD");
        }
    }

    @Nested
    @DisplayName("CBV 2.1 (reference README worked examples)")
    class Cbv21 {

        @Test
        void whenOnlyEventLevelExtensionsThenTheDigestEqualsCbv20() {
            assertThat(cbv21.eventHashId(example1()))
                    .isEqualTo("ni:///sha-256;6ae96341e0acc6d7a261364751f60e68278a81cdf51da0abb6b4e617014e39d7?ver=CBV2.1");
        }

        @Test
        void whenSensorTermsThenTheyUseRefGs1OrgVoc() {
            assertThat(cbv21.preHashString(example2()))
                    .contains("sensorElementListsensorElementsensorMetadata")
                    .contains("type=https://ref.gs1.org/voc/Temperature");
            assertThat(cbv21.eventHashId(example2()))
                    .isEqualTo("ni:///sha-256;f6bf8e2fb50f26f5baba52f722211eefdb0f427a3903c61ab015db6d1f93c3da?ver=CBV2.1");
        }

        @Test
        void whenTypedListsThenTheyFollowTheCanonicalOrder() {
            assertThat(cbv21.eventHashId(example3()))
                    .isEqualTo("ni:///sha-256;e9273954ba78387caf181fe74038871990dbc97568d068123d0a8774b843e383?ver=CBV2.1");
        }

        @Test
        void whenCertificationInfoThenItIsNotHashed() {
            EpcisEvent e = example1();
            e.getCertificationInfo().add("https://accreditation-council.example.org/certificate/ABC12345");
            assertThat(cbv21.eventHashId(e)).isEqualTo(cbv21.eventHashId(example1()));
        }
    }

    @Nested
    @DisplayName("canonical values")
    class Values {

        @Test
        void whenTheSameEventIsSpelledDifferentlyThenTheHashIsTheSame() {
            EpcisEvent webSpelling = example3()
                    .setEventTime("2020-03-04T10:00:30Z")
                    .setBizStep("https://ref.gs1.org/cbv/BizStep-departing")
                    .setDisposition("in_transit")
                    .setReadPoint(new Location("https://example.com/path/414/4012345000115?x=1",
                            List.of(ExtensionElement.leaf(ex("myField1"), " AB-12 "))));
            webSpelling.getEpcList().set(0, "https://id.gs1.de/01/00614141111114/10/LOT/21/987");
            webSpelling.getBizTransactionList().set(0, new BizTransaction("po", "https://id.gs1.org/gdti/4012345111118123"));
            assertThat(cbv20.eventHashId(webSpelling)).isEqualTo(cbv20.eventHashId(example3()));
        }

        @Test
        void whenQuantitiesHaveTrailingZerosThenTheyAreDropped() {
            EpcisEvent a = new EpcisEvent(EventType.OBJECT_EVENT).setAction(Action.ADD);
            a.getQuantityList().add(new QuantityElement("urn:epc:class:lgtin:4012345.012345.998877", new BigDecimal("200.0"), "KGM"));
            a.getQuantityList().add(new QuantityElement("urn:epc:idpat:sgtin:4012345.044444.*", null, null));
            assertThat(cbv20.preHashString(a)).isEqualTo("eventType=ObjectEventquantityList"
                    + "quantityElementepcClass=https://id.gs1.org/01/04012345123456/10/998877quantity=200uom=KGM"
                    + "quantityElementepcClass=https://id.gs1.org/01/04012345444445action=ADD");
        }

        @Test
        void whenAnXsiTypeAnnotatesAnExtensionThenItIsIgnored() {
            EpcisEvent plain = example1();
            EpcisEvent typed = example1();
            Map<QName, String> xsiType = Map.of(new QName("http://www.w3.org/2001/XMLSchema-instance", "type", "xsi"), "xsd:integer");
            typed.getExtensions().set(1, new ExtensionElement(ex("myField2"), xsiType, "0", List.of()));
            assertThat(cbv20.eventHashId(typed)).isEqualTo(cbv20.eventHashId(plain));
        }

        @Test
        void whenAnRdfsCommentIsPresentThenItIsIgnored() {
            EpcisEvent commented = example1();
            commented.getExtensions().add(ExtensionElement.leaf(
                    new QName("http://www.w3.org/2000/01/rdf-schema#", "comment"), "a note"));
            assertThat(cbv20.eventHashId(commented)).isEqualTo(cbv20.eventHashId(example1()));
        }

        @Test
        void whenExtensionsAreIgnoredByNameThenOnlyThoseDisappear() {
            EpcisEvent e = example1();
            e.getExtensions().add(ExtensionElement.leaf(new QName("https://repository-x.example.com/", "hash"), "ni:///x"));
            EventHashGenerator ignoring = cbv20.ignoringExtensions(List.of(new QName("https://repository-x.example.com/", "hash")));
            assertThat(ignoring.eventHashId(e)).isEqualTo(cbv20.eventHashId(example1()));
            assertThat(cbv20.eventHashId(e)).isNotEqualTo(cbv20.eventHashId(example1()));
        }

        @Test
        void whenValuesNeedCodePointOrderThenSupplementaryCharactersSortLast() {
            EpcisEvent e = new EpcisEvent(EventType.OBJECT_EVENT);
            e.getExtensions().add(ExtensionElement.leaf(ex("a"), "\uD83D\uDE00"));
            e.getExtensions().add(ExtensionElement.leaf(ex("a"), "\uFF21"));
            assertThat(cbv20.preHashString(e))
                    .isEqualTo("eventType=ObjectEvent{" + EXAMPLE + "}a=\uFF21{" + EXAMPLE + "}a=\uD83D\uDE00");
        }

        @Test
        void whenTheEventHasNoTypeThenItIsRejected() {
            assertThatThrownBy(() -> cbv20.eventHashId(new EpcisEvent())).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void whenAnEventIsHugeThenItHashesAndTheBuffersRecover() {
        EpcisEvent huge = new EpcisEvent(EventType.OBJECT_EVENT).setAction(Action.OBSERVE);
        for (int k = 60_000; k > 0; k--) {
            huge.getEpcList().add("urn:epc:id:sgtin:0614141.012345." + k);
        }
        String first = cbv20.eventHashId(huge);
        assertThat(cbv20.eventHashId(huge)).isEqualTo(first)
                .isEqualTo(KnownDeviations.hash(cbv20.preHashString(huge)));
        assertThat(cbv20.eventHashId(example1()))
                .isEqualTo("ni:///sha-256;6ae96341e0acc6d7a261364751f60e68278a81cdf51da0abb6b4e617014e39d7?ver=CBV2.0");
    }

    @Test
    void whenHashedFromManyThreadsThenEveryResultIsTheSame() throws Exception {
        List<EpcisEvent> events = List.of(example1(), example2(), example3());
        List<String> expected = new ArrayList<>();
        for (EpcisEvent e : events) {
            expected.add(cbv20.eventHashId(e));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> runs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                runs.add(pool.submit(() -> {
                    for (int i = 0; i < 2000; i++) {
                        int k = i % 3;
                        if (!cbv20.eventHashId(events.get(k)).equals(expected.get(k))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> run : runs) {
                assertThat(run.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static QName ex(String localName) {
        return new QName(EXAMPLE, localName, "example");
    }

    /** An attribute map in the order given: name, value, name, value... (all in no namespace). */
    private static Map<QName, String> attributes(String... nameValues) {
        Map<QName, String> map = new LinkedHashMap<>();
        for (int k = 0; k < nameValues.length; k += 2) {
            map.put(new QName(nameValues[k]), nameValues[k + 1]);
        }
        return map;
    }
}
