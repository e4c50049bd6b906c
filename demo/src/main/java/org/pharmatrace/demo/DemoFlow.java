package org.pharmatrace.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One run of the demo against a running stack: one serial from commissioning to dispense through every channel,
 * each step waited for until the ledger committed it, then its chain of custody and an EPCIS export as the
 * regulator reads them.
 */
final class DemoFlow {

    /** Where the stack listens and who the partners are. */
    record Settings(String hubUrl, String as2Url, String hubAs2Id, String distributorAs2Id, String mllpHost,
                    int mllpPort, int sftpPort, Path keys, Path corpus, Path out, Map<String, String> passwords,
                    Duration commitTimeout, Duration indexTimeout) {
    }

    static final String MANUFACTURER = "demo-manufacturer";
    static final String DISTRIBUTOR = "demo-distributor";
    static final String PHARMACY = "demo-pharmacy";
    static final String CMO = "demo-cmo";
    static final String REGULATOR = "demo-regulator";
    static final int STEPS = 8;

    private final Settings settings;
    private final PrintStream out;
    private final HubClient hub;
    private final CorpusTemplates templates;
    private final DemoKeys keys;
    private final DemoWorld world;
    private final ObjectNode result = HubClient.JSON.createObjectNode();
    private final ArrayNode stepResults = result.putArray("steps");

    DemoFlow(Settings settings, PrintStream out, Instant now) {
        this.settings = settings;
        this.out = out;
        this.hub = new HubClient(settings.hubUrl(), settings.passwords());
        this.templates = new CorpusTemplates(settings.corpus());
        this.keys = new DemoKeys(settings.keys());
        this.world = new DemoWorld(now);
    }

    DemoWorld world() {
        return world;
    }

    void run() throws DemoFailure, IOException, InterruptedException {
        Files.createDirectories(settings.out());
        String epc = world.tracedEpc();
        result.put("runId", world.runId);
        result.put("epc", epc);
        result.put("hub", settings.hubUrl());
        out.printf("PharmaTrace demo run %s against %s%n", world.runId, settings.hubUrl());
        out.printf("Following %s (NDC %s, %s, lot %s, expiry %s)%n", epc, DemoWorld.NDC, DemoWorld.PRODUCT_NAME,
                world.lot, world.expiry);
        out.printf("Documents written from the shared corpus (%s) with this run's serials; all steps wait for the ledger.%n",
                settings.corpus());

        manufacturerShips();
        distributorReceives();
        distributorShipsToPharmacy();
        pharmacyReceives();
        pharmacyDispenses();
        contractManufacturerCommissions();
        JsonNode custody = trace(epc);
        export(epc);

        result.set("custody", custody);
        Path resultFile = settings.out().resolve("demo-" + world.runId + ".json");
        HubClient.JSON.writerWithDefaultPrettyPrinter().writeValue(resultFile.toFile(), result);
        out.println();
        out.printf("Done: %s went from commissioning to dispense through the capture API, AS2, MLLP (and a second batch"
                + " over SFTP), every step on the ledger.%n", epc);
        out.printf("Run summary (steps, capture jobs, transactions, the custody report): %s%n", resultFile);
    }

    // ---------------------------------------------------------------------------------------------- the steps

    private void manufacturerShips() throws DemoFailure, IOException, InterruptedException {
        String step = step(1, "capture API", MANUFACTURER, "EPCIS 1.2 XML (the GS1 US DSCSA example): commission 12 units"
                + " and 3 cases, pack them, build the pallet " + world.pallet + ", ship it to GS1 Drug Distributor");
        String document = templates.manufacturerShipment(world);
        save("1-manufacturer-shipment.xml", document);
        String captureId = capture(step, MANUFACTURER, "application/xml", document);
        waitCommitted(step, "capture API", MANUFACTURER, captureId, 8);
    }

    private void distributorReceives() throws DemoFailure, IOException, InterruptedException {
        String step = step(2, "capture API", DISTRIBUTOR, "EPCIS 2.0 JSON-LD: receive the pallet at its warehouse "
                + DemoWorld.DISTRIBUTOR_DC);
        String document = templates.distributorReceipt(world);
        save("2-distributor-receipt.jsonld", document);
        String captureId = capture(step, DISTRIBUTOR, "application/ld+json", document);
        waitCommitted(step, "capture API", DISTRIBUTOR, captureId, 1);
    }

    private void distributorShipsToPharmacy() throws DemoFailure, IOException, InterruptedException {
        String step = step(3, "AS2", DISTRIBUTOR, "X12 856 advance ship notice (the corpus's pharma-asn-856.edi): "
                + "6 units repacked into 2 totes on pallet " + world.distributorPallet + ", shipped to the pharmacy");
        String document = templates.advanceShipNotice(world);
        save("3-distributor-asn-856.edi", document);
        say("as2-lib sends it signed (SHA-256) and encrypted (AES-128) as %s to %s at %s, asking for a signed MDN",
                settings.distributorAs2Id(), settings.hubAs2Id(), settings.as2Url());
        PartnerChannels.Mdn mdn;
        try {
            mdn = PartnerChannels.sendAs2(keys, settings.as2Url(), settings.hubAs2Id(), settings.distributorAs2Id(),
                    document.getBytes(StandardCharsets.US_ASCII), "application/edi-x12", "ASN-" + world.runId);
        } catch (Exception e) {
            throw new DemoFailure(step, "the AS2 message could not be sent", e);
        }
        String outcome = mdn.text() == null ? "" : mdn.text().replaceAll("\\s+", " ").strip();
        if (!mdn.processed()) {
            throw new DemoFailure(step, "the hub's MDN says " + mdn.disposition(), outcome);
        }
        if (!mdn.signatureVerified() || !Boolean.TRUE.equals(mdn.micMatched())) {
            throw new DemoFailure(step, "the MDN " + (!mdn.signatureVerified() ? "is not signed by the hub's certificate"
                    : "does not return the MIC of what was sent"), outcome);
        }
        Matcher m = Pattern.compile("captured as ([0-9a-fA-F-]{8,})").matcher(outcome);
        if (!m.find()) {
            throw new DemoFailure(step, "the MDN names no capture", outcome);
        }
        say("signed MDN: %s, MIC matched; %s", mdn.disposition().replaceAll("\\s+", ""),
                outcome.replaceAll(".*Outcome: ", ""));
        waitCommitted(step, "AS2", DISTRIBUTOR, m.group(1), 4);
    }

    private void pharmacyReceives() throws DemoFailure, IOException, InterruptedException {
        String step = step(4, "capture API", PHARMACY, "EPCIS 2.0 JSON-LD: receive the pallet at the pharmacy "
                + DemoWorld.PHARMACY);
        String document = templates.pharmacyReceipt(world);
        save("4-pharmacy-receipt.jsonld", document);
        String captureId = capture(step, PHARMACY, "application/ld+json", document);
        waitCommitted(step, "capture API", PHARMACY, captureId, 1);
    }

    private void pharmacyDispenses() throws DemoFailure, IOException, InterruptedException {
        String step = step(5, "MLLP", PHARMACY, "HL7 v2.5 RDS^O13 (the corpus's pharmacy-rds-o13-v25.hl7): dispense "
                + world.tracedSerial() + ", scanned from its 2D barcode");
        String message = templates.dispense(world);
        save("5-pharmacy-dispense.hl7", message.replace('\r', '\n'));
        say("HAPI's MLLP client sends it to %s:%d", settings.mllpHost(), settings.mllpPort());
        Instant sent = Instant.now();
        PartnerChannels.Ack ack;
        try {
            ack = PartnerChannels.sendMllp(settings.mllpHost(), settings.mllpPort(), message);
        } catch (Exception e) {
            throw new DemoFailure(step, "the HL7 message could not be sent over MLLP", e);
        }
        if (!"AA".equals(ack.code())) {
            throw new DemoFailure(step, "the hub answered " + ack.code() + " (" + ack.reason() + ")",
                    ack.text().replace('\r', '\n'));
        }
        say("ACK: MSA|AA|%s", ack.controlId());
        String captureId = findJob(step, PHARMACY, "mllp", sent, null);
        waitCommitted(step, "MLLP", PHARMACY, captureId, 1);
    }

    private void contractManufacturerCommissions() throws DemoFailure, IOException, InterruptedException {
        String step = step(6, "SFTP", CMO, "serial CSV (the corpus's commissioning-lot-a1.csv): commission batch "
                + world.cmoLot + " of 6 units at the contract manufacturer's site " + DemoWorld.CMO_SITE);
        String csv = templates.serialFile(world);
        String name = "serials-" + world.cmoLot + ".csv";
        save("6-" + name, csv);
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        Instant sent = Instant.now();
        try {
            PartnerChannels.dropOverSftp(keys, settings.sftpPort(), "outbound", name, bytes);
        } catch (Exception e) {
            throw new DemoFailure(step, "the file could not be uploaded to the partner SFTP server at 127.0.0.1:"
                    + settings.sftpPort(), e);
        }
        say("uploaded as cmo to sftp://127.0.0.1:%d/outbound/%s (written as .part, then renamed); the hub polls it",
                settings.sftpPort(), name);
        String captureId = findJob(step, CMO, "sftp", sent, sha256(bytes), name);
        waitCommitted(step, "SFTP", CMO, captureId, 1);
    }

    // ------------------------------------------------------------------------------------------ trace, export

    private JsonNode trace(String epc) throws DemoFailure, IOException, InterruptedException {
        String step = step(7, "query API", REGULATOR, "the chain of custody of " + epc);
        String path = "/reports/custody/" + HubClient.encode(epc);
        long deadline = System.nanoTime() + settings.indexTimeout().toNanos();
        HubClient.Answer answer;
        JsonNode report = null;
        while (true) {
            answer = hub.get(REGULATOR, path, "application/json");
            if (answer.status() == 200) {
                report = answer.json();
                if (hasStep(report, "dispensing")) {
                    break;
                }
            } else if (answer.status() != 404) {
                throw new DemoFailure(step, "GET " + path + " answered " + answer.status(), answer.body());
            }
            if (System.nanoTime() > deadline) {
                throw new DemoFailure(step, "the query index did not show the dispense within "
                        + settings.indexTimeout().toSeconds() + " s (GET " + path + ")", answer.body());
            }
            Thread.sleep(500);
        }
        say("GET %s as %s:", path, REGULATOR);
        Map<String, String> names = containerNames();
        out.printf("      %-3s %-20s %-14s %-9s %-20s %-16s %5s  %s%n", "#", "event time", "step", "action",
                "via container", "recorded by", "block", "transaction");
        int i = 0;
        for (JsonNode e : report.path("events")) {
            JsonNode ledger = e.path("ledger");
            String via = e.path("via").isNull() || e.path("via").isMissingNode() ? "-" : e.path("via").asText();
            out.printf("      %-3d %-20s %-14s %-9s %-20s %-16s %5s  %s%n", ++i, e.path("eventTime").asText(),
                    e.path("bizStep").asText("-"), e.path("action").asText("-"), names.getOrDefault(via, via),
                    ledger.path("recordedBy").asText(), ledger.path("blockNumber").asText(),
                    ledger.path("transactionId").asText());
        }
        say("containers: %s", String.join("; ", names.entrySet().stream().filter(n -> !n.getKey().equals("-"))
                .map(n -> n.getValue() + " = " + urnOf(n.getKey())).toList()));
        JsonNode current = report.path("current");
        if (!current.isMissingNode()) {
            String location = current.path("bizLocation").asText(null);
            String pharmacy = "https://id.gs1.org/414/" + Gs1.gln(DemoWorld.PHARMACY);
            say("now: %s%s", current.path("dispensed").asBoolean() ? "dispensed" : current.path("disposition").asText(),
                    location == null ? "" : " at " + (location.equals(pharmacy) ? DemoWorld.PHARMACY + " (the pharmacy, "
                            + current.path("locationOrganisation").asText() + ")" : location));
        }
        return report;
    }

    private void export(String epc) throws DemoFailure, IOException, InterruptedException {
        String step = step(8, "query API", REGULATOR, "EPCIS export of the serial and the containers it travelled in");
        String epcs = String.join("|", epc, world.caseEpc(world.cases.get(0)), world.pallet, world.totes.get(0),
                world.distributorPallet);
        String path = "/events?MATCH_epc=" + HubClient.encode(epcs) + "&perPage=1000";
        ObjectNode exports = result.putObject("exports");
        for (String[] format : new String[][] {{"application/ld+json", "jsonld"}, {"application/xml", "xml"}}) {
            Path file = settings.out().resolve("export-" + world.tracedSerial() + "." + format[1]);
            HttpResponse<Path> response = hub.download(REGULATOR, path, format[0], file);
            if (response.statusCode() != 200) {
                String body = Files.readString(file, StandardCharsets.UTF_8);
                Files.deleteIfExists(file);
                throw new DemoFailure(step, "GET " + path + " (Accept: " + format[0] + ") answered "
                        + response.statusCode(), body);
            }
            int events = countEvents(Files.readString(file, StandardCharsets.UTF_8), format[1]);
            say("GET /events?MATCH_epc=<unit>|<case>|<pallet>|<tote>|<wholesaler pallet> (Accept: %s): %d events -> %s",
                    format[0], events, file);
            exports.put(format[1], file.toString());
            exports.put(format[1] + "Events", events);
        }
        exports.put("query", path);
    }

    /** The followed unit's containers, by the canonical Digital Link the custody report names them with. */
    private Map<String, String> containerNames() {
        Map<String, String> names = new java.util.LinkedHashMap<>();
        names.put(digitalLink(world.caseEpc(world.cases.get(0))), "case");
        names.put(digitalLink(world.pallet), "pallet");
        names.put(digitalLink(world.totes.get(0)), "tote");
        names.put(digitalLink(world.distributorPallet), "wholesaler pallet");
        return names;
    }

    private final Map<String, String> urns = new java.util.HashMap<>();

    private String digitalLink(String urn) {
        String link;
        if (urn.startsWith("urn:epc:id:sscc:")) {
            link = "https://id.gs1.org/00/" + Gs1.sscc18(urn);
        } else {
            String[] p = urn.substring("urn:epc:id:sgtin:".length()).split("\\.");
            link = "https://id.gs1.org/01/" + Gs1.gtin(p[0], p[1]) + "/21/" + p[2];
        }
        urns.put(link, urn);
        return link;
    }

    private String urnOf(String digitalLink) {
        return urns.getOrDefault(digitalLink, digitalLink);
    }

    private static int countEvents(String body, String format) {
        Matcher m = Pattern.compile(format.equals("xml") ? "<(ObjectEvent|AggregationEvent|TransactionEvent|"
                + "TransformationEvent|AssociationEvent)[\\s>]" : "\"type\"\\s*:\\s*\"(ObjectEvent|AggregationEvent|"
                + "TransactionEvent|TransformationEvent|AssociationEvent)\"").matcher(body);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static boolean hasStep(JsonNode report, String bizStep) {
        for (JsonNode e : report.path("events")) {
            if (bizStep.equals(e.path("bizStep").asText())) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------------------------------ capture jobs

    private String capture(String step, String partner, String contentType, String document)
            throws DemoFailure, IOException, InterruptedException {
        HubClient.Answer answer = hub.post(partner, "/capture", contentType, document.getBytes(StandardCharsets.UTF_8));
        if (answer.status() != 202) {
            throw new DemoFailure(step, "POST /capture as " + partner + " answered " + answer.status(), answer.body());
        }
        String location = answer.header("Location");
        String captureId = location == null ? answer.json().path("captureID").asText()
                : location.substring(location.lastIndexOf('/') + 1);
        say("POST %s/capture as %s (%s): 202 Accepted, capture %s", settings.hubUrl(), partner, contentType, captureId);
        return captureId;
    }

    /** The capture job a channel opened for what was sent at {@code since} (MLLP and SFTP answer no job id). */
    private String findJob(String step, String partner, String channel, Instant since, String sha256, String... file)
            throws DemoFailure, IOException, InterruptedException {
        long deadline = System.nanoTime() + settings.commitTimeout().toNanos();
        HubClient.Answer answer = null;
        while (System.nanoTime() < deadline) {
            answer = hub.get(partner, "/capture", "application/json");
            if (answer.status() != 200) {
                throw new DemoFailure(step, "GET /capture as " + partner + " answered " + answer.status(), answer.body());
            }
            JsonNode body = answer.json();
            JsonNode jobs = body.isArray() ? body : body.has("jobs") ? body.path("jobs") : body.path("captures");
            for (JsonNode job : jobs) {
                if (!channel.equals(job.path("channel").asText())) {
                    continue;
                }
                if (sha256 != null ? sha256.equals(job.path("documentSha256").asText())
                        : !Instant.parse(job.path("createdAt").asText()).isBefore(since.minusSeconds(1))) {
                    say("the hub's %s channel opened capture %s", channel.toUpperCase(), job.path("captureID").asText());
                    return job.path("captureID").asText();
                }
            }
            if (file.length > 0) {
                String reason = "outbound/error/" + file[0] + ".reason";
                try {
                    if (PartnerChannels.existsOverSftp(keys, settings.sftpPort(), reason)) {
                        throw new DemoFailure(step, "the hub refused the file (it is in outbound/error/)",
                                PartnerChannels.readOverSftp(keys, settings.sftpPort(), reason));
                    }
                } catch (DemoFailure f) {
                    throw f;
                } catch (Exception e) {
                    throw new DemoFailure(step, "the partner SFTP server cannot be read", e);
                }
            }
            Thread.sleep(500);
        }
        throw new DemoFailure(step, "no " + channel + " capture job for " + partner + " appeared within "
                + settings.commitTimeout().toSeconds() + " s" + (file.length > 0 ? " (does the hub poll the partner "
                + "SFTP server? see its log and /actuator/health sftpChannel)" : ""), answer == null ? null : answer.body());
    }

    /** Waits until the job is closed and every event is on the ledger; prints where each went. */
    private void waitCommitted(String step, String channel, String partner, String captureId, int expectedEvents)
            throws DemoFailure, IOException, InterruptedException {
        String path = "/capture/" + captureId;
        long started = System.nanoTime();
        long deadline = started + settings.commitTimeout().toNanos();
        JsonNode job;
        while (true) {
            HubClient.Answer answer = hub.get(partner, path, "application/json");
            if (answer.status() != 200) {
                throw new DemoFailure(step, "GET " + path + " as " + partner + " answered " + answer.status(),
                        answer.body());
            }
            job = answer.json();
            if (!job.path("running").asBoolean(true)) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new DemoFailure(step, "capture " + captureId + " was not committed within "
                        + settings.commitTimeout().toSeconds() + " s (is the Fabric network up? bin/hub-stack status)",
                        job.toPrettyString());
            }
            Thread.sleep(300);
        }
        int events = job.path("eventCount").asInt();
        int committed = 0;
        List<String> where = new ArrayList<>();
        ArrayNode eventResults = HubClient.JSON.createArrayNode();
        for (JsonNode e : job.path("events")) {
            String status = e.path("status").asText();
            if (status.equals("committed") || status.equals("duplicate")) {
                committed++;
                where.add("block " + e.path("blockNumber").asText() + " tx " + e.path("transactionId").asText());
            }
            eventResults.add(e);
        }
        boolean noLedger = committed == 0 && events > 0 && job.path("rejectedCount").asInt() == 0
                && !job.has("committedCount");
        if (noLedger) {
            throw new DemoFailure(step, "capture " + captureId + " was accepted (" + events + " events published) but "
                    + "the hub records nothing on a ledger: it runs without one (Fabric not installed or not started;"
                    + " see bin/hub-stack up's output)", job.toPrettyString());
        }
        if (events != expectedEvents || committed != events || job.path("rejectedCount").asInt() > 0) {
            StringBuilder errors = new StringBuilder();
            for (JsonNode e : job.path("errors")) {
                errors.append("  event ").append(e.path("eventIndex").asText()).append(", stage ")
                        .append(e.path("stage").asText()).append(": ").append(e.path("detail").asText())
                        .append(e.hasNonNull("deadLetter") ? " [dead letter " + e.path("deadLetter").asText() + "]" : "")
                        .append('\n');
            }
            throw new DemoFailure(step, "capture " + captureId + ": " + committed + " of " + events + " events on the "
                    + "ledger (" + expectedEvents + " expected), " + job.path("rejectedCount").asInt() + " rejected",
                    errors.isEmpty() ? job.toPrettyString() : errors.toString().stripTrailing());
        }
        List<String> distinct = where.stream().distinct().toList();
        say("committed: %d of %d events in %.1f s, %s", committed, events, (System.nanoTime() - started) / 1e9,
                distinct.size() == 1 ? distinct.get(0) : String.join("; ", distinct));
        ObjectNode r = stepResults.addObject();
        r.put("step", step);
        r.put("channel", channel);
        r.put("partner", partner);
        r.put("captureID", captureId);
        r.set("events", eventResults);
    }

    // ------------------------------------------------------------------------------------------ output

    private String step(int n, String channel, String who, String what) {
        out.println();
        String step = "[" + n + "/" + STEPS + "] " + channel + ", " + who;
        out.println(step + ": " + what);
        return step;
    }

    private void say(String format, Object... args) {
        out.println("      " + String.format(format, args));
    }

    private void save(String name, String content) throws IOException {
        Path dir = settings.out().resolve("documents-" + world.runId);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
