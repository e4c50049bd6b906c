package org.pharmatrace.query;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import javax.xml.namespace.QName;
import org.pharmatrace.epcis.cbv.EpcisNamespaces;
import org.pharmatrace.epcis.model.Action;
import org.pharmatrace.epcis.model.BizTransaction;
import org.pharmatrace.epcis.model.EpcisEvent;
import org.pharmatrace.epcis.model.ExtensionElement;
import org.pharmatrace.epcis.model.EventType;
import org.pharmatrace.epcis.model.Location;
import org.pharmatrace.epcis.model.SourceDestination;
import org.pharmatrace.gs1.CheckDigit;
import org.pharmatrace.query.ledger.CommittedEvent;

/**
 * A DSCSA-shaped supply chain at any scale, for load and streaming tests: groups of 100 serialised packs, each
 * group commissioned by one of 5 manufacturers (ILMD lot and expiry), packed in a case, shipped to one of 3
 * wholesalers, received and unpacked there, each pack received by one of 200 pharmacies and half of them dispensed.
 * That is {@value #EVENTS_PER_GROUP} events per group, committed as one ledger transaction per organisation's part.
 * Deterministic: group {@code g} is always the same events.
 */
public final class SyntheticSupplyChain {

    public static final int PACKS_PER_GROUP = 100;
    public static final int EVENTS_PER_GROUP = 5 + PACKS_PER_GROUP + PACKS_PER_GROUP / 2;
    public static final int GROUPS_PER_LOT = 20;
    public static final int PRODUCTS = 50;

    private static final QName LOT_NUMBER = new QName(EpcisNamespaces.CBV_MASTER_DATA_ATTRIBUTES, "lotNumber", "cbvmda");
    private static final QName EXPIRY = new QName(EpcisNamespaces.CBV_MASTER_DATA_ATTRIBUTES, "itemExpirationDate", "cbvmda");
    private static final Instant START = Instant.parse("2023-01-01T00:00:00Z");

    /** One organisation's part of a group: the events it commits in one ledger transaction. */
    public record Part(String organisation, List<EpcisEvent> events) {
    }

    private SyntheticSupplyChain() {
    }

    /** Manufacturer m (0-4): company prefix 03 + labeler 2000m. */
    static String manufacturerPrefix(int m) {
        return "03" + (20000 + m);
    }

    static String gtin(int product) {
        int m = product % 5;
        String body = "0" + manufacturerPrefix(m) + String.format("%05d", 10 + product);
        return body + CheckDigit.compute(body);
    }

    /** The lot of group g. */
    public static String lot(long group) {
        return "L" + (group / GROUPS_PER_LOT) + "-" + (group % PRODUCTS);
    }

    public static int product(long group) {
        return (int) (group % PRODUCTS);
    }

    /** The GTIN of group g's packs. */
    public static String gtinOf(long group) {
        return gtin(product(group));
    }

    public static String serial(long group, int pack) {
        return "S" + (group * PACKS_PER_GROUP + pack);
    }

    public static String pack(long group, int pack) {
        String gtin = gtinOf(group);
        // GTIN-14: indicator, company prefix (7 digits: 03 + 5-digit labeler), item reference, check digit
        return "urn:epc:id:sgtin:" + gtin.substring(1, 8) + "." + gtin.charAt(0) + gtin.substring(8, 13) + "." + serial(group, pack);
    }

    static String sscc(long group) {
        String m = manufacturerPrefix((int) (group % PRODUCTS) % 5);
        return "urn:epc:id:sscc:" + m + "." + "0" + String.format("%09d", group % 1_000_000_000L);
    }

    static String sgln(String prefix, int location) {
        String ref = String.format("%0" + (12 - prefix.length()) + "d", location);
        return "urn:epc:id:sgln:" + prefix + "." + ref + ".0";
    }

    static String pgln(String prefix) {
        return "urn:epc:id:pgln:" + prefix + "." + "0".repeat(12 - prefix.length());
    }

    static String wholesalerPrefix(int w) {
        return "03" + (30000 + w);
    }

    static String pharmacyPrefix(int p) {
        return "03" + (40000 + p);
    }

    /** The organisation (MSP id) of a manufacturer, wholesaler or pharmacy. */
    static String manufacturerMsp(int m) {
        return "Manufacturer" + m + "MSP";
    }

    static String wholesalerMsp(int w) {
        return "Wholesaler" + w + "MSP";
    }

    static String pharmacyMsp(int p) {
        return "Pharmacy" + p + "MSP";
    }

    /** The parts of group g, in ledger order: manufacturer, wholesaler, then one part per pharmacy. */
    public static List<Part> group(long g) {
        int m = product(g) % 5;
        int w = (int) (g % 3);
        String mfr = manufacturerPrefix(m);
        String whs = wholesalerPrefix(w);
        String plant = sgln(mfr, 1);
        String dc = sgln(whs, 1);
        Instant t = START.plus(g * 7, ChronoUnit.MINUTES);
        List<String> packs = new ArrayList<>(PACKS_PER_GROUP);
        for (int i = 0; i < PACKS_PER_GROUP; i++) {
            packs.add(pack(g, i));
        }
        List<EpcisEvent> manufacturer = new ArrayList<>();
        EpcisEvent commission = object(t, Action.ADD, "commissioning", "active", plant, packs);
        commission.setIlmd(List.of(ExtensionElement.leaf(LOT_NUMBER, lot(g)),
                ExtensionElement.leaf(EXPIRY, "2027-" + String.format("%02d", 1 + g % 12) + "-28")));
        manufacturer.add(commission);
        EpcisEvent packing = new EpcisEvent(EventType.AGGREGATION_EVENT).setEventTime(time(t.plusSeconds(600)))
                .setEventTimeZoneOffset("-05:00").setAction(Action.ADD).setParentId(sscc(g))
                .setBizStep("urn:epcglobal:cbv:bizstep:packing").setDisposition("urn:epcglobal:cbv:disp:in_progress")
                .setReadPoint(Location.of(plant)).setBizLocation(Location.of(plant));
        packing.getChildEpcs().addAll(packs);
        manufacturer.add(packing);
        EpcisEvent shipping = object(t.plus(1, ChronoUnit.DAYS), Action.OBSERVE, "shipping", "in_transit", plant, List.of(sscc(g)));
        String po = "urn:epcglobal:cbv:bt:" + glnOf(whs) + ":PO-" + g;
        shipping.getBizTransactionList().add(new BizTransaction("urn:epcglobal:cbv:btt:po", po));
        transfer(shipping, pgln(mfr), plant, pgln(whs), dc);
        manufacturer.add(shipping);

        List<EpcisEvent> wholesaler = new ArrayList<>();
        EpcisEvent receiving = object(t.plus(2, ChronoUnit.DAYS), Action.OBSERVE, "receiving", "in_progress", dc, List.of(sscc(g)));
        receiving.getBizTransactionList().add(new BizTransaction("urn:epcglobal:cbv:btt:po", po));
        transfer(receiving, pgln(mfr), plant, pgln(whs), dc);
        wholesaler.add(receiving);
        EpcisEvent unpacking = new EpcisEvent(EventType.AGGREGATION_EVENT).setEventTime(time(t.plus(2, ChronoUnit.DAYS).plusSeconds(3600)))
                .setEventTimeZoneOffset("-05:00").setAction(Action.DELETE).setParentId(sscc(g))
                .setBizStep("urn:epcglobal:cbv:bizstep:unpacking").setReadPoint(Location.of(dc)).setBizLocation(Location.of(dc));
        unpacking.getChildEpcs().addAll(packs);
        wholesaler.add(unpacking);

        List<Part> parts = new ArrayList<>();
        parts.add(new Part(manufacturerMsp(m), manufacturer));
        parts.add(new Part(wholesalerMsp(w), wholesaler));
        // Packs go to pharmacies in runs of 10; each pharmacy commits its receipts and dispenses in one transaction.
        for (int run = 0; run < PACKS_PER_GROUP / 10; run++) {
            int p = (int) ((g * 10 + run) % 200);
            String ph = pharmacyPrefix(p);
            String store = sgln(ph, 10);
            List<EpcisEvent> pharmacy = new ArrayList<>();
            for (int i = run * 10; i < run * 10 + 10; i++) {
                EpcisEvent received = object(t.plus(4, ChronoUnit.DAYS).plusSeconds(i), Action.OBSERVE, "receiving",
                        "active", store, List.of(packs.get(i)));
                transfer(received, pgln(whs), dc, pgln(ph), store);
                pharmacy.add(received);
                if (i % 2 == 0) {
                    pharmacy.add(object(t.plus(10 + i % 20, ChronoUnit.DAYS), Action.OBSERVE, "dispensing", "dispensed",
                            store, List.of(packs.get(i))));
                }
            }
            parts.add(new Part(pharmacyMsp(p), pharmacy));
        }
        return parts;
    }

    /** The committed events of group g, as the ledger would hand them over (block = transaction number). */
    public static List<List<CommittedEvent>> committed(long g, long[] block) {
        List<List<CommittedEvent>> transactions = new ArrayList<>();
        Instant committedAt = START.plus(g * 7, ChronoUnit.MINUTES).plus(30, ChronoUnit.DAYS);
        for (Part part : group(g)) {
            long b = block[0]++;
            String tx = String.format("%064x", b);
            List<CommittedEvent> events = new ArrayList<>(part.events().size());
            for (EpcisEvent e : part.events()) {
                String hash = LedgerEvents.hash(e);
                events.add(new CommittedEvent(hash, tx, b, part.organisation(), committedAt.plusSeconds(b % 60),
                        LedgerEvents.canonicalJson(e, hash)));
            }
            transactions.add(events);
        }
        return transactions;
    }

    private static EpcisEvent object(Instant t, Action action, String bizStep, String disposition, String location,
            List<String> epcs) {
        EpcisEvent e = new EpcisEvent(EventType.OBJECT_EVENT).setEventTime(time(t)).setEventTimeZoneOffset("-05:00")
                .setAction(action).setBizStep("urn:epcglobal:cbv:bizstep:" + bizStep)
                .setDisposition("urn:epcglobal:cbv:disp:" + disposition)
                .setReadPoint(Location.of(location)).setBizLocation(Location.of(location));
        e.getEpcList().addAll(epcs);
        return e;
    }

    private static void transfer(EpcisEvent e, String fromParty, String fromLocation, String toParty, String toLocation) {
        e.getSourceList().add(new SourceDestination("urn:epcglobal:cbv:sdt:owning_party", fromParty));
        e.getSourceList().add(new SourceDestination("urn:epcglobal:cbv:sdt:location", fromLocation));
        e.getDestinationList().add(new SourceDestination("urn:epcglobal:cbv:sdt:owning_party", toParty));
        e.getDestinationList().add(new SourceDestination("urn:epcglobal:cbv:sdt:location", toLocation));
    }

    /** Whose a party or location of this chain is, by company prefix. */
    public static final class Parties implements org.pharmatrace.query.index.PartyDirectory {

        @Override
        public java.util.Optional<String> organisationOf(String party) {
            return org.pharmatrace.hub.partner.PartyIdentifiers.gln(party).map(gln -> {
                int n = Integer.parseInt(gln.substring(2, 7));
                return n >= 40000 ? pharmacyMsp(n - 40000) : n >= 30000 ? wholesalerMsp(n - 30000) : manufacturerMsp(n - 20000);
            });
        }

        @Override
        public String fingerprint() {
            return "synthetic-supply-chain-1";
        }
    }

    private static String glnOf(String prefix) {
        String body = prefix + "0".repeat(12 - prefix.length());
        return body + CheckDigit.compute(body);
    }

    private static String time(Instant t) {
        return t.truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
