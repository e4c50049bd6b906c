package org.pharmatrace.chaincode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;
import org.pharmatrace.chaincode.state.Alert;
import org.pharmatrace.chaincode.state.CanonicalJson;
import org.pharmatrace.chaincode.state.CompanyPrefixRecord;
import org.pharmatrace.chaincode.state.HistoryEntry;
import org.pharmatrace.chaincode.state.HubConfig;
import org.pharmatrace.chaincode.state.ItemState;
import org.pharmatrace.chaincode.state.PartyRecord;
import org.pharmatrace.chaincode.state.RecallRecord;
import org.pharmatrace.chaincode.state.StoredEvent;

/**
 * The contract's world state, typed. Key layout:
 * <ul>
 *   <li>{@code <Event Hash ID>} → {@link StoredEvent}</li>
 *   <li>{@code <EPC URN>} → {@link ItemState} (SGTIN or SSCC)</li>
 *   <li>{@code config~hub} → {@link HubConfig}</li>
 *   <li>{@code prefix~<company prefix>} → {@link CompanyPrefixRecord}</li>
 *   <li>{@code party~<party key>} → {@link PartyRecord}</li>
 *   <li>{@code recall~<gtin>} and {@code recall~<gtin>~<lot>} → {@link RecallRecord}</li>
 *   <li>{@code epc~txid~hash} → {@link HistoryEntry}: every event that touched an EPC</li>
 *   <li>{@code gtin~lot~epc} → marker: the items of a lot</li>
 *   <li>{@code parent~child} → marker: what a container holds</li>
 *   <li>{@code epc~alert} ({@code epc, hash}) → {@link Alert}</li>
 * </ul>
 * The {@code a~b} names are composite keys built by the stub. A peer does not show a transaction its own writes, but
 * one batch commissions, packs and ships in sequence; so writes are kept here too and reads see them first.
 */
public final class TraceabilityLedger {

    static final String CONFIG = "config";
    static final String PREFIX = "prefix";
    static final String PARTY = "party";
    static final String RECALL = "recall";
    static final String EPC_HISTORY = "epc~txid~hash";
    static final String LOT_ITEMS = "gtin~lot~epc";
    static final String CONTAINS = "parent~child";
    static final String EPC_ALERTS = "epc~alert";

    /** Index entries carry no value of their own, and an empty value would be a delete on the peer. */
    private static final byte[] MARKER = {0};

    private final ChaincodeStub stub;
    /** This transaction's writes; a {@code null} value is a delete. */
    private final Map<String, byte[]> written = new HashMap<>();

    public TraceabilityLedger(ChaincodeStub stub) {
        this.stub = stub;
    }

    public ChaincodeStub stub() {
        return stub;
    }

    // ---------------------------------------------------------------- typed access

    public HubConfig config() {
        return read(key(CONFIG, "hub"), HubConfig.class);
    }

    public void putConfig(HubConfig config) {
        write(key(CONFIG, "hub"), config);
    }

    public StoredEvent event(String hash) {
        return read(hash, StoredEvent.class);
    }

    public boolean hasEvent(String hash) {
        return get(hash) != null;
    }

    public void putEvent(StoredEvent event) {
        write(event.hash(), event);
    }

    public ItemState item(String epc) {
        return read(epc, ItemState.class);
    }

    public void putItem(ItemState item) {
        write(item.epc(), item);
    }

    public CompanyPrefixRecord companyPrefix(String prefix) {
        return read(key(PREFIX, prefix), CompanyPrefixRecord.class);
    }

    /** Every registered company prefix, in key order. */
    public List<CompanyPrefixRecord> companyPrefixes() {
        List<CompanyPrefixRecord> records = new ArrayList<>();
        byPartialKey(PREFIX).values().forEach(v -> records.add(CanonicalJson.fromBytes(v, CompanyPrefixRecord.class)));
        return records;
    }

    public void putCompanyPrefix(CompanyPrefixRecord record) {
        write(key(PREFIX, record.companyPrefix()), record);
    }

    /** The registered party, or {@code null}, also for an identifier that cannot be a key (control characters). */
    public PartyRecord party(String partyKey) {
        if (!isKeyText(partyKey)) {
            return null;
        }
        return read(key(PARTY, partyKey), PartyRecord.class);
    }

    /** Text usable as a composite key attribute: no control characters (U+0000 delimits attributes). */
    public static boolean isKeyText(String value) {
        return value != null && !value.isEmpty() && value.codePoints().noneMatch(c -> c < 0x20 || c == 0x10FFFF);
    }

    public void putParty(PartyRecord record) {
        write(key(PARTY, record.partyKey()), record);
    }

    /** The GTIN-wide recall ({@code lot == null}) or the recall of one lot. */
    public RecallRecord recall(String gtin, String lot) {
        return read(lot == null ? key(RECALL, gtin) : key(RECALL, gtin, lot), RecallRecord.class);
    }

    public void putRecall(RecallRecord record) {
        write(record.lot() == null ? key(RECALL, record.gtin()) : key(RECALL, record.gtin(), record.lot()), record);
    }

    /** Whether the item is flagged recalled, or the regulator recalled its GTIN or its lot. */
    public boolean isRecalled(ItemState item) {
        if (item.recalled()) {
            return true;
        }
        if (item.gtin() == null) {
            return false;
        }
        return recall(item.gtin(), null) != null || (item.lot() != null && recall(item.gtin(), item.lot()) != null);
    }

    public void indexHistory(HistoryEntry entry) {
        write(key(EPC_HISTORY, entry.epc(), entry.txId(), entry.eventHash()), entry);
    }

    public List<HistoryEntry> history(String epc) {
        List<HistoryEntry> entries = new ArrayList<>();
        byPartialKey(EPC_HISTORY, epc).values().forEach(v -> entries.add(CanonicalJson.fromBytes(v, HistoryEntry.class)));
        return entries;
    }

    public void indexLotItem(String gtin, String lot, String epc) {
        put(key(LOT_ITEMS, gtin, lot, epc), MARKER);
    }

    /** EPCs of the items commissioned with this GTIN and lot, in key order. */
    public List<String> lotItems(String gtin, String lot) {
        List<String> epcs = new ArrayList<>();
        for (String k : byPartialKey(LOT_ITEMS, gtin, lot).keySet()) {
            epcs.add(stub.splitCompositeKey(k).getAttributes().get(2));
        }
        return epcs;
    }

    public void addChild(String parent, String child) {
        put(key(CONTAINS, parent, child), MARKER);
    }

    public void removeChild(String parent, String child) {
        delete(key(CONTAINS, parent, child));
    }

    /** The EPCs packed directly in a container, in key order. */
    public List<String> children(String parent) {
        List<String> epcs = new ArrayList<>();
        for (String k : byPartialKey(CONTAINS, parent).keySet()) {
            epcs.add(stub.splitCompositeKey(k).getAttributes().get(1));
        }
        return epcs;
    }

    public void indexAlert(Alert alert) {
        write(key(EPC_ALERTS, alert.epc(), alert.eventHash()), alert);
    }

    public List<Alert> alerts(String epc) {
        List<Alert> alerts = new ArrayList<>();
        byPartialKey(EPC_ALERTS, epc).values().forEach(v -> alerts.add(CanonicalJson.fromBytes(v, Alert.class)));
        return alerts;
    }

    // ---------------------------------------------------------------- raw access with read-your-writes

    private String key(String type, String... attributes) {
        return stub.createCompositeKey(type, attributes).toString();
    }

    private <T> T read(String key, Class<T> type) {
        byte[] value = get(key);
        return value == null ? null : CanonicalJson.fromBytes(value, type);
    }

    private void write(String key, Object value) {
        put(key, CanonicalJson.toBytes(value));
    }

    private byte[] get(String key) {
        if (written.containsKey(key)) {
            return written.get(key);
        }
        byte[] value = stub.getState(key);
        return value == null || value.length == 0 ? null : value;
    }

    private void put(String key, byte[] value) {
        written.put(key, value);
        stub.putState(key, value);
    }

    private void delete(String key) {
        written.put(key, null);
        stub.delState(key);
    }

    /** Committed entries under a partial composite key, overlaid with this transaction's writes, in key order. */
    private SortedMap<String, byte[]> byPartialKey(String type, String... attributes) {
        String prefix = key(type, attributes);
        SortedMap<String, byte[]> entries = new TreeMap<>();
        try (QueryResultsIterator<KeyValue> results = stub.getStateByPartialCompositeKey(type, attributes)) {
            for (KeyValue kv : results) {
                entries.put(kv.getKey(), kv.getValue());
            }
        }
        written.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                if (v == null) {
                    entries.remove(k);
                } else {
                    entries.put(k, v);
                }
            }
        });
        return entries;
    }
}
