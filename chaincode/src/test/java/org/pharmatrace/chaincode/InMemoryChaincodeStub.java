package org.pharmatrace.chaincode;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.hyperledger.fabric.protos.peer.SignedProposal;
import org.hyperledger.fabric.shim.Chaincode.Response;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.hyperledger.fabric.shim.ledger.KeyModification;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;
import org.hyperledger.fabric.shim.ledger.QueryResultsIteratorWithMetadata;

/**
 * A {@link ChaincodeStub} that behaves like the peer for what this contract uses: world state with the peer's
 * transaction semantics (reads see committed state only, writes are kept in a write set and applied on commit, an
 * empty value is a delete), composite keys, range and partial composite key queries over committed state, key
 * history (newest first), transaction id and timestamp, the creator's serialized identity, and the chaincode event.
 * Private data, pagination, rich queries and chaincode-to-chaincode calls are not used and throw.
 */
public final class InMemoryChaincodeStub implements ChaincodeStub {

    private static final String MIN_KEY = "\u0001";
    private static final String MAX_UNICODE_RUNE = "\udbff\udfff";

    private final TreeMap<String, byte[]> committed = new TreeMap<>();
    private final Map<String, List<Modification>> history = new HashMap<>();

    private String channelId = "pharmatrace";
    private String txId;
    private Instant txTimestamp;
    private byte[] creator;
    private String creatorMspId;
    private List<byte[]> args = List.of();
    private final Map<String, byte[]> writeSet = new LinkedHashMap<>();
    private ChaincodeEvent event;
    private final List<ChaincodeEvent> committedEvents = new ArrayList<>();

    // ---------------------------------------------------------------- transaction control (test side)

    /** Starts a transaction for a creator, as the peer does when a proposal arrives. */
    public void begin(String newTxId, Instant timestamp, TestIdentity identity, List<String> stringArgs) {
        if (txId != null) {
            throw new IllegalStateException("transaction " + txId + " still open");
        }
        this.txId = newTxId;
        this.txTimestamp = timestamp;
        this.creator = identity.serializedIdentity();
        this.creatorMspId = identity.mspId();
        this.args = stringArgs.stream().map(a -> a.getBytes(UTF_8)).toList();
        this.writeSet.clear();
        this.event = null;
    }

    /** Validates and commits the write set: state, key history and the chaincode event. */
    public void commit() {
        requireOpen();
        writeSet.forEach((key, value) -> {
            boolean delete = value == null || value.length == 0;
            if (delete) {
                committed.remove(key);
            } else {
                committed.put(key, value);
            }
            history.computeIfAbsent(key, k -> new ArrayList<>())
                    .add(0, new Modification(txId, txTimestamp, delete ? new byte[0] : value, delete));
        });
        if (event != null) {
            committedEvents.add(event);
        }
        end();
    }

    /** Drops the write set: the transaction failed or was only evaluated. */
    public void rollback() {
        requireOpen();
        end();
    }

    private void end() {
        txId = null;
        writeSet.clear();
        event = null;
    }

    public Map<String, byte[]> pendingWrites() {
        return Collections.unmodifiableMap(writeSet);
    }

    /** A snapshot of committed world state. */
    public Map<String, byte[]> worldState() {
        return Collections.unmodifiableMap(new TreeMap<>(committed));
    }

    /** Chaincode events of committed transactions, oldest first. */
    public List<ChaincodeEvent> committedEvents() {
        return Collections.unmodifiableList(committedEvents);
    }

    private void requireOpen() {
        if (txId == null) {
            throw new IllegalStateException("no transaction open");
        }
    }

    // ---------------------------------------------------------------- invocation

    @Override
    public List<byte[]> getArgs() {
        return args;
    }

    @Override
    public List<String> getStringArgs() {
        return args.stream().map(a -> new String(a, UTF_8)).toList();
    }

    @Override
    public String getFunction() {
        return args.isEmpty() ? null : getStringArgs().get(0);
    }

    @Override
    public List<String> getParameters() {
        return args.isEmpty() ? List.of() : getStringArgs().subList(1, args.size());
    }

    @Override
    public String getTxId() {
        return txId;
    }

    @Override
    public String getChannelId() {
        return channelId;
    }

    @Override
    public Instant getTxTimestamp() {
        return txTimestamp;
    }

    @Override
    public byte[] getCreator() {
        return creator;
    }

    @Override
    public String getMspId() {
        return creatorMspId;
    }

    @Override
    public Map<String, byte[]> getTransient() {
        return Map.of();
    }

    @Override
    public byte[] getBinding() {
        return new byte[0];
    }

    @Override
    public SignedProposal getSignedProposal() {
        return SignedProposal.getDefaultInstance();
    }

    @Override
    public void setEvent(String name, byte[] payload) {
        requireOpen();
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("event name can not be nil string");
        }
        // Like the peer: one event per transaction, the last one set wins.
        event = ChaincodeEvent.newBuilder().setEventName(name).setTxId(txId)
                .setPayload(com.google.protobuf.ByteString.copyFrom(payload)).build();
    }

    @Override
    public ChaincodeEvent getEvent() {
        return event;
    }

    // ---------------------------------------------------------------- world state

    @Override
    public byte[] getState(String key) {
        requireOpen();
        byte[] value = committed.get(key);
        return value == null ? new byte[0] : value.clone();
    }

    @Override
    public void putState(String key, byte[] value) {
        requireOpen();
        validateKey(key);
        writeSet.put(key, value.clone());
    }

    @Override
    public void delState(String key) {
        requireOpen();
        writeSet.put(key, null);
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByRange(String startKey, String endKey) {
        String start = startKey == null || startKey.isEmpty() ? MIN_KEY : startKey;
        CompositeKey.validateSimpleKeys(start, endKey == null ? "" : endKey);
        return range(start, endKey == null || endKey.isEmpty() ? null : endKey);
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(String compositeKey) {
        CompositeKey key = compositeKey.startsWith(CompositeKey.NAMESPACE)
                ? CompositeKey.parseCompositeKey(compositeKey) : new CompositeKey(compositeKey);
        return getStateByPartialCompositeKey(key);
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(String objectType, String... attributes) {
        return getStateByPartialCompositeKey(new CompositeKey(objectType, attributes));
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(CompositeKey compositeKey) {
        String prefix = compositeKey.toString();
        return range(prefix, prefix + MAX_UNICODE_RUNE);
    }

    @Override
    public CompositeKey createCompositeKey(String objectType, String... attributes) {
        return new CompositeKey(objectType, attributes);
    }

    @Override
    public CompositeKey splitCompositeKey(String compositeKey) {
        return CompositeKey.parseCompositeKey(compositeKey);
    }

    @Override
    public QueryResultsIterator<KeyModification> getHistoryForKey(String key) {
        requireOpen();
        List<KeyModification> mods = new ArrayList<>(history.getOrDefault(key, List.of()));
        return iterator(mods);
    }

    /** Committed entries in [start, end); a {@code null} end is unbounded. */
    private QueryResultsIterator<KeyValue> range(String start, String end) {
        requireOpen();
        Map<String, byte[]> slice = end == null ? committed.tailMap(start, true) : committed.subMap(start, true, end, false);
        List<KeyValue> kvs = new ArrayList<>();
        slice.forEach((k, v) -> kvs.add(new Entry(k, v.clone())));
        return iterator(kvs);
    }

    private static void validateKey(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("key must not be null or empty");
        }
    }

    private static <T> QueryResultsIterator<T> iterator(List<T> items) {
        return new QueryResultsIterator<>() {
            @Override
            public Iterator<T> iterator() {
                return items.iterator();
            }

            @Override
            public void close() {
                // nothing held
            }
        };
    }

    private record Entry(String key, byte[] value) implements KeyValue {
        @Override
        public String getKey() {
            return key;
        }

        @Override
        public byte[] getValue() {
            return value;
        }

        @Override
        public String getStringValue() {
            return new String(value, UTF_8);
        }
    }

    private record Modification(String txId, Instant timestamp, byte[] value, boolean deleted)
            implements KeyModification {
        @Override
        public String getTxId() {
            return txId;
        }

        @Override
        public byte[] getValue() {
            return value;
        }

        @Override
        public String getStringValue() {
            return new String(value, UTF_8);
        }

        @Override
        public Instant getTimestamp() {
            return timestamp;
        }

        @Override
        public boolean isDeleted() {
            return deleted;
        }
    }

    // ---------------------------------------------------------------- not used by the contract

    @Override
    public Response invokeChaincode(String chaincodeName, List<byte[]> arguments, String channel) {
        throw unsupported("invokeChaincode");
    }

    @Override
    public byte[] getStateValidationParameter(String key) {
        throw unsupported("getStateValidationParameter");
    }

    @Override
    public void setStateValidationParameter(String key, byte[] value) {
        throw unsupported("setStateValidationParameter");
    }

    @Override
    public QueryResultsIteratorWithMetadata<KeyValue> getStateByRangeWithPagination(String startKey, String endKey,
                                                                                  int pageSize, String bookmark) {
        throw unsupported("getStateByRangeWithPagination");
    }

    @Override
    public QueryResultsIteratorWithMetadata<KeyValue> getStateByPartialCompositeKeyWithPagination(
            CompositeKey compositeKey, int pageSize, String bookmark) {
        throw unsupported("getStateByPartialCompositeKeyWithPagination");
    }

    @Override
    public QueryResultsIterator<KeyValue> getQueryResult(String query) {
        throw unsupported("getQueryResult (rich queries need CouchDB)");
    }

    @Override
    public QueryResultsIteratorWithMetadata<KeyValue> getQueryResultWithPagination(String query, int pageSize,
                                                                                 String bookmark) {
        throw unsupported("getQueryResultWithPagination");
    }

    @Override
    public byte[] getPrivateData(String collection, String key) {
        throw unsupported("private data");
    }

    @Override
    public byte[] getPrivateDataHash(String collection, String key) {
        throw unsupported("private data");
    }

    @Override
    public byte[] getPrivateDataValidationParameter(String collection, String key) {
        throw unsupported("private data");
    }

    @Override
    public void putPrivateData(String collection, String key, byte[] value) {
        throw unsupported("private data");
    }

    @Override
    public void setPrivateDataValidationParameter(String collection, String key, byte[] value) {
        throw unsupported("private data");
    }

    @Override
    public void delPrivateData(String collection, String key) {
        throw unsupported("private data");
    }

    @Override
    public void purgePrivateData(String collection, String key) {
        throw unsupported("private data");
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataByRange(String collection, String startKey, String endKey) {
        throw unsupported("private data");
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataByPartialCompositeKey(String collection, String compositeKey) {
        throw unsupported("private data");
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataByPartialCompositeKey(String collection,
                                                                             CompositeKey compositeKey) {
        throw unsupported("private data");
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataByPartialCompositeKey(String collection, String objectType,
                                                                             String... attributes) {
        throw unsupported("private data");
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataQueryResult(String collection, String query) {
        throw unsupported("private data");
    }

    private static UnsupportedOperationException unsupported(String what) {
        return new UnsupportedOperationException(what + " is not simulated by InMemoryChaincodeStub");
    }

    /** Convenience for assertions: a committed value as text, or {@code null}. */
    public String committedString(String key) {
        byte[] value = committed.get(key);
        return value == null ? null : new String(value, UTF_8);
    }

    /** Convenience for assertions: committed keys under a composite key prefix. */
    public List<CompositeKey> committedCompositeKeys(String objectType, String... attributes) {
        String prefix = new CompositeKey(objectType, attributes).toString();
        List<CompositeKey> keys = new ArrayList<>();
        committed.subMap(prefix, true, prefix + MAX_UNICODE_RUNE, false).keySet()
                .forEach(k -> keys.add(CompositeKey.parseCompositeKey(k)));
        return keys;
    }
}
