package org.pharmatrace.chaincode;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contact;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Default;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.License;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.pharmatrace.chaincode.batch.BatchEvent;
import org.pharmatrace.chaincode.batch.EpcisBatchReader;
import org.pharmatrace.chaincode.batch.EpcisWiring;
import org.pharmatrace.chaincode.batch.EventHashCalculator;
import org.pharmatrace.chaincode.batch.MalformedBatchException;
import org.pharmatrace.chaincode.lifecycle.Epc;
import org.pharmatrace.chaincode.lifecycle.EpcResolver;
import org.pharmatrace.chaincode.lifecycle.EventOutcome;
import org.pharmatrace.chaincode.lifecycle.EventRef;
import org.pharmatrace.chaincode.lifecycle.LifecycleEngine;
import org.pharmatrace.chaincode.response.EpcHistory;
import org.pharmatrace.chaincode.response.EventResult;
import org.pharmatrace.chaincode.response.EventsRecorded;
import org.pharmatrace.chaincode.response.LotState;
import org.pharmatrace.chaincode.response.RecordEventsResult;
import org.pharmatrace.chaincode.response.Verification;
import org.pharmatrace.chaincode.state.Alert;
import org.pharmatrace.chaincode.state.CanonicalJson;
import org.pharmatrace.chaincode.state.CompanyPrefixRecord;
import org.pharmatrace.chaincode.state.HistoryEntry;
import org.pharmatrace.chaincode.state.HubConfig;
import org.pharmatrace.chaincode.state.ItemState;
import org.pharmatrace.chaincode.state.ItemStatus;
import org.pharmatrace.chaincode.state.PartyRecord;
import org.pharmatrace.chaincode.state.RecallRecord;
import org.pharmatrace.chaincode.state.StoredEvent;
import org.pharmatrace.epcis.model.EpcisEvent;
import org.pharmatrace.gs1.Gs1Date;
import org.pharmatrace.gs1.Gs1Key;

/**
 * The traceability contract: trading partners record EPCIS events, the ledger enforces the product lifecycle on
 * them, and anyone on the channel (the regulator included) can ask where an item is and whether it is genuine.
 * Every result is canonical JSON.
 */
@Contract(name = "traceability", info = @Info(
        title = "Pharmaceutical traceability",
        description = "Records EPCIS 2.0 events under their Event Hash ID and enforces the serialised product lifecycle",
        version = "0.1.0",
        license = @License(name = "Apache-2.0", url = "https://www.apache.org/licenses/LICENSE-2.0"),
        contact = @Contact(name = "PharmaTrace hub")))
@Default
public final class TraceabilityContract implements ContractInterface {

    /** Chaincode event raised by {@code recall}. */
    public static final String RECALL_ISSUED_EVENT = "RecallIssued";

    /** The most events {@code getEvents} answers for at once: a recordEvents batch of the hub's largest size. */
    public static final int MAX_EVENTS_PER_QUERY = 1000;

    private final EpcisBatchReader batchReader;
    private final EventHashCalculator hashCalculator;

    /** The contract as the peer runs it, on the hub's JSON-LD reader and Event Hash ID generator. */
    public TraceabilityContract() {
        this(EpcisWiring.batchReader(), EpcisWiring.hashCalculator());
    }

    public TraceabilityContract(EpcisBatchReader batchReader, EventHashCalculator hashCalculator) {
        this.batchReader = batchReader;
        this.hashCalculator = hashCalculator;
    }

    // ---------------------------------------------------------------- administration

    /** Names the regulator's MSP, once, when the chaincode definition is first committed ({@code --isInit}). */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String init(Context ctx, String regulatorMspId) {
        TraceabilityLedger ledger = new TraceabilityLedger(ctx.getStub());
        if (ledger.config() != null) {
            throw TraceabilityError.ALREADY_INITIALISED.exception("the regulator is already "
                    + ledger.config().regulatorMspId());
        }
        HubConfig config = new HubConfig(requireText(regulatorMspId, "regulatorMspId"),
                ctx.getClientIdentity().getMSPID(), ctx.getStub().getTxId());
        ledger.putConfig(config);
        return CanonicalJson.toString(config);
    }

    /**
     * Records which organisation owns a GS1 company prefix; only it may commission under the prefix. GS1 company
     * prefixes are prefix-free, so a prefix that extends or is extended by a registered one is refused: it would
     * change which prefix, and so which key and owner, the items of the other one resolve to.
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String registerCompanyPrefix(Context ctx, String companyPrefix, String mspId) {
        TraceabilityLedger ledger = new TraceabilityLedger(ctx.getStub());
        requireRegistryMaintainer(ctx, ledger);
        String prefix = requireText(companyPrefix, "companyPrefix");
        if (!prefix.matches("\\d{6,12}")) {
            throw TraceabilityError.INVALID_ARGUMENT.exception("company prefix '" + prefix + "' is not 6 to 12 digits");
        }
        for (CompanyPrefixRecord registered : ledger.companyPrefixes()) {
            String other = registered.companyPrefix();
            if (!other.equals(prefix) && (other.startsWith(prefix) || prefix.startsWith(other))) {
                throw TraceabilityError.INVALID_ARGUMENT.exception("company prefix '" + prefix + "' overlaps company"
                        + " prefix '" + other + "' registered to " + registered.mspId() + "; GS1 company prefixes"
                        + " never start with one another");
            }
        }
        CompanyPrefixRecord record = new CompanyPrefixRecord(prefix, requireText(mspId, "mspId"),
                ctx.getClientIdentity().getMSPID(), ctx.getStub().getTxId());
        ledger.putCompanyPrefix(record);
        return CanonicalJson.toString(record);
    }

    /** Records which organisation a party or location identifier (PGLN, SGLN) in a destination list stands for. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String registerParty(Context ctx, String party, String mspId) {
        TraceabilityLedger ledger = new TraceabilityLedger(ctx.getStub());
        requireRegistryMaintainer(ctx, ledger);
        String given = requireText(party, "party");
        if (!TraceabilityLedger.isKeyText(given)) {
            throw TraceabilityError.INVALID_ARGUMENT.exception("party identifier contains control characters");
        }
        PartyRecord record = new PartyRecord(given, EpcResolver.partyKey(given), requireText(mspId, "mspId"),
                ctx.getClientIdentity().getMSPID(), ctx.getStub().getTxId());
        ledger.putParty(record);
        return CanonicalJson.toString(record);
    }

    /**
     * The regulator recalls a whole GTIN ({@code lot} empty) or one lot. Items are not rewritten: every check of an
     * item consults the recall records of its GTIN and lot. Recalling what is already recalled changes nothing.
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String recall(Context ctx, String gtin, String lot) {
        TraceabilityLedger ledger = new TraceabilityLedger(ctx.getStub());
        Caller caller = Caller.of(ctx.getClientIdentity(), requireConfig(ledger));
        if (!caller.mayRecall()) {
            throw TraceabilityError.NOT_AUTHORISED.exception(caller.mspId()
                    + " cannot recall: only a regulator identity (role=regulator) of the regulator MSP can");
        }
        String gtin14 = gtin14(gtin);
        String lotOrNull = lot == null || lot.isBlank() ? null : batchLot(lot);
        RecallRecord existing = ledger.recall(gtin14, lotOrNull);
        if (existing != null) {
            return CanonicalJson.toString(existing);
        }
        RecallRecord record = new RecallRecord(gtin14, lotOrNull, caller.mspId(), ctx.getStub().getTxId(),
                timestamp(ctx.getStub()));
        ledger.putRecall(record);
        ctx.getStub().setEvent(RECALL_ISSUED_EVENT, CanonicalJson.toBytes(record));
        return CanonicalJson.toString(record);
    }

    // ---------------------------------------------------------------- events

    /**
     * Records a batch of events, an EPCIS 2.0 JSON-LD document whose events each carry their Event Hash ID as
     * eventID. All of the batch is recorded or none of it: a broken lifecycle rule or a wrong hash fails the
     * transaction. An event already on the ledger is a no-op ({@code duplicate}); a dispense that should not have
     * happened is recorded and alerted. Raises one {@code EventsRecorded} chaincode event.
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String recordEvents(Context ctx, String epcisDocument) {
        ChaincodeStub stub = ctx.getStub();
        TraceabilityLedger ledger = new TraceabilityLedger(stub);
        Caller caller = Caller.of(ctx.getClientIdentity(), requireConfig(ledger));
        if (caller.regulatorOrg()) {
            throw TraceabilityError.REGULATOR_READ_ONLY.exception(caller.mspId()
                    + " is the regulator: it reads and recalls but does not record supply-chain events");
        }
        List<BatchEvent> batch = readBatch(epcisDocument);
        List<String> hashes = verifyHashes(batch);

        String txId = stub.getTxId();
        String timestamp = timestamp(stub);
        LifecycleEngine engine = new LifecycleEngine(ledger, new EpcResolver(ledger), caller.mspId());
        List<EventResult> results = new ArrayList<>();
        List<String> committed = new ArrayList<>();
        List<Alert> alerts = new ArrayList<>();
        int duplicates = 0;
        for (int i = 0; i < batch.size(); i++) {
            String hash = hashes.get(i);
            if (ledger.hasEvent(hash)) {
                results.add(new EventResult(hash, EventResult.DUPLICATE));
                duplicates++;
                continue;
            }
            EpcisEvent event = batch.get(i).event();
            EventOutcome outcome = engine.apply(new EventRef(i, hash), event);
            List<String> epcs = new ArrayList<>();
            for (EventOutcome.Touch touch : outcome.touched()) {
                epcs.add(touch.epc());
                ledger.indexHistory(new HistoryEntry(touch.epc(), hash, txId, timestamp, i, event.getEventTime(),
                        event.getBizStep(), touch.via()));
            }
            outcome.alerts().forEach(ledger::indexAlert);
            ledger.putEvent(new StoredEvent(hash, txId, timestamp, caller.mspId(), i, epcs, outcome.alerts(),
                    batch.get(i).json()));
            results.add(new EventResult(hash, outcome.alerts().isEmpty() ? EventResult.COMMITTED : EventResult.ALERT));
            committed.add(hash);
            alerts.addAll(outcome.alerts());
        }
        stub.setEvent(EventsRecorded.NAME, CanonicalJson.toBytes(new EventsRecorded(txId, committed, alerts)));
        return CanonicalJson.toString(new RecordEventsResult(txId, committed.size(), duplicates, results, alerts));
    }

    // ---------------------------------------------------------------- queries

    /** An event as stored: the submitted JSON-LD members, the recording transaction and its alerts. */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String getEvent(Context ctx, String eventHash) {
        String hash = requireText(eventHash, "eventHash");
        // Events are the only state under ni:/// keys; anything else is not an event, whatever is stored there.
        StoredEvent event = hash.startsWith("ni:///") ? new TraceabilityLedger(ctx.getStub()).event(hash) : null;
        if (event == null) {
            throw TraceabilityError.EVENT_NOT_FOUND.exception("no event " + eventHash);
        }
        return CanonicalJson.toString(event);
    }

    /**
     * Several events as stored, in the order asked, for readers of the {@code EventsRecorded} chaincode events (the
     * hub's query index) that would otherwise ask one by one. The argument is a JSON array of Event Hash IDs, at most
     * {@value #MAX_EVENTS_PER_QUERY}; hashes not on the ledger are left out of the answer.
     */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String getEvents(Context ctx, String eventHashesJson) {
        JsonNode hashes;
        try {
            hashes = CanonicalJson.readTree(requireText(eventHashesJson, "eventHashes"));
        } catch (IOException e) {
            throw TraceabilityError.INVALID_ARGUMENT.exception("eventHashes is not a JSON array: " + e.getMessage());
        }
        if (!hashes.isArray() || hashes.size() > MAX_EVENTS_PER_QUERY) {
            throw TraceabilityError.INVALID_ARGUMENT.exception("eventHashes must be a JSON array of at most "
                    + MAX_EVENTS_PER_QUERY + " Event Hash IDs");
        }
        TraceabilityLedger ledger = new TraceabilityLedger(ctx.getStub());
        List<StoredEvent> events = new ArrayList<>();
        for (JsonNode hash : hashes) {
            StoredEvent event = hash.isTextual() && hash.asText().startsWith("ni:///") ? ledger.event(hash.asText()) : null;
            if (event != null) {
                events.add(event);
            }
        }
        return CanonicalJson.toString(events);
    }

    /** Every event that touched an EPC (given as EPC URN or Digital Link), oldest first, with transaction ids. */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String getEpcHistory(Context ctx, String epc) {
        TraceabilityLedger ledger = new TraceabilityLedger(ctx.getStub());
        String key = itemKey(ledger, epc);
        List<HistoryEntry> events = new ArrayList<>(ledger.history(key));
        events.sort(Comparator.comparing((HistoryEntry h) -> Instant.parse(h.timestamp()))
                .thenComparingInt(HistoryEntry::position)
                .thenComparing(HistoryEntry::txId));
        return CanonicalJson.toString(new EpcHistory(key, events, ledger.alerts(key)));
    }

    /** The current state of an item or container; {@code recalled} includes the regulator's GTIN and lot recalls. */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String getEpcState(Context ctx, String epc) {
        TraceabilityLedger ledger = new TraceabilityLedger(ctx.getStub());
        String key = itemKey(ledger, epc);
        ItemState item = ledger.item(key);
        if (item == null) {
            throw TraceabilityError.EPC_NOT_FOUND.exception(key + " was never commissioned");
        }
        return CanonicalJson.toString(item.withRecalled(ledger.isRecalled(item), item.lastEventHash()));
    }

    /** How many items of a lot are in each status, and whether the lot is recalled. */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String getLotState(Context ctx, String gtin, String lot) {
        TraceabilityLedger ledger = new TraceabilityLedger(ctx.getStub());
        String gtin14 = gtin14(gtin);
        String lotNumber = batchLot(requireText(lot, "lot"));
        Map<String, Integer> byStatus = new TreeMap<>();
        int total = 0;
        int flagged = 0;
        for (String epc : ledger.lotItems(gtin14, lotNumber)) {
            ItemState item = ledger.item(epc);
            byStatus.merge(item.status().name(), 1, Integer::sum);
            total++;
            if (item.recalled()) {
                flagged++;
            }
        }
        RecallRecord recall = ledger.recall(gtin14, lotNumber);
        if (recall == null) {
            recall = ledger.recall(gtin14, null);
        }
        return CanonicalJson.toString(new LotState(gtin14, lotNumber, total, byStatus, recall, flagged));
    }

    /**
     * Verifies a product identifier as read from a pack: GTIN and serial, with lot and expiry when known (empty
     * otherwise; expiry as yyyy-MM-dd or the barcode's YYMMDD).
     */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String verify(Context ctx, String gtin, String serial, String lot, String expiry) {
        TraceabilityLedger ledger = new TraceabilityLedger(ctx.getStub());
        String gtin14 = gtin14(gtin);
        String serialNumber = requireText(serial, "serial");
        LocalDate today = LocalDate.ofInstant(ctx.getStub().getTxTimestamp(), ZoneOffset.UTC);
        String lotGiven = lot == null || lot.isBlank() ? null : lot.trim();
        String expiryGiven = expiry == null || expiry.isBlank() ? null : expiryDate(expiry.trim(), today);
        Epc epc;
        try {
            epc = new EpcResolver(ledger).sgtin(gtin14, serialNumber);
        } catch (IllegalArgumentException e) {
            throw TraceabilityError.INVALID_ARGUMENT.exception(e.getMessage());
        }
        ItemState item = ledger.item(epc.key());
        if (item == null) {
            return verification(Verification.UNKNOWN, epc, gtin14, serialNumber, lotGiven, expiryGiven,
                    "no such serialised item was ever commissioned");
        }
        String status;
        String detail;
        if (lotGiven != null && !lotGiven.equals(item.lot())) {
            status = Verification.MISMATCH;
            detail = "lot " + lotGiven + " does not match the commissioned lot " + item.lot();
        } else if (expiryGiven != null && !expiryGiven.equals(item.expiry())) {
            status = Verification.MISMATCH;
            detail = "expiry " + expiryGiven + " does not match the commissioned expiry " + item.expiry();
        } else if (ledger.isRecalled(item)) {
            status = Verification.RECALLED;
            detail = "the item, its GTIN or its lot is recalled";
        } else if (item.status() == ItemStatus.DISPENSED) {
            status = Verification.DISPENSED;
            detail = "the item was dispensed";
        } else if (item.status() == ItemStatus.DECOMMISSIONED) {
            status = Verification.DECOMMISSIONED;
            detail = "the item was decommissioned";
        } else if (item.status() == ItemStatus.DESTROYED) {
            status = Verification.DESTROYED;
            detail = "the item was destroyed";
        } else if (item.expiry() != null && LocalDate.parse(item.expiry()).isBefore(today)) {
            status = Verification.EXPIRED;
            detail = "the item expired on " + item.expiry();
        } else {
            status = Verification.ACTIVE;
            detail = "the item is " + item.status();
        }
        return verification(status, epc, gtin14, serialNumber, item.lot(), item.expiry(), detail);
    }

    /** The dispense alerts raised on an EPC. */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String getAlerts(Context ctx, String epc) {
        TraceabilityLedger ledger = new TraceabilityLedger(ctx.getStub());
        return CanonicalJson.toString(ledger.alerts(itemKey(ledger, epc)));
    }

    // ---------------------------------------------------------------- helpers

    private List<BatchEvent> readBatch(String document) {
        try {
            List<BatchEvent> batch = batchReader.read(document);
            if (batch.isEmpty()) {
                throw new MalformedBatchException("the document holds no event");
            }
            return batch;
        } catch (MalformedBatchException e) {
            throw TraceabilityError.MALFORMED_BATCH.exception(e.getMessage());
        }
    }

    /** Every eventID must be the Event Hash ID of its event's content; checked before any rule runs. */
    private List<String> verifyHashes(List<BatchEvent> batch) {
        List<String> hashes = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            EpcisEvent event = batch.get(i).event();
            String declared = event.getEventId();
            if (declared == null || declared.isBlank()) {
                throw TraceabilityError.MALFORMED_BATCH.exception("event #" + i + " has no eventID; it must carry its"
                        + " Event Hash ID");
            }
            String computed;
            try {
                computed = hashCalculator.eventHashId(event);
            } catch (RuntimeException e) {
                throw TraceabilityError.MALFORMED_BATCH.exception("event #" + i + " (" + declared
                        + "): its Event Hash ID cannot be computed: " + e.getMessage());
            }
            if (!declared.trim().equals(computed)) {
                throw TraceabilityError.HASH_MISMATCH.exception("event #" + i + ": eventID " + declared
                        + " is not the Event Hash ID of its content, " + computed + " (epcs "
                        + event.allInstanceEpcs() + ")");
            }
            hashes.add(computed);
        }
        return hashes;
    }

    private static HubConfig requireConfig(TraceabilityLedger ledger) {
        HubConfig config = ledger.config();
        if (config == null) {
            throw TraceabilityError.NOT_INITIALISED.exception("init has not named the regulator MSP yet");
        }
        return config;
    }

    private static void requireRegistryMaintainer(Context ctx, TraceabilityLedger ledger) {
        Caller caller = Caller.of(ctx.getClientIdentity(), requireConfig(ledger));
        if (!caller.mayMaintainRegistries()) {
            throw TraceabilityError.NOT_AUTHORISED.exception(caller.mspId() + " cannot maintain the registries: only"
                    + " a regulator identity with role=regulator or hub.admin=true can");
        }
    }

    private static String itemKey(TraceabilityLedger ledger, String epc) {
        String given = requireText(epc, "epc");
        Epc resolved;
        try {
            resolved = new EpcResolver(ledger).resolve(given);
        } catch (IllegalArgumentException e) {
            throw TraceabilityError.INVALID_ARGUMENT.exception(given + ": " + e.getMessage());
        }
        if (resolved == null) {
            throw TraceabilityError.INVALID_ARGUMENT.exception(given + " is not an SGTIN or SSCC");
        }
        return resolved.key();
    }

    private static String gtin14(String gtin) {
        try {
            return EpcResolver.gtin14(gtin);
        } catch (IllegalArgumentException e) {
            throw TraceabilityError.INVALID_ARGUMENT.exception(e.getMessage());
        }
    }

    private static String batchLot(String lot) {
        String trimmed = lot.trim();
        if (!Gs1Key.isValidBatchLot(trimmed)) {
            throw TraceabilityError.INVALID_ARGUMENT.exception("lot '" + lot + "' is not a GS1 batch/lot (AI 10: 1 to "
                    + Gs1Key.MAX_SERIAL_OR_LOT_LENGTH + " characters of GS1 character set 82)");
        }
        return trimmed;
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw TraceabilityError.INVALID_ARGUMENT.exception(name + " is required");
        }
        return value.trim();
    }

    /** yyyy-MM-dd, or the barcode's YYMMDD (AI 17) read by {@link Gs1Date#parseYymmdd} (DD 00 = end of month). */
    static String expiryDate(String value, LocalDate today) {
        try {
            if (value.matches("\\d{6}")) {
                return Gs1Date.parseYymmdd(value, today.getYear()).toString();
            }
            return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value).toString();
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw TraceabilityError.INVALID_ARGUMENT.exception("expiry '" + value
                    + "' is neither yyyy-MM-dd nor YYMMDD");
        }
    }

    private static String timestamp(ChaincodeStub stub) {
        return stub.getTxTimestamp().toString();
    }

    private static String verification(String status, Epc epc, String gtin, String serial, String lot, String expiry,
                                       String detail) {
        return CanonicalJson.toString(new Verification(Verification.ACTIVE.equals(status), status, epc.key(), gtin,
                serial, lot, expiry, detail));
    }
}
