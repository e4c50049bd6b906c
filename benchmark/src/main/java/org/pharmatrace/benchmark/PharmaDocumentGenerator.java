package org.pharmatrace.benchmark;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.UUID;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a large, realistic US-pharma EPCIS 2.0 XML document the way a packaging line and its warehouse report it:
 * per lot, packs are commissioned in small batches (ObjectEvent ADD with ILMD lot and expiry), packed into SSCC cases
 * of 10–20 packs, cases onto SSCC pallets (AggregationEvents), and each pallet shipped to a distributor (ObjectEvent
 * with purchase order, despatch advice, owning party and location). That gives roughly 80 % commissioning, 15 %
 * packing and 5 % shipping events.
 *
 * <p>The document is written straight to a stream with StAX, event by event, so any size costs constant memory; it
 * deliberately does not use the hub's own writer, so what the benchmark reads is independent of what it measures.
 * Output is deterministic for a seed: the first N events of a big document equal a small document of N events.
 */
public final class PharmaDocumentGenerator {

    /** Bump when the document's shape changes, so cached files of the old shape are not reused. */
    static final String SHAPE_VERSION = "v1";

    private static final String EPCIS_NS = "urn:epcglobal:epcis:xsd:2";
    private static final String CBVMDA_NS = "urn:epcglobal:cbv:mda";
    private static final String SBDH_NS = "http://www.unece.org/cefact/namespaces/StandardBusinessDocumentHeader";
    private static final String XSI_NS = "http://www.w3.org/2001/XMLSchema-instance";

    private static final String BIZSTEP = "urn:epcglobal:cbv:bizstep:";
    private static final String DISP = "urn:epcglobal:cbv:disp:";

    /** The manufacturer: NDC labeler 12345, so GS1 company prefix 03 + 12345. */
    private static final String MANUFACTURER_PREFIX = "0312345";
    /** Its customers, under the GS1 example prefix. */
    private static final String DISTRIBUTOR_PREFIX = "0614141";
    private static final int CUSTOMER_LOCATIONS = 5;

    private static final String PLANT_SGLN = sgln(MANUFACTURER_PREFIX, "00001", "0");
    private static final String PACKAGING_LINE_SGLN = sgln(MANUFACTURER_PREFIX, "00001", "103");
    private static final String SHIPPING_DOCK_SGLN = sgln(MANUFACTURER_PREFIX, "00001", "201");
    private static final String MANUFACTURER_PGLN = "urn:epc:id:pgln:" + MANUFACTURER_PREFIX + ".00000";
    private static final String MANUFACTURER_GLN = gln(MANUFACTURER_PREFIX, "00000");

    private static final DateTimeFormatter EVENT_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX").withZone(ZoneOffset.UTC);
    /** Production starts here; each event moves the clock on by a second or two. */
    private static final Instant PRODUCTION_START = Instant.parse("2026-03-02T11:00:00Z");
    private static final String TIME_ZONE_OFFSET = "-05:00";

    private static final int PALLETS_PER_LOT = 60;
    /** Serial numbers are 12 digits, two halves of 6 scrambled together (see {@link Run#nextSerial}). */
    private static final int SERIAL_HALF = 1_000_000;

    /** One marketed product: a 5-4-1 NDC of labeler 12345 and what the DSCSA master data says about it. */
    record Product(String ndc, String name, String strength, String dosageForm, String netContent) {
        String gtin() {
            return checkDigitAppended("003" + ndc.replace("-", ""));
        }

        /** The SGTIN URN form: company prefix, then indicator digit + item reference. */
        String sgtinPrefix() {
            String gtin = gtin();
            return "urn:epc:id:sgtin:" + gtin.substring(1, 8) + "." + gtin.charAt(0) + gtin.substring(8, 13) + ".";
        }
    }

    static final List<Product> PRODUCTS = List.of(
            new Product("12345-6789-0", "Epcistrol", "20 mg", "TABLET", "30 tablets"),
            new Product("12345-0101-1", "Traceamycin", "500 mg", "CAPSULE", "20 capsules"),
            new Product("12345-2468-3", "Serializumab", "40 mg/0.8 mL", "INJECTION", "1 prefilled syringe"));

    /** What was written: the mix of events, for the report. */
    public record DocumentStats(long events, long commissioning, long packing, long shipping, long epcs, long bytes) {

        String mix() {
            return String.format("%,d commissioning (%.0f %%), %,d packing (%.0f %%), %,d shipping (%.0f %%); %,d EPCs",
                    commissioning, percent(commissioning), packing, percent(packing), shipping, percent(shipping), epcs);
        }

        private double percent(long n) {
            return events == 0 ? 0 : 100.0 * n / events;
        }
    }

    private final long seed;

    public PharmaDocumentGenerator(long seed) {
        this.seed = seed;
    }

    public PharmaDocumentGenerator() {
        this(20_260_302L);
    }

    /**
     * The document of {@code events} events in {@code dataDir}, generated on first request and reused afterwards.
     * A file is only cached once complete (written under a temporary name, then renamed).
     */
    public Path cached(Path dataDir, long events) {
        Path file = dataDir.resolve("pharma-epcis-" + SHAPE_VERSION + "-" + seed + "-" + events + ".xml");
        Path statsFile = statsFileOf(file);
        if (Files.isRegularFile(file) && Files.isRegularFile(statsFile)) {
            return file;
        }
        try {
            Files.createDirectories(dataDir);
            Path partial = dataDir.resolve(file.getFileName() + ".partial");
            long start = System.nanoTime();
            System.out.printf("generating %s (%,d events)...%n", file.getFileName(), events);
            DocumentStats stats;
            try (OutputStream out = Files.newOutputStream(partial)) {
                stats = write(out, events);
            }
            stats = new DocumentStats(stats.events(), stats.commissioning(), stats.packing(), stats.shipping(),
                    stats.epcs(), Files.size(partial));
            writeStats(statsFile, stats);
            moveIntoPlace(partial, file);
            System.out.printf("  %,d bytes in %.1f s: %s%n", stats.bytes(), (System.nanoTime() - start) / 1e9, stats.mix());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot generate the benchmark document in " + dataDir, e);
        }
    }

    /** The stats recorded when a cached document was generated, or {@code null} for a document we did not write. */
    public static DocumentStats statsOf(Path document) {
        Path statsFile = statsFileOf(document);
        if (!Files.isRegularFile(statsFile)) {
            return null;
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(statsFile)) {
            p.load(in);
        } catch (IOException e) {
            return null;
        }
        return new DocumentStats(Long.parseLong(p.getProperty("events")), Long.parseLong(p.getProperty("commissioning")),
                Long.parseLong(p.getProperty("packing")), Long.parseLong(p.getProperty("shipping")),
                Long.parseLong(p.getProperty("epcs")), Long.parseLong(p.getProperty("bytes")));
    }

    private static Path statsFileOf(Path document) {
        return document.resolveSibling(document.getFileName() + ".properties");
    }

    private static void writeStats(Path statsFile, DocumentStats stats) throws IOException {
        Properties p = new Properties();
        p.setProperty("events", Long.toString(stats.events()));
        p.setProperty("commissioning", Long.toString(stats.commissioning()));
        p.setProperty("packing", Long.toString(stats.packing()));
        p.setProperty("shipping", Long.toString(stats.shipping()));
        p.setProperty("epcs", Long.toString(stats.epcs()));
        p.setProperty("bytes", Long.toString(stats.bytes()));
        try (Writer out = Files.newBufferedWriter(statsFile)) {
            p.store(out, "PharmaDocumentGenerator " + SHAPE_VERSION);
        }
    }

    private static void moveIntoPlace(Path partial, Path file) throws IOException {
        try {
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Writes a document of exactly {@code events} events; the stream is flushed, not closed. */
    public DocumentStats write(OutputStream out, long events) {
        BufferedOutputStream buffered = new BufferedOutputStream(out, 1 << 20);
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(buffered, "UTF-8");
            DocumentStats stats = new Run(xml, events, new SplittableRandom(seed)).document();
            xml.close();
            buffered.flush();
            return stats;
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the benchmark document", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the benchmark document", e);
        }
    }

    /** One generation: the document's running state (clock, serial counters, lot) and its output. */
    private static final class Run {
        private final XMLStreamWriter xml;
        private final long target;
        private final SplittableRandom random;

        private long written;
        private long commissioning;
        private long packing;
        private long shipping;
        private long epcs;

        private long clockMillis = PRODUCTION_START.toEpochMilli();
        private long serialCounter;
        private long ssccCounter;
        private long orderCounter;
        private int lotCounter;
        private int palletsLeftInLot;
        private Product product;
        private String lotNumber;
        private String expiryDate;

        Run(XMLStreamWriter xml, long target, SplittableRandom random) {
            this.xml = xml;
            this.target = target;
            this.random = random;
        }

        DocumentStats document() throws XMLStreamException {
            xml.writeStartDocument("UTF-8", "1.0");
            newline(0);
            xml.writeStartElement("epcis", "EPCISDocument", EPCIS_NS);
            xml.writeNamespace("epcis", EPCIS_NS);
            xml.writeNamespace("cbvmda", CBVMDA_NS);
            xml.writeNamespace("sbdh", SBDH_NS);
            xml.writeNamespace("xsi", XSI_NS);
            xml.writeAttribute("schemaVersion", "2.0");
            xml.writeAttribute("creationDate", EVENT_TIME.format(PRODUCTION_START));
            header();
            newline(1);
            xml.writeStartElement("EPCISBody");
            newline(2);
            xml.writeStartElement("EventList");
            while (written < target) {
                pallet();
            }
            newline(2);
            xml.writeEndElement();
            newline(1);
            xml.writeEndElement();
            newline(0);
            xml.writeEndElement();
            newline(0);
            xml.writeEndDocument();
            return new DocumentStats(written, commissioning, packing, shipping, epcs, -1);
        }

        /** SBDH and the master data a DSCSA file carries: products (EPCClass) and locations. */
        private void header() throws XMLStreamException {
            newline(1);
            xml.writeStartElement("EPCISHeader");
            newline(2);
            xml.writeStartElement("sbdh", "StandardBusinessDocumentHeader", SBDH_NS);
            leaf(3, "sbdh", "HeaderVersion", "1.0");
            party(3, "Sender", MANUFACTURER_PGLN);
            party(3, "Receiver", "urn:epc:id:pgln:" + DISTRIBUTOR_PREFIX + ".00001");
            newline(3);
            xml.writeStartElement("sbdh", "DocumentIdentification", SBDH_NS);
            leaf(4, "sbdh", "Standard", "EPCglobal");
            leaf(4, "sbdh", "TypeVersion", "2.0");
            leaf(4, "sbdh", "InstanceIdentifier", "BENCH-" + SHAPE_VERSION + "-" + target);
            leaf(4, "sbdh", "Type", "Events");
            leaf(4, "sbdh", "CreationDateAndTime", EVENT_TIME.format(PRODUCTION_START));
            newline(3);
            xml.writeEndElement();
            newline(2);
            xml.writeEndElement();

            newline(2);
            xml.writeStartElement("extension");
            newline(3);
            xml.writeStartElement("EPCISMasterData");
            newline(4);
            xml.writeStartElement("VocabularyList");
            vocabularyStart("urn:epcglobal:epcis:vtype:EPCClass");
            for (Product p : PRODUCTS) {
                vocabularyElementStart(p.sgtinPrefix().replace("urn:epc:id:sgtin:", "urn:epc:idpat:sgtin:") + "*");
                attribute("additionalTradeItemIdentification", p.ndc());
                attribute("additionalTradeItemIdentificationTypeCode", "US_FDA_NDC");
                attribute("regulatedProductName", p.name());
                attribute("manufacturerOfTradeItemPartyName", "PharmaTrace Example Labs");
                attribute("dosageFormType", p.dosageForm());
                attribute("strengthDescription", p.strength());
                attribute("netContentDescription", p.netContent());
                vocabularyElementEnd();
            }
            vocabularyEnd();
            vocabularyStart("urn:epcglobal:epcis:vtype:Location");
            location(PLANT_SGLN, "PharmaTrace Example Labs, plant 1", "100 Serial Way", "Raleigh", "NC", "27601");
            for (int i = 1; i <= CUSTOMER_LOCATIONS; i++) {
                location(customerLocation(i), "Example Wholesale DC " + i, i * 10 + " Distribution Blvd",
                        "Columbus", "OH", "4321" + i);
            }
            vocabularyEnd();
            newline(4);
            xml.writeEndElement();
            newline(3);
            xml.writeEndElement();
            newline(2);
            xml.writeEndElement();
            newline(1);
            xml.writeEndElement();
        }

        private void party(int depth, String role, String pgln) throws XMLStreamException {
            newline(depth);
            xml.writeStartElement("sbdh", role, SBDH_NS);
            newline(depth + 1);
            xml.writeStartElement("sbdh", "Identifier", SBDH_NS);
            xml.writeAttribute("Authority", "GS1");
            xml.writeCharacters(pgln);
            xml.writeEndElement();
            newline(depth);
            xml.writeEndElement();
        }

        private void vocabularyStart(String type) throws XMLStreamException {
            newline(5);
            xml.writeStartElement("Vocabulary");
            xml.writeAttribute("type", type);
            newline(6);
            xml.writeStartElement("VocabularyElementList");
        }

        private void vocabularyEnd() throws XMLStreamException {
            newline(6);
            xml.writeEndElement();
            newline(5);
            xml.writeEndElement();
        }

        private void vocabularyElementStart(String id) throws XMLStreamException {
            newline(7);
            xml.writeStartElement("VocabularyElement");
            xml.writeAttribute("id", id);
        }

        private void vocabularyElementEnd() throws XMLStreamException {
            newline(7);
            xml.writeEndElement();
        }

        private void attribute(String name, String value) throws XMLStreamException {
            newline(8);
            xml.writeStartElement("attribute");
            xml.writeAttribute("id", CBVMDA_NS + "#" + name);
            xml.writeCharacters(value);
            xml.writeEndElement();
        }

        private void location(String sgln, String name, String street, String city, String state, String postalCode)
                throws XMLStreamException {
            vocabularyElementStart(sgln);
            attribute("name", name);
            attribute("streetAddressOne", street);
            attribute("city", city);
            attribute("state", state);
            attribute("postalCode", postalCode);
            attribute("countryCode", "US");
            vocabularyElementEnd();
        }

        /** One pallet's life at the plant: its cases' packs commissioned and packed, the pallet built and shipped. */
        private void pallet() throws XMLStreamException {
            if (palletsLeftInLot == 0) {
                nextLot();
            }
            palletsLeftInLot--;
            int cases = 2 + random.nextInt(2);
            List<String> caseSsccs = new ArrayList<>(cases);
            for (int c = 0; c < cases; c++) {
                int packs = 10 + random.nextInt(11);
                List<String> sgtins = new ArrayList<>(packs);
                while (sgtins.size() < packs) {
                    int batch = Math.min(1 + random.nextInt(3), packs - sgtins.size());
                    List<String> commissioned = new ArrayList<>(batch);
                    for (int i = 0; i < batch; i++) {
                        commissioned.add(product.sgtinPrefix() + nextSerial());
                    }
                    commission(commissioned);
                    if (written == target) {
                        return;
                    }
                    sgtins.addAll(commissioned);
                }
                String caseSscc = sscc('0');
                aggregate(caseSscc, sgtins);
                if (written == target) {
                    return;
                }
                caseSsccs.add(caseSscc);
            }
            String palletSscc = sscc('1');
            aggregate(palletSscc, caseSsccs);
            if (written == target) {
                return;
            }
            ship(palletSscc);
        }

        private void nextLot() {
            lotCounter++;
            palletsLeftInLot = PALLETS_PER_LOT;
            product = PRODUCTS.get((lotCounter - 1) % PRODUCTS.size());
            LocalDate produced = LocalDate.ofInstant(Instant.ofEpochMilli(clockMillis), ZoneOffset.UTC);
            lotNumber = String.format("%s%02d%04d", "L", produced.getYear() % 100, lotCounter % 10_000);
            expiryDate = produced.plusMonths(24).withDayOfMonth(1).minusDays(1).toString();
        }

        /**
         * The next serial: the counter through a three-round Feistel network over two 6-digit halves. A Feistel
         * network is a bijection whatever its round function, so serials are unique, yet they look random as
         * serialisation systems issue them (DSCSA asks for serials that are hard to guess).
         */
        private String nextSerial() {
            serialCounter++;
            long left = serialCounter / SERIAL_HALF;
            long right = serialCounter % SERIAL_HALF;
            for (int round = 1; round <= 3; round++) {
                long mixed = ((right + round) * 0x9E3779B1L >>> 11) % SERIAL_HALF;
                long next = (left + mixed) % SERIAL_HALF;
                left = right;
                right = next;
            }
            return String.format("%06d%06d", left, right);
        }

        /** The SSCC URN: extension digit, company prefix, 9-digit serial reference (URNs omit the check digit). */
        private String sscc(char extensionDigit) {
            ssccCounter++;
            return "urn:epc:id:sscc:" + MANUFACTURER_PREFIX + "." + extensionDigit + String.format("%09d", ssccCounter);
        }

        private void commission(List<String> sgtins) throws XMLStreamException {
            eventStart("ObjectEvent", 800, 2_500);
            epcList("epcList", sgtins);
            leaf(4, null, "action", "ADD");
            leaf(4, null, "bizStep", BIZSTEP + "commissioning");
            leaf(4, null, "disposition", DISP + "active");
            idElement("readPoint", PACKAGING_LINE_SGLN);
            idElement("bizLocation", PLANT_SGLN);
            newline(4);
            xml.writeStartElement("ilmd");
            leaf(5, "cbvmda", "lotNumber", lotNumber);
            leaf(5, "cbvmda", "itemExpirationDate", expiryDate);
            newline(4);
            xml.writeEndElement();
            eventEnd();
            commissioning++;
            epcs += sgtins.size();
        }

        private void aggregate(String parent, List<String> children) throws XMLStreamException {
            eventStart("AggregationEvent", 2_000, 6_000);
            leaf(4, null, "parentID", parent);
            epcList("childEPCs", children);
            leaf(4, null, "action", "ADD");
            leaf(4, null, "bizStep", BIZSTEP + "packing");
            leaf(4, null, "disposition", DISP + "in_progress");
            idElement("readPoint", PACKAGING_LINE_SGLN);
            idElement("bizLocation", PLANT_SGLN);
            eventEnd();
            packing++;
            epcs += children.size() + 1;
        }

        private void ship(String palletSscc) throws XMLStreamException {
            orderCounter++;
            int customer = 1 + (int) (orderCounter % CUSTOMER_LOCATIONS);
            String customerGln = gln(DISTRIBUTOR_PREFIX, String.format("%05d", customer));
            eventStart("ObjectEvent", 60_000, 600_000);
            epcList("epcList", List.of(palletSscc));
            leaf(4, null, "action", "OBSERVE");
            leaf(4, null, "bizStep", BIZSTEP + "shipping");
            leaf(4, null, "disposition", DISP + "in_transit");
            idElement("readPoint", SHIPPING_DOCK_SGLN);
            newline(4);
            xml.writeStartElement("bizTransactionList");
            typed(5, "bizTransaction", "urn:epcglobal:cbv:btt:po",
                    "urn:epcglobal:cbv:bt:" + customerGln + ":PO-" + (4_500_000 + orderCounter));
            typed(5, "bizTransaction", "urn:epcglobal:cbv:btt:desadv",
                    "urn:epcglobal:cbv:bt:" + MANUFACTURER_GLN + ":ASN-" + (8_000_000 + orderCounter));
            newline(4);
            xml.writeEndElement();
            newline(4);
            xml.writeStartElement("sourceList");
            typed(5, "source", "urn:epcglobal:cbv:sdt:owning_party", MANUFACTURER_PGLN);
            typed(5, "source", "urn:epcglobal:cbv:sdt:location", PLANT_SGLN);
            newline(4);
            xml.writeEndElement();
            newline(4);
            xml.writeStartElement("destinationList");
            typed(5, "destination", "urn:epcglobal:cbv:sdt:owning_party",
                    "urn:epc:id:pgln:" + DISTRIBUTOR_PREFIX + "." + String.format("%05d", customer));
            typed(5, "destination", "urn:epcglobal:cbv:sdt:location", customerLocation(customer));
            newline(4);
            xml.writeEndElement();
            eventEnd();
            shipping++;
            epcs++;
        }

        private void eventStart(String type, int minStepMillis, int maxStepMillis) throws XMLStreamException {
            clockMillis += minStepMillis + random.nextInt(maxStepMillis - minStepMillis);
            newline(3);
            xml.writeStartElement(type);
            leaf(4, null, "eventTime", EVENT_TIME.format(Instant.ofEpochMilli(clockMillis)));
            leaf(4, null, "eventTimeZoneOffset", TIME_ZONE_OFFSET);
            leaf(4, null, "eventID", uuidUrn());
        }

        private void eventEnd() throws XMLStreamException {
            newline(3);
            xml.writeEndElement();
            written++;
        }

        /** A version-4 UUID from the seeded generator, so documents are reproducible. */
        private String uuidUrn() {
            long high = (random.nextLong() & ~0xF000L) | 0x4000L;
            long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
            return "urn:uuid:" + new UUID(high, low);
        }

        private void epcList(String element, List<String> epcs) throws XMLStreamException {
            newline(4);
            xml.writeStartElement(element);
            for (String epc : epcs) {
                leaf(5, null, "epc", epc);
            }
            newline(4);
            xml.writeEndElement();
        }

        private void idElement(String element, String id) throws XMLStreamException {
            newline(4);
            xml.writeStartElement(element);
            leaf(5, null, "id", id);
            newline(4);
            xml.writeEndElement();
        }

        private void typed(int depth, String element, String type, String value) throws XMLStreamException {
            newline(depth);
            xml.writeStartElement(element);
            xml.writeAttribute("type", type);
            xml.writeCharacters(value);
            xml.writeEndElement();
        }

        private void leaf(int depth, String prefix, String name, String text) throws XMLStreamException {
            newline(depth);
            if (prefix == null) {
                xml.writeStartElement(name);
            } else {
                xml.writeStartElement(prefix, name, prefix.equals("sbdh") ? SBDH_NS : CBVMDA_NS);
            }
            xml.writeCharacters(text);
            xml.writeEndElement();
        }

        private static final char[] INDENT = ("\n" + "  ".repeat(12)).toCharArray();

        /** Indents as people's tools do; the whitespace is part of what a real parser has to skip. */
        private void newline(int depth) throws XMLStreamException {
            xml.writeCharacters(INDENT, 0, 1 + 2 * depth);
        }
    }

    private static String customerLocation(int customer) {
        return sgln(DISTRIBUTOR_PREFIX, String.format("%05d", customer), "0");
    }

    private static String sgln(String companyPrefix, String locationReference, String extension) {
        return "urn:epc:id:sgln:" + companyPrefix + "." + locationReference + "." + extension;
    }

    /** The 13-digit GLN of a company prefix and location reference, as business transaction IDs name parties. */
    private static String gln(String companyPrefix, String locationReference) {
        return checkDigitAppended(companyPrefix + locationReference);
    }

    /** GS1 mod-10: from the right, weights 3, 1, 3, 1 ... over the body; written here so the document stands alone. */
    static String checkDigitAppended(String body) {
        int sum = 0;
        boolean three = true;
        for (int i = body.length() - 1; i >= 0; i--) {
            int digit = body.charAt(i) - '0';
            sum += three ? 3 * digit : digit;
            three = !three;
        }
        return body + (10 - sum % 10) % 10;
    }

    /** {@code PharmaDocumentGenerator --events N --out FILE [--seed S]}: writes one document. */
    public static void main(String[] args) throws IOException {
        long events = 1_000_000;
        Path out = null;
        long seed = 20_260_302L;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--events" -> events = BenchmarkOptions.parseCount(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                default -> {
                    System.err.println("usage: PharmaDocumentGenerator --events N --out FILE [--seed S]");
                    System.exit(2);
                }
            }
        }
        if (out == null) {
            System.err.println("usage: PharmaDocumentGenerator --events N --out FILE [--seed S]");
            System.exit(2);
        }
        long start = System.nanoTime();
        DocumentStats stats;
        try (OutputStream o = Files.newOutputStream(out)) {
            stats = new PharmaDocumentGenerator(seed).write(o, events);
        }
        System.out.printf("%s: %,d bytes in %.1f s: %s%n", out, Files.size(out), (System.nanoTime() - start) / 1e9,
                stats.mix());
    }
}
