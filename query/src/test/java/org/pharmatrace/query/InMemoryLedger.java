package org.pharmatrace.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.pharmatrace.epcis.model.EpcisEvent;
import org.pharmatrace.query.ledger.CommittedBatchSink;
import org.pharmatrace.query.ledger.CommittedEvent;
import org.pharmatrace.query.ledger.LedgerEventFeed;
import org.pharmatrace.query.ledger.LedgerPosition;
import org.pharmatrace.query.ledger.LedgerProof;
import org.pharmatrace.query.ledger.LedgerRecord;

/**
 * A ledger in memory for the tests: blocks of committed recordEvents transactions, followed the way the Fabric feed
 * will be (resume after a checkpoint, wait for new blocks, end on close), and answering getEvent as the chaincode
 * would (the test can make it disagree with the index).
 */
public final class InMemoryLedger implements LedgerEventFeed, LedgerProof {

    /** One committed transaction. */
    public record Transaction(long block, String txId, String recordedBy, Instant timestamp, List<CommittedEvent> events) {
    }

    private final List<Transaction> transactions = new ArrayList<>();
    private final Map<String, LedgerRecord> byHash = new ConcurrentHashMap<>();
    private final Map<String, LedgerRecord> overrides = new ConcurrentHashMap<>();
    private final Set<String> hidden = ConcurrentHashMap.newKeySet();
    private final AtomicReference<RuntimeException> failNextDelivery = new AtomicReference<>();
    private long closeGeneration;
    private long nextBlock;
    private Instant clock = Instant.parse("2024-01-01T00:00:00Z");

    /** Commits events in one transaction of a new block, as recordEvents would; returns what was committed. */
    public synchronized Transaction commit(String recordedBy, List<EpcisEvent> events) {
        long block = nextBlock++;
        String txId = String.format("%064x", block * 7919 + 17);
        clock = clock.plusSeconds(60);
        Instant timestamp = clock;
        List<CommittedEvent> committed = new ArrayList<>();
        for (EpcisEvent e : events) {
            String hash = LedgerEvents.hash(e);
            if (byHash.containsKey(hash)) {
                continue; // the chaincode skips hashes it knows
            }
            String json = LedgerEvents.canonicalJson(e, hash);
            committed.add(new CommittedEvent(hash, txId, block, recordedBy, timestamp, json));
            byHash.put(hash, new LedgerRecord(hash, txId, timestamp, recordedBy, json));
        }
        Transaction tx = new Transaction(block, txId, recordedBy, timestamp, List.copyOf(committed));
        transactions.add(tx);
        notifyAll();
        return tx;
    }

    public synchronized List<Transaction> transactions() {
        return List.copyOf(transactions);
    }

    public synchronized LedgerPosition head() {
        Transaction last = transactions.get(transactions.size() - 1);
        return new LedgerPosition(last.block(), last.txId());
    }

    /** The next delivery fails with this exception (a broken connection to the peer). */
    public void failNextDelivery(RuntimeException e) {
        failNextDelivery.set(e);
    }

    /** Makes getEvent answer this instead of the truth for one hash (null: the truth again). */
    public void override(String hash, LedgerRecord record) {
        if (record == null) {
            overrides.remove(hash);
        } else {
            overrides.put(hash, record);
        }
    }

    /** Makes getEvent deny knowing this hash (or know it again). */
    public void hide(String hash, boolean hide) {
        if (hide) {
            hidden.add(hash);
        } else {
            hidden.remove(hash);
        }
    }

    @Override
    public void follow(LedgerPosition after, CommittedBatchSink sink) throws Exception {
        long generation;
        synchronized (this) {
            generation = closeGeneration;
        }
        int next = firstAfter(after);
        while (true) {
            Transaction tx;
            synchronized (this) {
                while (next >= transactions.size() && closeGeneration == generation) {
                    wait(1000);
                }
                if (closeGeneration != generation) {
                    return;
                }
                tx = transactions.get(next);
            }
            RuntimeException failure = failNextDelivery.getAndSet(null);
            if (failure != null) {
                throw failure;
            }
            sink.accept(new LedgerPosition(tx.block(), tx.txId()), tx.events());
            next++;
        }
    }

    private synchronized int firstAfter(LedgerPosition after) {
        if (after.isStart()) {
            return 0;
        }
        for (int i = 0; i < transactions.size(); i++) {
            if (transactions.get(i).txId().equals(after.transactionId())) {
                return i + 1;
            }
        }
        throw new IllegalStateException("checkpoint " + after + " is not on this ledger");
    }

    @Override
    public synchronized void close() {
        closeGeneration++;
        notifyAll();
    }

    @Override
    public Optional<LedgerRecord> recordedEvent(String eventHash) {
        if (hidden.contains(eventHash)) {
            return Optional.empty();
        }
        LedgerRecord override = overrides.get(eventHash);
        return Optional.ofNullable(override != null ? override : byHash.get(eventHash));
    }
}
