package org.pharmatrace.mapping.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.pharmatrace.epcis.model.Action;
import org.pharmatrace.epcis.model.EpcisEvent;
import org.pharmatrace.epcis.model.EventType;
import org.pharmatrace.epcis.model.ExtensionElement;
import org.pharmatrace.gs1.CompanyPrefixLengths;
import org.pharmatrace.gs1.InMemoryNdcProductCatalog;
import org.pharmatrace.mapping.PartnerFormat;
import org.pharmatrace.mapping.PartnerFormatException;
import org.pharmatrace.mapping.PartnerProfile;

class SerialCsvMapperTest {

    static final String HEADER = "gtin,serial,lot,expiry,production_date,site_gln";
    static final String GTIN = "00312345678906";
    static final String SITE = "0614141000012";
    static final String SITE_SGLN = "urn:epc:id:sgln:0614141.00001.0";

    private final SerialCsvMapper mapper = new SerialCsvMapper(Clock.fixed(Instant.parse("2025-11-21T12:00:00Z"), ZoneOffset.UTC));

    static PartnerProfile profile(Map<String, String> conventions) {
        return new PartnerProfile("cmo-a", null, null, "-05:00", CompanyPrefixLengths.defaults().with("0614141", 7),
                new InMemoryNdcProductCatalog(), conventions);
    }

    private List<EpcisEvent> map(String csv) {
        return map(csv.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    private List<EpcisEvent> map(byte[] csv, Map<String, String> conventions) {
        List<EpcisEvent> events = new ArrayList<>();
        long count = mapper.map(new ByteArrayInputStream(csv), profile(conventions), events::add);
        assertThat(count).isEqualTo(events.size());
        return events;
    }

    private static byte[] corpusFile() throws IOException {
        return Files.readAllBytes(Path.of(System.getProperty("hub.corpus.dir"), "serial", "commissioning-lot-a1.csv"));
    }

    private static String row(String serial) {
        return GTIN + "," + serial + ",LOT-A1,2027-12-31,2025-11-01," + SITE;
    }

    private static Map<String, String> ilmd(EpcisEvent e) {
        Map<String, String> values = new HashMap<>();
        for (ExtensionElement x : e.getIlmd()) {
            values.put(x.name().getPrefix() + ":" + x.name().getLocalPart() + "@" + x.name().getNamespaceURI(), x.text());
        }
        return values;
    }

    @Test
    void formatIsSerialCsv() {
        assertThat(mapper.format()).isEqualTo(PartnerFormat.SERIAL_CSV);
    }

    @Nested
    class WhenTheCorpusFileIsMapped {

        @Test
        void thenOneCommissioningEventCarriesAllSixSerials() throws IOException {
            List<EpcisEvent> events = map(corpusFile(), Map.of());

            assertThat(events).hasSize(1);
            EpcisEvent e = events.get(0);
            assertThat(e.getType()).isEqualTo(EventType.OBJECT_EVENT);
            assertThat(e.getAction()).isEqualTo(Action.ADD);
            assertThat(e.getBizStep()).isEqualTo("urn:epcglobal:cbv:bizstep:commissioning");
            assertThat(e.getDisposition()).isEqualTo("urn:epcglobal:cbv:disp:active");
            assertThat(e.getEpcList()).containsExactly(
                    "urn:epc:id:sgtin:0312345.067890.SN1010", "urn:epc:id:sgtin:0312345.067890.SN1011",
                    "urn:epc:id:sgtin:0312345.067890.SN1012", "urn:epc:id:sgtin:0312345.067890.SN1020",
                    "urn:epc:id:sgtin:0312345.067890.SN1021", "urn:epc:id:sgtin:0312345.067890.SN1022");
            assertThat(e.getEventTime()).isEqualTo("2025-11-01T00:00:00-05:00");
            assertThat(e.getEventTimeZoneOffset()).isEqualTo("-05:00");
            assertThat(e.getReadPoint().id()).isEqualTo(SITE_SGLN);
            assertThat(e.getBizLocation().id()).isEqualTo(SITE_SGLN);
            assertThat(ilmd(e)).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "cbvmda:lotNumber@urn:epcglobal:cbv:mda", "LOT-A1",
                    "cbvmda:itemExpirationDate@urn:epcglobal:cbv:mda", "2027-12-31",
                    "gs1:productionDate@https://gs1.org/voc/", "2025-11-01"));
        }

        @Test
        void thenAByteOrderMarkAndCrlfLineEndsChangeNothing() throws IOException {
            String text = new String(corpusFile(), StandardCharsets.UTF_8).replace("\n", "\r\n");
            byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
            byte[] body = text.getBytes(StandardCharsets.UTF_8);
            byte[] withBom = new byte[bom.length + body.length];
            System.arraycopy(bom, 0, withBom, 0, 3);
            System.arraycopy(body, 0, withBom, 3, body.length);

            List<EpcisEvent> plain = map(corpusFile(), Map.of());
            List<EpcisEvent> variant = map(withBom, Map.of());

            assertThat(variant).hasSize(1);
            assertThat(variant.get(0).getEpcList()).isEqualTo(plain.get(0).getEpcList());
            assertThat(ilmd(variant.get(0))).isEqualTo(ilmd(plain.get(0)));
        }

        @Test
        void thenChunksHoldAtMostTheConfiguredNumberOfEpcs() throws IOException {
            List<EpcisEvent> events = map(corpusFile(), Map.of(SerialCsvMapper.MAX_EPCS_PER_EVENT, "4"));

            assertThat(events).extracting(e -> e.getEpcList().size()).containsExactly(4, 2);
        }
    }

    @Nested
    class WhenRowsDiffer {

        @Test
        void thenEachChangeOfLotExpirySiteOrDateStartsANewEvent() {
            String csv = HEADER + "\n" + row("A1") + "\n" + row("A2") + "\n"
                    + GTIN + ",B1,LOT-B,2028-01-31,2025-11-01," + SITE + "\n"
                    + GTIN + ",C1,LOT-B,2028-01-31,2025-11-02," + SITE + "\n"
                    + row("A3") + "\n";

            List<EpcisEvent> events = map(csv);

            assertThat(events).extracting(e -> e.getEpcList().size()).containsExactly(2, 1, 1, 1);
            assertThat(ilmd(events.get(1))).containsEntry("cbvmda:lotNumber@urn:epcglobal:cbv:mda", "LOT-B");
            assertThat(events.get(2).getEventTime()).isEqualTo("2025-11-02T00:00:00-05:00");
        }

        @Test
        void thenColumnOrderComesFromTheHeaderAndExtraColumnsAreIgnored() {
            String csv = "site_gln,comment,Expiry,LOT,serial,GTIN,production_date\n"
                    + SITE + ",first,2027-12-31,LOT-A1,X1," + GTIN + ",2025-11-01\n";

            EpcisEvent e = map(csv).get(0);

            assertThat(e.getEpcList()).containsExactly("urn:epc:id:sgtin:0312345.067890.X1");
            assertThat(e.getReadPoint().id()).isEqualTo(SITE_SGLN);
        }

        @Test
        void thenQuotedFieldsMayHoldDelimitersAndDoubledQuotes() {
            String csv = "\"gtin\",\"serial\",\"lot\",\"expiry\",\"production_date\",\"site_gln\"\n"
                    + "\"" + GTIN + "\",\"A,1\",\"LOT-A1\",\"2027-12-31\",\"2025-11-01\",\"" + SITE + "\"\n"
                    + GTIN + ",\"B\"\"2\",LOT-A1,2027-12-31,2025-11-01," + SITE + "\n";

            EpcisEvent e = map(csv).get(0);

            assertThat(e.getEpcList()).containsExactly("urn:epc:id:sgtin:0312345.067890.A,1",
                    "urn:epc:id:sgtin:0312345.067890.B%222");
        }

        @Test
        void thenTwoDigitYearExpiriesWithDayZeroMeanTheEndOfTheMonth() {
            String csv = HEADER + "\n" + GTIN + ",A1,LOT-A1,280200,251101," + SITE + "\n";

            EpcisEvent e = map(csv).get(0);

            assertThat(ilmd(e)).containsEntry("cbvmda:itemExpirationDate@urn:epcglobal:cbv:mda", "2028-02-29")
                    .containsEntry("gs1:productionDate@https://gs1.org/voc/", "2025-11-01");
        }

        @Test
        void thenATwoDigitYearMoreThanFiftyYearsAheadBelongsToTheLastCentury() {
            String csv = HEADER + "\n" + GTIN + ",A1,LOT-A1,751231,760101," + SITE + "\n";

            EpcisEvent e = map(csv).get(0);

            assertThat(ilmd(e)).containsEntry("cbvmda:itemExpirationDate@urn:epcglobal:cbv:mda", "2075-12-31")
                    .containsEntry("gs1:productionDate@https://gs1.org/voc/", "1976-01-01");
        }

        @Test
        void thenAConfiguredEventTimeReplacesTheProductionDateAndTheSiteFallsBackToTheProfile() {
            String csv = "gtin,serial,lot,expiry\n" + GTIN + ",A1,LOT-A1,2027-12-31\n";
            PartnerProfile withSite = new PartnerProfile("cmo-a", null, SITE_SGLN, "-05:00",
                    CompanyPrefixLengths.defaults(), new InMemoryNdcProductCatalog(),
                    Map.of(SerialCsvMapper.EVENT_TIME, "2025-11-01T06:30:00+01:00"));
            List<EpcisEvent> events = new ArrayList<>();

            mapper.map(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), withSite, events::add);

            assertThat(events.get(0).getEventTime()).isEqualTo("2025-11-01T06:30:00+01:00");
            assertThat(events.get(0).getEventTimeZoneOffset()).isEqualTo("+01:00");
            assertThat(events.get(0).getReadPoint().id()).isEqualTo(SITE_SGLN);
            assertThat(events.get(0).getIlmd()).hasSize(2);
        }
    }

    @Nested
    class WhenARowIsBad {

        private PartnerFormatException failure(String csv) {
            try {
                map(csv);
            } catch (PartnerFormatException e) {
                return e;
            }
            throw new AssertionError("expected a PartnerFormatException");
        }

        @Test
        void thenABadCheckDigitNamesLineAndColumn() {
            PartnerFormatException e = failure(HEADER + "\n" + row("A1") + "\n00312345678907,A2,LOT-A1,2027-12-31,2025-11-01," + SITE + "\n");

            assertThat(e.location()).isEqualTo("line 3");
            assertThat(e.code()).isEqualTo("BAD_CHECK_DIGIT");
            assertThat(e.getMessage()).contains("column 'gtin'").contains("expected 6");
        }

        @Test
        void thenAMissingLotIsRefused() {
            PartnerFormatException e = failure(HEADER + "\n" + GTIN + ",A1,,2027-12-31,2025-11-01," + SITE + "\n");

            assertThat(e.location()).isEqualTo("line 2");
            assertThat(e.code()).isEqualTo("MISSING_LOT");
            assertThat(e.getMessage()).contains("column 'lot'");
        }

        @Test
        void thenAnImpossibleDateIsRefused() {
            PartnerFormatException e = failure(HEADER + "\n" + GTIN + ",A1,LOT-A1,2027-02-30,2025-11-01," + SITE + "\n");

            assertThat(e.code()).isEqualTo("BAD_DATE");
            assertThat(e.getMessage()).contains("column 'expiry'").contains("2027-02-30");
        }

        @Test
        void thenADuplicateSerialNamesBothLines() {
            PartnerFormatException e = failure(HEADER + "\n" + row("A1") + "\n" + row("A2") + "\n,,,,,\n" + row("A1") + "\n\n");

            assertThat(e.location()).isEqualTo("line 5");
            assertThat(e.code()).isEqualTo("DUPLICATE_SERIAL");
            assertThat(e.getMessage()).contains("line 2");
        }

        @Test
        void thenASerialOutsideTheGs1CharacterSetIsRefused() {
            PartnerFormatException e = failure(HEADER + "\n" + GTIN + ",A 1,LOT-A1,2027-12-31,2025-11-01," + SITE + "\n");

            assertThat(e.code()).isEqualTo("BAD_SERIAL");
            assertThat(e.getMessage()).contains("column 'serial'").contains("U+0020");
        }

        @Test
        void thenALotOutsideTheGs1CharacterSetIsRefusedNamingTheCharacter() {
            PartnerFormatException e = failure(HEADER + "\n" + GTIN + ",A1,A#1,2027-12-31,2025-11-01," + SITE + "\n");

            assertThat(e.code()).isEqualTo("BAD_LOT");
            assertThat(e.getMessage()).isEqualTo("line 2: column 'lot': lot 'A#1' contains '#', not allowed in GS1 AI (10)"
                    + " (GS1 character set 82)");
        }

        @Test
        void thenAProductionDateWithDayZeroIsRefused() {
            PartnerFormatException e = failure(HEADER + "\n" + GTIN + ",A1,LOT-A1,280200,251100," + SITE + "\n");

            assertThat(e.code()).isEqualTo("BAD_DATE");
            assertThat(e.getMessage()).contains("column 'production_date'");
        }

        @Test
        void thenAWrongColumnCountIsRefused() {
            PartnerFormatException e = failure(HEADER + "\n" + GTIN + ",A1,LOT-A1,2027-12-31\n");

            assertThat(e.location()).isEqualTo("line 2");
            assertThat(e.code()).isEqualTo("WRONG_COLUMN_COUNT");
            assertThat(e.getMessage()).contains("4 fields").contains("6");
        }

        @Test
        void thenAFileWithoutHeaderIsRefused() {
            PartnerFormatException e = failure(row("A1") + "\n" + row("A2") + "\n");

            assertThat(e.location()).isEqualTo("line 1");
            assertThat(e.code()).isEqualTo("MISSING_HEADER");
        }

        @Test
        void thenAHeaderWithoutARequiredColumnIsRefused() {
            PartnerFormatException e = failure("gtin,serial,expiry\n" + GTIN + ",A1,2027-12-31\n");

            assertThat(e.code()).isEqualTo("MISSING_COLUMN");
            assertThat(e.getMessage()).contains("'lot'");
        }

        @Test
        void thenAnUnterminatedQuoteIsRefusedWithItsLine() {
            PartnerFormatException e = failure(HEADER + "\n" + row("A1") + "\n" + GTIN + ",\"A2,LOT-A1,2027-12-31,2025-11-01," + SITE + "\n");

            assertThat(e.location()).isEqualTo("line 3");
            assertThat(e.code()).isEqualTo("UNTERMINATED_QUOTE");
        }

        @Test
        void thenTextThatIsNotUtf8IsRefused() {
            byte[] latin1 = (HEADER + "\n" + GTIN + ",A1,LOT-\u00e91,2027-12-31,2025-11-01," + SITE + "\n")
                    .getBytes(StandardCharsets.ISO_8859_1);

            assertThatThrownBy(() -> map(latin1, Map.of()))
                    .isInstanceOfSatisfying(PartnerFormatException.class, e -> assertThat(e.code()).isEqualTo("WRONG_ENCODING"));
        }

        @Test
        void thenAnUnknownCompanyPrefixIsAConfigurationErrorOnTheRow() {
            PartnerFormatException e = failure(HEADER + "\n" + GTIN + ",A1,LOT-A1,2027-12-31,2025-11-01,4012345000009\n");

            assertThat(e.code()).isEqualTo("UNKNOWN_COMPANY_PREFIX");
            assertThat(e.getMessage()).contains("column 'site_gln'");
        }

        @Test
        void thenAnEmptyFileIsRefused() {
            assertThatThrownBy(() -> map(""))
                    .isInstanceOfSatisfying(PartnerFormatException.class, e -> assertThat(e.code()).isEqualTo("EMPTY_FILE"));
            assertThatThrownBy(() -> map(HEADER + "\n"))
                    .isInstanceOfSatisfying(PartnerFormatException.class, e -> assertThat(e.code()).isEqualTo("NO_ROWS"));
        }

        @Test
        void thenEventsBeforeTheBadRowHaveAlreadyStreamed() {
            List<EpcisEvent> events = new ArrayList<>();
            String csv = HEADER + "\n" + row("A1") + "\n" + row("A2") + "\n" + row("A3") + "\n" + row("A2") + "\n";

            assertThatThrownBy(() -> mapper.map(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                    profile(Map.of(SerialCsvMapper.MAX_EPCS_PER_EVENT, "2")), events::add))
                    .isInstanceOf(PartnerFormatException.class);
            assertThat(events).hasSize(1);
        }
    }
}
