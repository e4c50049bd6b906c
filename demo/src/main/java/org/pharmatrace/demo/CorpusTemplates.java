package org.pharmatrace.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo's documents, each written from a sample of the shared corpus ({@code ../shared/corpus}) with this run's
 * serials, lots, containers, times and the demo's parties: what each partner's own system would send.
 */
final class CorpusTemplates {

    static final String DSCSA_EXAMPLE = "epcis/dscsa/GS1_US_Pharma_Example_2_2_1_1.xml";
    static final String X12_856 = "x12/pharma-asn-856.edi";
    static final String HL7_DISPENSE = "hl7/pharmacy-rds-o13-v25.hl7";
    static final String SERIAL_CSV = "serial/commissioning-lot-a1.csv";

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HHmm").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter HL7_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    private final Path corpus;

    CorpusTemplates(Path corpus) {
        this.corpus = corpus;
    }

    Path corpus() {
        return corpus;
    }

    private String read(String relative) throws IOException {
        Path file = corpus.resolve(relative);
        if (!Files.isRegularFile(file)) {
            throw new IOException("the corpus sample " + file + " is missing (the shared corpus is checked out beside"
                    + " the repository as ../shared; --corpus names another place)");
        }
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------------------------------- manufacturer

    /**
     * The manufacturer's EPCIS 1.2 document (GS1 US DSCSA example 2.2.1.1): 12 units and 3 cases commissioned, the
     * units packed into the cases, a pallet built, the cases packed onto it and the pallet shipped to the wholesaler.
     * Serials, lot, expiry, the pallet's SSCC, business transactions and times are this run's; the parties, master
     * data and the DSCSA transaction statement are the example's.
     */
    String manufacturerShipment(DemoWorld w) throws IOException {
        String xml = read(DSCSA_EXAMPLE);
        xml = renumber(xml, "urn:epc:id:sgtin:030001.0012345.(\\d+)", w.units, w::unitEpc);
        xml = renumber(xml, "urn:epc:id:sgtin:030001.1012345.(\\d+)", w.cases, w::caseEpc);
        xml = xml.replace("urn:epc:id:sscc:030001.41234567890", w.pallet);
        xml = xml.replace("<cbvmda:lotNumber>A123<", "<cbvmda:lotNumber>" + w.lot + "<")
                .replace("<cbvmda:itemExpirationDate>2025-03-27<", "<cbvmda:itemExpirationDate>" + w.expiry + "<")
                .replace(":XYZPO189<", ":PO-" + w.runId + "<")
                .replace(":DEL100<", ":DEL-" + w.runId + "<")
                .replace("<sbdh:InstanceIdentifier>1100220001<", "<sbdh:InstanceIdentifier>" + w.runId + "<");
        xml = xml.replace("creationDate=\"2023-04-01T08:45:16Z\"", "creationDate=\"" + ISO.format(w.now) + "\"")
                .replace("<sbdh:CreationDateAndTime>2023-04-01T08:45:16Z<",
                        "<sbdh:CreationDateAndTime>" + ISO.format(w.now) + "<");
        // the eight events' times, in document order, a few minutes apart
        long[] minutes = {0, 1, 5, 6, 7, 30, 31, 60};
        Matcher m = Pattern.compile("<eventTime>[^<]*</eventTime>").matcher(xml);
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (m.find()) {
            if (i >= minutes.length) {
                throw new IllegalStateException(DSCSA_EXAMPLE + " has more than " + minutes.length + " events");
            }
            m.appendReplacement(out, "<eventTime>" + ISO.format(w.at(minutes[i++])) + "</eventTime>");
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Replaces the serials matched by group 1, in order of first appearance, by the run's serials. */
    private static String renumber(String text, String regex, List<String> serials, Function<String, String> epc) {
        Map<String, String> mapping = new LinkedHashMap<>();
        Matcher m = Pattern.compile(regex).matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String serial = mapping.computeIfAbsent(m.group(1), s -> {
                if (mapping.size() >= serials.size()) {
                    throw new IllegalStateException("more serials in the sample than " + serials.size());
                }
                return serials.get(mapping.size());
            });
            m.appendReplacement(out, Matcher.quoteReplacement(epc.apply(serial)));
        }
        m.appendTail(out);
        if (mapping.size() != serials.size()) {
            throw new IllegalStateException("the sample has " + mapping.size() + " serials for " + regex + ", the demo "
                    + serials.size());
        }
        return out.toString();
    }

    // ------------------------------------------------------------------------------------------- receipts

    /**
     * A receiving event (EPCIS 2.0 JSON-LD) for a shipment that arrived: the receiver's side of the shipping event
     * (the DSCSA example's E8, or the wholesaler's ship notice), same source and destination owning parties, the
     * receiver's location, disposition in_progress.
     */
    String receipt(String container, Instant when, String sourceParty, String destinationParty, String location,
                   String bizTransactionType, String bizTransaction) {
        return """
                {
                  "@context": ["https://ref.gs1.org/standards/epcis/epcis-context.jsonld"],
                  "type": "EPCISDocument",
                  "schemaVersion": "2.0",
                  "creationDate": "%s",
                  "epcisBody": {
                    "eventList": [
                      {
                        "type": "ObjectEvent",
                        "eventTime": "%s",
                        "eventTimeZoneOffset": "+00:00",
                        "epcList": ["%s"],
                        "action": "OBSERVE",
                        "bizStep": "receiving",
                        "disposition": "in_progress",
                        "readPoint": {"id": "%s"},
                        "bizLocation": {"id": "%s"},
                        "bizTransactionList": [{"type": "%s", "bizTransaction": "%s"}],
                        "sourceList": [{"type": "owning_party", "source": "%s"}],
                        "destinationList": [
                          {"type": "owning_party", "destination": "%s"},
                          {"type": "location", "destination": "%s"}
                        ]
                      }
                    ]
                  }
                }
                """.formatted(ISO.format(Instant.now()), ISO.format(when), container, location, location,
                bizTransactionType, bizTransaction, sourceParty, destinationParty, location);
    }

    String distributorReceipt(DemoWorld w) {
        return receipt(w.pallet, w.at(DemoWorld.DISTRIBUTOR_RECEIVES), DemoWorld.MANUFACTURER, DemoWorld.DISTRIBUTOR,
                DemoWorld.DISTRIBUTOR_DC, "desadv", "urn:epcglobal:cbv:bt:" + Gs1.gln(DemoWorld.MANUFACTURER_DC)
                        + ":DEL-" + w.runId);
    }

    String pharmacyReceipt(DemoWorld w) {
        return receipt(w.distributorPallet, w.at(DemoWorld.PHARMACY_RECEIVES), DemoWorld.DISTRIBUTOR,
                DemoWorld.PHARMACY, DemoWorld.PHARMACY, "desadv", "urn:epcglobal:cbv:bt:"
                        + Gs1.gln(DemoWorld.DISTRIBUTOR) + ":ASN-" + w.runId);
    }

    // ------------------------------------------------------------------------------------------- X12 856

    /**
     * The wholesaler's advance ship notice to the pharmacy (X12 004010 856, the corpus's pharma-asn-856.edi): same
     * hierarchy (shipment, order, tare = pallet, two packs = totes, an item line of three serials in each), with the
     * wholesaler's warehouse as ship-from, the pharmacy as ship-to, the run's SSCCs (under the wholesaler's prefix:
     * it builds them), serials, lot and expiry, and the NDC of the demo product.
     */
    String advanceShipNotice(DemoWorld w) throws IOException {
        String sample = read(X12_856).strip();
        char segmentEnd = '~';
        Instant shipped = w.at(DemoWorld.DISTRIBUTOR_SHIPS);
        String control = w.runId.substring(3); // 9 digits
        List<String> ssccs = new ArrayList<>(List.of(Gs1.sscc18(w.distributorPallet), Gs1.sscc18(w.totes.get(0)),
                Gs1.sscc18(w.totes.get(1))));
        List<String> serials = new ArrayList<>();
        w.shippedToPharmacy().forEach(serials::addAll);
        List<String> segments = new ArrayList<>();
        int hlCount = 0;
        for (String raw : sample.split(Pattern.quote(String.valueOf(segmentEnd)))) {
            String segment = raw.strip();
            if (segment.isEmpty()) {
                continue;
            }
            String[] e = segment.split("\\*", -1);
            switch (e[0]) {
                case "ISA" -> {
                    e[6] = pad("DEMODIST", 15);
                    e[9] = YYMMDD.format(w.now);
                    e[10] = HHMM.format(w.now);
                    e[13] = control;
                }
                case "GS" -> {
                    e[2] = "DEMODIST";
                    e[4] = YYYYMMDD.format(w.now);
                    e[5] = HHMM.format(w.now);
                    e[6] = String.valueOf(Long.parseLong(control) % 1_000_000);
                }
                case "BSN" -> {
                    e[2] = "ASN-" + w.runId;
                    e[3] = YYYYMMDD.format(shipped);
                    e[4] = HHMM.format(shipped);
                }
                case "REF" -> {
                    if (e[1].equals("BM")) {
                        e[2] = "BOL-" + w.runId;
                    } else if (e[1].equals("SE")) {
                        e[2] = serials.remove(0);
                    }
                }
                case "DTM" -> {
                    if (e[1].equals("011")) {
                        e = new String[] {"DTM", "011", YYYYMMDD.format(shipped), HHMM.format(shipped), "UT"};
                    } else if (e[1].equals("036")) {
                        e[2] = w.expiry.format(DateTimeFormatter.BASIC_ISO_DATE);
                    }
                }
                case "N1" -> {
                    if (e[1].equals("SF")) {
                        e[2] = "GS1 DRUG DISTRIBUTOR WAREHOUSE";
                        e[4] = Gs1.gln(DemoWorld.DISTRIBUTOR_DC);
                    } else if (e[1].equals("ST")) {
                        e[2] = "DEMO PHARMACY";
                        e[4] = Gs1.gln(DemoWorld.PHARMACY);
                    }
                }
                case "PRF" -> {
                    e[1] = "PO-" + w.runId;
                    e[4] = YYYYMMDD.format(w.start);
                }
                case "HL" -> hlCount++;
                case "MAN" -> e[2] = ssccs.remove(0);
                case "LIN" -> {
                    e[3] = DemoWorld.NDC;
                    e[5] = w.lot;
                }
                case "CTT" -> e[1] = String.valueOf(hlCount);
                case "GE" -> e[2] = String.valueOf(Long.parseLong(control) % 1_000_000);
                case "IEA" -> e[2] = control;
                default -> {
                }
            }
            segments.add(String.join("*", e));
            if (e[0].equals("N1") && e[1].equals("ST")) {
                // the sample names ship-from and ship-to only; seller and buyer make the owning parties explicit
                segments.add("N1*SE*GS1 DRUG DISTRIBUTOR*UL*" + Gs1.gln(DemoWorld.DISTRIBUTOR));
                segments.add("N1*BY*DEMO PHARMACY*UL*" + Gs1.gln(DemoWorld.PHARMACY));
            }
        }
        if (!serials.isEmpty() || !ssccs.isEmpty()) {
            throw new IllegalStateException(X12_856 + " no longer has the shape the demo expects (" + serials.size()
                    + " serials and " + ssccs.size() + " SSCCs left over)");
        }
        // SE01: the segments from ST to SE inclusive
        int st = -1;
        for (int i = 0; i < segments.size(); i++) {
            if (segments.get(i).startsWith("ST*")) {
                st = i;
            } else if (segments.get(i).startsWith("SE*")) {
                String[] e = segments.get(i).split("\\*", -1);
                e[1] = String.valueOf(i - st + 1);
                segments.set(i, String.join("*", e));
            }
        }
        return String.join(segmentEnd + "\n", segments) + segmentEnd + "\n";
    }

    private static String pad(String value, int length) {
        return String.format("%-" + length + "s", value);
    }

    // ------------------------------------------------------------------------------------------- HL7 dispense

    /**
     * The pharmacy system's dispense (HL7 v2.5 RDS^O13, the corpus's pharmacy-rds-o13-v25.hl7): the pharmacy's GLN
     * in MSH-4, the demo product's NDC, this run's prescription, lot, expiry and the scanned 2D barcode of the
     * followed unit. The patient segments stay as in the sample: the hub empties them before keeping anything.
     */
    String dispense(DemoWorld w) throws IOException {
        String sample = read(HL7_DISPENSE).replace("\r\n", "\r").replace('\n', '\r').strip();
        Instant dispensed = w.at(DemoWorld.DISPENSED);
        String product = DemoWorld.NDC + "^" + DemoWorld.PRODUCT_NAME + "^NDC";
        String expiry = w.expiry.format(DateTimeFormatter.BASIC_ISO_DATE);
        List<String> segments = new ArrayList<>();
        for (String segment : sample.split("\r")) {
            String[] f = segment.split("\\|", -1);
            switch (f[0]) {
                case "MSH" -> {
                    // MSH-n is f[n-1]: MSH-1 is the field separator itself
                    f[3] = "CORNERPHARM^" + Gs1.gln(DemoWorld.PHARMACY) + "^GLN";
                    f[6] = HL7_TIME.format(w.now);
                    f[9] = "MSG-" + w.runId;
                }
                case "ORC" -> {
                    f[2] = "ORD-" + w.runId;
                    f[3] = "RX-" + w.runId;
                }
                case "RXE" -> {
                    f[1] = "1^BID^^" + YYYYMMDD.format(dispensed);
                    f[2] = product;
                }
                case "RXD" -> {
                    f[2] = product;
                    f[3] = HL7_TIME.format(dispensed) + "+0000";
                    f[7] = "RX-" + w.runId;
                    f[18] = w.lot;
                    f[19] = expiry;
                    f[20] = "GS1 PHARMA";
                }
                case "OBX" -> f[5] = "(01)" + w.unitGtin() + "(21)" + w.tracedSerial() + "(17)"
                        + expiry.substring(2) + "(10)" + w.lot;
                default -> {
                }
            }
            segments.add(String.join("|", f));
        }
        return String.join("\r", segments) + "\r";
    }

    // ------------------------------------------------------------------------------------------- serial CSV

    /**
     * The contract manufacturer's serial file (the corpus's commissioning-lot-a1.csv): same columns and site, six
     * serials of a new batch of the demo product, produced today.
     */
    String serialFile(DemoWorld w) throws IOException {
        List<String> lines = new ArrayList<>(List.of(read(SERIAL_CSV).strip().split("\\R")));
        String header = lines.get(0);
        if (!header.equals("gtin,serial,lot,expiry,production_date,site_gln")) {
            throw new IllegalStateException(SERIAL_CSV + " has another header than the demo expects: " + header);
        }
        LocalDate produced = LocalDate.ofInstant(w.now, ZoneOffset.UTC);
        StringBuilder out = new StringBuilder(header).append('\n');
        for (int i = 1; i < lines.size(); i++) {
            String[] c = lines.get(i).split(",", -1);
            c[0] = w.unitGtin();
            c[1] = w.cmoSerials.get(i - 1);
            c[2] = w.cmoLot;
            c[3] = w.expiry.toString();
            c[4] = produced.toString();
            // c[5], the site's GLN, stays the sample's: the contract manufacturer's plant
            out.append(String.join(",", c)).append('\n');
        }
        if (lines.size() - 1 != w.cmoSerials.size()) {
            throw new IllegalStateException(SERIAL_CSV + " has " + (lines.size() - 1) + " rows, the demo "
                    + w.cmoSerials.size());
        }
        return out.toString();
    }
}
