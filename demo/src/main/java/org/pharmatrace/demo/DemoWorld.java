package org.pharmatrace.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Who the demo partners are and what one run ships. The parties are those of the GS1 US DSCSA example in the shared
 * corpus (the manufacturer GS1 Pharma, company prefix 030001; the wholesaler GS1 Drug Distributor, 039999) plus the
 * pharmacy and contract manufacturer site the demo profile and the ledger registry know (bin/hub-stack registers
 * them; application-demo.yaml and stack/hub-demo.yaml give them to the demo partners). Each run gets fresh serials,
 * lots and containers, so the ledger's lifecycle rules (one commissioning per serial) hold run after run.
 */
final class DemoWorld {

    // ---- the parties (GLN-based identifiers as EPC URNs)
    static final String MANUFACTURER = "urn:epc:id:sgln:030001.111111.0";      // GS1 Pharma, owning party
    static final String MANUFACTURER_DC = "urn:epc:id:sgln:030001.111121.0";   // GS1 Pharma DC
    static final String DISTRIBUTOR = "urn:epc:id:sgln:039999.999999.0";       // GS1 Drug Distributor
    static final String DISTRIBUTOR_DC = "urn:epc:id:sgln:039999.345678.0";    // its warehouse
    static final String PHARMACY = "urn:epc:id:sgln:0355555.00000.0";          // the dispensing pharmacy
    static final String CMO_SITE = "urn:epc:id:sgln:0614141.00001.0";          // the contract manufacturer's plant

    static final String MANUFACTURER_PREFIX = "030001";
    static final String DISTRIBUTOR_PREFIX = "039999";
    /** The lowest saleable unit: NDC 0001-0123-45 = GTIN 0 03 0001012345 c; its cases have indicator 1. */
    static final String NDC = "0001-0123-45";
    static final String UNIT_ITEM_REFERENCE = "0012345";
    static final String CASE_ITEM_REFERENCE = "1012345";
    static final String PRODUCT_NAME = "Epcistra 100mg";

    static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyMMddHHmmss").withZone(ZoneOffset.UTC);

    final String runId;
    final Instant now;
    /** Business time of the first event; the lifecycle's events follow at the offsets of {@link #at}. */
    final Instant start;
    final String lot;
    final LocalDate expiry;
    /** The 12 units of the DSCSA example (4 per case), renumbered; unit 0 is the one the demo follows. */
    final List<String> units = new ArrayList<>();
    final List<String> cases = new ArrayList<>();
    final String pallet;
    /** The wholesaler's pallet and its two totes of the shipment to the pharmacy (X12 856). */
    final String distributorPallet;
    final List<String> totes = new ArrayList<>();
    /** The contract manufacturer's batch (serial CSV over SFTP). */
    final String cmoLot;
    final List<String> cmoSerials = new ArrayList<>();

    DemoWorld(Instant now) {
        this.now = now.truncatedTo(ChronoUnit.SECONDS);
        this.runId = RUN_ID.format(this.now);
        this.start = this.now.minus(6, ChronoUnit.HOURS);
        this.lot = "L" + runId;
        this.expiry = LocalDate.ofInstant(this.now, ZoneOffset.UTC).plusYears(2).withDayOfMonth(1).minusDays(1);
        for (int i = 1; i <= 12; i++) {
            units.add(String.format("S%s%02d", runId, i));
        }
        for (int i = 1; i <= 3; i++) {
            cases.add(String.format("C%s%d", runId, i));
        }
        // SSCC serial references: extension digit + 10 digits, from the run's seconds (unique per second)
        String seconds = String.format("%010d", this.now.getEpochSecond() % 10_000_000_000L);
        pallet = Gs1.ssccUrn(MANUFACTURER_PREFIX, '4', seconds);
        distributorPallet = Gs1.ssccUrn(DISTRIBUTOR_PREFIX, '5', seconds);
        totes.add(Gs1.ssccUrn(DISTRIBUTOR_PREFIX, '6', seconds));
        totes.add(Gs1.ssccUrn(DISTRIBUTOR_PREFIX, '7', seconds));
        cmoLot = "B" + runId;
        for (int i = 1; i <= 6; i++) {
            cmoSerials.add(String.format("M%s%02d", runId, i));
        }
    }

    String unitGtin() {
        return Gs1.gtin(MANUFACTURER_PREFIX, UNIT_ITEM_REFERENCE);
    }

    String unitEpc(String serial) {
        return Gs1.sgtin(MANUFACTURER_PREFIX, UNIT_ITEM_REFERENCE, serial);
    }

    String caseEpc(String serial) {
        return Gs1.sgtin(MANUFACTURER_PREFIX, CASE_ITEM_REFERENCE, serial);
    }

    /** The serial the demo follows from commissioning to dispense. */
    String tracedSerial() {
        return units.get(0);
    }

    String tracedEpc() {
        return unitEpc(tracedSerial());
    }

    /** Units shipped to the pharmacy, tote by tote: three of the first case, three of the second. */
    List<List<String>> shippedToPharmacy() {
        return List.of(units.subList(0, 3), units.subList(4, 7));
    }

    /**
     * Business times along the lifecycle: minutes after {@link #start} for the manufacturer's events, then the
     * wholesaler's receipt (+2 h), its shipment to the pharmacy (+3 h), the pharmacy's receipt (+4 h), the dispense
     * (+5 h); all before now.
     */
    Instant at(long minutes) {
        return start.plus(minutes, ChronoUnit.MINUTES);
    }

    static final long DISTRIBUTOR_RECEIVES = 120;
    static final long DISTRIBUTOR_SHIPS = 180;
    static final long PHARMACY_RECEIVES = 240;
    static final long DISPENSED = 300;
}
