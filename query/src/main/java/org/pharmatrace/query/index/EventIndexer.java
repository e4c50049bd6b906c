package org.pharmatrace.query.index;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.pharmatrace.query.ledger.CommittedBatchSink;
import org.pharmatrace.query.ledger.CommittedEvent;
import org.pharmatrace.query.ledger.LedgerEventFeed;
import org.pharmatrace.query.ledger.LedgerPosition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Keeps the index in step with the ledger. One thread follows the {@link LedgerEventFeed} from the checkpoint kept in
 * PostgreSQL; each committed ledger transaction is written with the new checkpoint in one database transaction, and
 * a transaction already indexed (same transaction ID) is skipped: every committed event is indexed exactly once, and
 * a restart resumes where the index stands.
 *
 * <p>{@link #rebuild()} empties the index (events, their rows, the checkpoint) and replays the ledger from block 0.
 * Named queries, subscriptions and the audit log are not index rows and stay; subscription cursors are re-anchored on
 * Event Hash IDs so that replayed events are not delivered again.
 */
public class EventIndexer implements CommittedBatchSink, SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(EventIndexer.class);
    private static final String PARTY_FINGERPRINT = "party-directory-fingerprint";

    /** What a rebuild empties; the checkpoint row is reset, not truncated. */
    private static final String INDEX_TABLES = "epcis_event, event_epc, event_epc_class, event_biz_transaction, "
            + "event_source_destination, event_field, event_visibility, ledger_transaction, unindexable_event";

    private final QueryDatabase database;
    private final PartyDirectory parties;
    private final LedgerEventFeed feed;
    private final Duration retryDelay;
    private final boolean followOnStart;
    private final List<IndexListener> listeners = new CopyOnWriteArrayList<>();
    /** Bumped by every rebuild: a feed session started before it may no longer write. */
    private final AtomicLong generation = new AtomicLong();

    private volatile boolean running;
    private volatile Thread follower;
    private volatile String state = "stopped";
    private volatile String lastError;
    private volatile Instant lastIndexedAt;

    public EventIndexer(QueryDatabase database, PartyDirectory parties, LedgerEventFeed feed, Duration retryDelay,
            boolean followOnStart) {
        this.database = database;
        this.parties = parties;
        this.feed = feed;
        this.retryDelay = retryDelay;
        this.followOnStart = followOnStart && feed != null;
    }

    public void addListener(IndexListener listener) {
        listeners.add(listener);
    }

    /** The last ledger transaction in the index. */
    public LedgerPosition checkpoint() throws SQLException {
        try (Connection c = database.dataSource().getConnection();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select block_number, tx_id from index_checkpoint")) {
            rs.next();
            long block = rs.getLong(1);
            return block < 0 ? LedgerPosition.START : new LedgerPosition(block, rs.getString(2));
        }
    }

    /** Indexes one committed transaction now (the feed's sink; also usable directly). */
    @Override
    public void accept(LedgerPosition position, List<CommittedEvent> events) throws Exception {
        index(generation.get(), position, events);
    }

    private void index(long sessionGeneration, LedgerPosition position, List<CommittedEvent> events) throws Exception {
        // Parsed before the database transaction opens: a slow parse must not hold the checkpoint lock.
        List<EventIndexEntry> entries = new ArrayList<>(events.size());
        List<CommittedEvent> unreadable = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (CommittedEvent event : events) {
            if (!event.transactionId().equals(position.transactionId()) || event.blockNumber() != position.blockNumber()) {
                throw new IllegalArgumentException("event " + event.eventHash() + " says transaction "
                        + event.transactionId() + " in block " + event.blockNumber() + ", delivered as " + position);
            }
            try {
                entries.add(EventIndexEntry.of(event, parties));
            } catch (RuntimeException e) {
                // One event the index cannot read must not hide every later one: it is kept aside, whole.
                LOG.error("committed event {} ({}) cannot be indexed: {}", event.eventHash(), position, e.toString());
                unreadable.add(event);
                reasons.add(e.getMessage() == null ? e.toString() : e.getMessage());
            }
        }
        List<EventIndexWriter.Written> written;
        try (Connection c = database.transaction()) {
            try {
                lockCheckpoint(c);
                if (sessionGeneration != generation.get()) {
                    throw new StaleFeedException();
                }
                if (transactionIndexed(c, position.transactionId())) {
                    c.rollback();
                    LOG.debug("ledger transaction {} is indexed already; skipped", position);
                    return;
                }
                written = EventIndexWriter.write(c, entries);
                keepUnreadable(c, unreadable, reasons);
                recordTransaction(c, position, events, written.size());
                c.commit();
            } catch (Exception e) {
                c.rollback();
                throw e;
            }
        }
        lastIndexedAt = Instant.now();
        if (!written.isEmpty()) {
            long maxId = written.get(written.size() - 1).id();
            for (IndexListener listener : listeners) {
                listener.eventsIndexed(maxId);
            }
        }
    }

    private static void lockCheckpoint(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeQuery("select block_number from index_checkpoint for update").close();
        }
    }

    private static boolean transactionIndexed(Connection c, String txId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select 1 from ledger_transaction where tx_id = ?")) {
            ps.setString(1, txId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void keepUnreadable(Connection c, List<CommittedEvent> events, List<String> reasons)
            throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("insert into unindexable_event (event_hash, tx_id, block_number, "
                + "recorded_by, record_time, reason, event_json) values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing")) {
            for (int i = 0; i < events.size(); i++) {
                CommittedEvent e = events.get(i);
                ps.setString(1, e.eventHash());
                ps.setString(2, e.transactionId());
                ps.setLong(3, e.blockNumber());
                ps.setString(4, e.recordedBy());
                ps.setObject(5, EventIndexWriter.timestamp(e.recordTime()));
                ps.setString(6, reasons.get(i));
                ps.setString(7, e.eventJson());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** How many committed events the index keeps aside because it cannot read them. */
    public long unindexableCount() throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from unindexable_event")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void recordTransaction(Connection c, LedgerPosition position, List<CommittedEvent> events,
            int indexed) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into ledger_transaction (tx_id, block_number, "
                + "recorded_by, committed_at, event_count) values (?, ?, ?, ?, ?)")) {
            ps.setString(1, position.transactionId());
            ps.setLong(2, position.blockNumber());
            ps.setString(3, events.isEmpty() ? null : events.get(0).recordedBy());
            ps.setObject(4, events.isEmpty() ? null : EventIndexWriter.timestamp(events.get(0).recordTime()));
            ps.setInt(5, indexed);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "update index_checkpoint set block_number = ?, tx_id = ?, updated_at = now()")) {
            ps.setLong(1, position.blockNumber());
            ps.setString(2, position.transactionId());
            ps.executeUpdate();
        }
    }

    /**
     * Empties the index and replays the ledger from block 0. Returns once the index is empty; the replay runs on
     * the indexer's thread (when it follows a feed).
     */
    public synchronized void rebuild() throws SQLException {
        try (Connection c = database.transaction()) {
            try {
                lockCheckpoint(c);
                generation.incrementAndGet();
                try (Statement s = c.createStatement()) {
                    s.execute("truncate " + INDEX_TABLES);
                    s.executeUpdate("update index_checkpoint set block_number = -1, tx_id = null, updated_at = now()");
                    s.executeUpdate("update query_subscription set last_event_id = "
                            + "case when last_event_hash is null then 0 else -1 end");
                }
                writeSetting(c, PARTY_FINGERPRINT, parties.fingerprint());
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
        LOG.info("query index emptied for a rebuild; replaying the ledger from block 0");
        listeners.forEach(IndexListener::indexRebuilt);
        if (feed != null) {
            feed.close();
        }
    }

    /**
     * Recomputes which organisations see events through their parties, when the party directory changed since the
     * index was built (a partner added, a GLN moved). The recorder's visibility never changes.
     */
    public void refreshPartyVisibility() throws SQLException {
        String fingerprint = parties.fingerprint();
        try (Connection c = database.transaction()) {
            try {
                if (fingerprint.equals(readSetting(c, PARTY_FINGERPRINT))) {
                    c.rollback();
                    return;
                }
                lockCheckpoint(c);
                List<String> values = new ArrayList<>();
                try (Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("select distinct value from event_source_destination")) {
                    while (rs.next()) {
                        values.add(rs.getString(1));
                    }
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "update event_source_destination set organisation = ? where value = ? "
                                + "and organisation is distinct from ?")) {
                    for (String value : values) {
                        String organisation = parties.organisationOf(value).orElse(null);
                        ps.setString(1, organisation);
                        ps.setString(2, value);
                        ps.setString(3, organisation);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("delete from event_visibility where reason = 'p'");
                    s.executeUpdate("insert into event_visibility (organisation, event_id, reason) "
                            + "select distinct organisation, event_id, 'p' from event_source_destination "
                            + "where organisation is not null on conflict do nothing");
                }
                writeSetting(c, PARTY_FINGERPRINT, fingerprint);
                c.commit();
                LOG.info("party visibility recomputed for {} parties (the party directory changed)", values.size());
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static String readSetting(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select value from index_setting where name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static void writeSetting(Connection c, String name, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into index_setting (name, value) values (?, ?) "
                + "on conflict (name) do update set value = excluded.value")) {
            ps.setString(1, name);
            ps.setString(2, value);
            ps.executeUpdate();
        }
    }

    // ------------------------------------------------------------------ following the feed

    private void follow() {
        try {
            refreshPartyVisibility();
        } catch (SQLException | RuntimeException e) {
            LOG.error("could not recompute party visibility; events keep the visibility they were indexed with", e);
        }
        while (running) {
            long session = generation.get();
            try {
                LedgerPosition from = checkpoint();
                state = "following";
                LOG.info("query index following the ledger after {}", from);
                feed.follow(from, (position, events) -> index(session, position, events));
                lastError = null;
                if (running && session == generation.get()) {
                    // The feed ended on its own: follow again after a pause rather than spin.
                    pause(Duration.ofMillis(Math.min(1000, retryDelay.toMillis())));
                }
            } catch (StaleFeedException e) {
                LOG.debug("feed session ended by a rebuild");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                state = "retrying";
                lastError = e.toString();
                LOG.warn("query index: following the ledger failed; retrying in {}", retryDelay, e);
                if (!pause(retryDelay)) {
                    return;
                }
            }
        }
    }

    private boolean pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** For the health indicator: whether the indexer follows, and its last error. */
    public Map<String, Object> status() {
        Map<String, Object> status = new java.util.LinkedHashMap<>();
        status.put("indexer", feed == null ? "no ledger feed configured" : state);
        if (lastIndexedAt != null) {
            status.put("lastIndexedAt", lastIndexedAt.toString());
        }
        if (lastError != null) {
            status.put("lastError", lastError);
        }
        return status;
    }

    @Override
    public void start() {
        if (running || !followOnStart) {
            return;
        }
        running = true;
        Thread t = new Thread(this::follow, "query-indexer");
        t.setDaemon(true);
        follower = t;
        t.start();
    }

    @Override
    public void stop() {
        running = false;
        state = "stopped";
        if (feed != null) {
            feed.close();
        }
        Thread t = follower;
        if (t != null) {
            t.interrupt();
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Thrown into a feed session that a rebuild made obsolete, to end it without writing. */
    static final class StaleFeedException extends Exception {
        StaleFeedException() {
            super("the index was rebuilt; this feed session is over", null, false, false);
        }
    }
}
