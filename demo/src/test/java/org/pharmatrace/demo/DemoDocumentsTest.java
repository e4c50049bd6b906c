package org.pharmatrace.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pharmatrace.epcis.model.EpcisEvent;
import org.pharmatrace.epcis.validation.EpcisValidator;
import org.pharmatrace.epcis.validation.ValidationReport;
import org.pharmatrace.gs1.CompanyPrefixLengths;
import org.pharmatrace.gs1.InMemoryNdcProductCatalog;
import org.pharmatrace.mapping.PartnerFormatMapper;
import org.pharmatrace.mapping.PartnerProfile;
import org.pharmatrace.mapping.asn.X12AsnMapper;
import org.pharmatrace.mapping.hl7.Hl7DispenseMapper;
import org.pharmatrace.mapping.serial.SerialCsvMapper;

/**
 * The demo's documents, written from the corpus samples, read by the hub's own validator and mappers with the
 * profiles stack/hub-demo.yaml gives the demo partners: valid, and naming the run's serials, containers and parties.
 * (That the ledger takes them, in that order, is DemoFlowTest's part, on the real stack.)
 */
class DemoDocumentsTest {

    private static final Path CORPUS = Path.of(System.getProperty("hub.corpus.dir", "../../shared/corpus"));

    private final DemoWorld world = new DemoWorld(Instant.parse("2026-11-21T15:30:00Z"));
    private final CorpusTemplates templates = new CorpusTemplates(CORPUS);
    private final EpcisValidator validator = new EpcisValidator();

    /** As stack/hub-demo.yaml configures the channels' partner profiles. */
    private static PartnerProfile profile(String location, Map<String, Integer> prefixes) {
        CompanyPrefixLengths lengths = CompanyPrefixLengths.defaults();
        for (Map.Entry<String, Integer> p : prefixes.entrySet()) {
            lengths = lengths.with(p.getKey(), p.getValue());
        }
        return new PartnerProfile("demo", null, location, "+00:00", lengths, new InMemoryNdcProductCatalog(), Map.of());
    }

    private static List<EpcisEvent> map(PartnerFormatMapper mapper, String document, PartnerProfile profile) {
        List<EpcisEvent> events = new ArrayList<>();
        mapper.map(new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8)), profile, events::add);
        return events;
    }

    @Test
    void gs1KeysHaveTheirCheckDigits() {
        assertThat(Gs1.gln(DemoWorld.MANUFACTURER_DC)).isEqualTo("0300011111215"); // as in the DSCSA example's E8
        assertThat(Gs1.gln(DemoWorld.DISTRIBUTOR)).isEqualTo("0399999999991");
        assertThat(Gs1.gln(DemoWorld.CMO_SITE)).isEqualTo("0614141000012");     // as in the corpus serial file
        assertThat(Gs1.sscc18("urn:epc:id:sscc:0614141.0000000101")).isEqualTo("006141410000001019"); // the 856's
        assertThat(world.unitGtin()).isEqualTo("00300010123455");
    }

    @Test
    void manufacturerShipmentIsTheDscsaExampleWithTheRunsSerials() throws Exception {
        String xml = templates.manufacturerShipment(world);
        ValidationReport report = validator.validate(xml.getBytes(StandardCharsets.UTF_8));
        assertThat(report.errors()).isEmpty();
        assertThat(report.eventCount()).isEqualTo(8);
        assertThat(xml).contains(world.tracedEpc(), world.caseEpc(world.cases.get(2)), world.pallet, world.lot,
                "<destination type=\"urn:epcglobal:cbv:sdt:owning_party\">" + DemoWorld.DISTRIBUTOR)
                .doesNotContain("030001.0012345.11<", "A123", "2023-");
    }

    @Test
    void receiptsAreValidEpcis() throws Exception {
        for (String receipt : List.of(templates.distributorReceipt(world), templates.pharmacyReceipt(world))) {
            ValidationReport report = validator.validate(receipt.getBytes(StandardCharsets.UTF_8));
            assertThat(report.errors()).as(receipt).isEmpty();
            assertThat(report.eventCount()).isEqualTo(1);
        }
    }

    @Test
    void advanceShipNoticeRepacksTheUnitsAndShipsThemToThePharmacy() throws Exception {
        String asn = templates.advanceShipNotice(world);
        List<EpcisEvent> events = map(new X12AsnMapper(), asn,
                profile(null, Map.of("039999", 6, "0355555", 7, "030001", 6)));
        assertThat(events).hasSize(4);
        assertThat(events.get(0).getParentId()).isEqualTo(world.totes.get(0));
        assertThat(events.get(0).getChildEpcs()).containsExactly(world.tracedEpc(), world.unitEpc(world.units.get(1)),
                world.unitEpc(world.units.get(2)));
        assertThat(events.get(2).getParentId()).isEqualTo(world.distributorPallet);
        EpcisEvent shipping = events.get(3);
        assertThat(shipping.getBizStep()).endsWith("shipping");
        assertThat(shipping.getEpcList()).containsExactly(world.distributorPallet);
        assertThat(shipping.getReadPoint().id()).isEqualTo(DemoWorld.DISTRIBUTOR_DC);
        assertThat(shipping.getDestinationList()).anySatisfy(d -> assertThat(d.value()).isEqualTo(DemoWorld.PHARMACY));
        assertThat(shipping.getEventTime()).isEqualTo("2026-11-21T12:30:00+00:00");
    }

    @Test
    void dispenseNamesTheScannedUnitAtThePharmacy() throws Exception {
        List<EpcisEvent> events = map(new Hl7DispenseMapper(), templates.dispense(world),
                profile(DemoWorld.PHARMACY, Map.of("030001", 6, "0355555", 7)));
        assertThat(events).hasSize(1);
        assertThat(events.get(0).getEpcList()).containsExactly(world.tracedEpc());
        assertThat(events.get(0).getBizStep()).endsWith("dispensing");
        assertThat(events.get(0).getReadPoint().id()).isEqualTo(DemoWorld.PHARMACY);
    }

    @Test
    void serialFileCommissionsTheContractManufacturersBatch() throws Exception {
        List<EpcisEvent> events = map(new SerialCsvMapper(), templates.serialFile(world),
                profile(null, Map.of("030001", 6, "0614141", 7)));
        assertThat(events).hasSize(1);
        assertThat(events.get(0).getEpcList()).hasSize(6).allMatch(e -> e.startsWith("urn:epc:id:sgtin:030001.0012345.M"));
        assertThat(events.get(0).getReadPoint().id()).isEqualTo(DemoWorld.CMO_SITE);
    }
}
