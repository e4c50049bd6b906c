package org.pharmatrace.query;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pharmatrace.query.index.EventIndexEntry;
import org.pharmatrace.query.index.PartyDirectory;
import org.pharmatrace.query.ledger.CommittedEvent;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Loads committed events into the index with PostgreSQL COPY, for load tests and the benchmark: the same rows the
 * indexer writes (the same {@link EventIndexEntry} derivation), without its per-transaction round trips. Rows are
 * buffered per table and copied in chunks of a few megabytes.
 */
final class BulkIndexLoader implements AutoCloseable {

    private static final int FLUSH_CHARS = 8 << 20;

    private final Connection db;
    private final CopyManager copy;
    private final PartyDirectory parties;
    private final Map<String, StringBuilder> tables = new LinkedHashMap<>();
    private long nextId;
    private long events;
    private String lastTx;
    private long lastBlock;

    BulkIndexLoader(Connection db, PartyDirectory parties) throws SQLException {
        this.db = db;
        this.copy = db.unwrap(PGConnection.class).getCopyAPI();
        this.parties = parties;
        for (String table : List.of(
                "epcis_event (id, event_hash, event_type, action, biz_step, disposition, read_point, biz_location, "
                        + "event_time, event_time_zone_offset, record_time, recorded_by, tx_id, block_number, event_json)",
                "event_epc (event_id, role, epc, epc_urn, epc_key)",
                "event_epc_class (event_id, role, epc_class, class_key, quantity, uom)",
                "event_biz_transaction (event_id, type, value, value_key)",
                "event_source_destination (event_id, kind, type, value, value_key, organisation)",
                "event_field (event_id, scope, top, namespace, name, value_text, value_numeric, value_time)",
                "event_visibility (organisation, event_id, reason)",
                "ledger_transaction (tx_id, block_number, recorded_by, committed_at, event_count)")) {
            tables.put(table, new StringBuilder(1 << 20));
        }
        try (Statement s = db.createStatement(); var rs = s.executeQuery("select coalesce(max(id), 0) from epcis_event")) {
            rs.next();
            nextId = rs.getLong(1) + 1;
        }
    }

    /** Adds one committed transaction. */
    void add(List<CommittedEvent> transaction) throws SQLException, IOException {
        if (transaction.isEmpty()) {
            return;
        }
        CommittedEvent first = transaction.get(0);
        for (CommittedEvent event : transaction) {
            add(EventIndexEntry.of(event, parties));
        }
        row("ledger_transaction", first.transactionId(), first.blockNumber(), first.recordedBy(), first.recordTime(),
                transaction.size());
        lastTx = first.transactionId();
        lastBlock = first.blockNumber();
        if (tables.get(key("epcis_event")).length() > FLUSH_CHARS) {
            flush();
        }
    }

    long events() {
        return events;
    }

    private void add(EventIndexEntry e) {
        long id = nextId++;
        events++;
        CommittedEvent s = e.source;
        row("epcis_event", id, s.eventHash(), e.eventType, e.action, e.bizStep, e.disposition, e.readPoint, e.bizLocation,
                e.eventTime, e.eventTimeZoneOffset, s.recordTime(), s.recordedBy(), s.transactionId(), s.blockNumber(),
                s.eventJson());
        for (EventIndexEntry.Epc epc : e.epcs) {
            row("event_epc", id, epc.role(), epc.epc(), epc.urn(), epc.key());
        }
        for (EventIndexEntry.EpcClass c : e.classes) {
            row("event_epc_class", id, c.role(), c.epcClass(), c.key(), c.quantity(), c.uom());
        }
        for (EventIndexEntry.BizTx bt : e.bizTransactions) {
            row("event_biz_transaction", id, bt.type(), bt.value(), bt.key());
        }
        for (EventIndexEntry.Party p : e.parties) {
            row("event_source_destination", id, p.kind(), p.type(), p.value(), p.key(), p.organisation());
        }
        for (EventIndexEntry.Field f : e.fields) {
            row("event_field", id, f.scope(), f.top(), f.namespace(), f.name(), f.text(), f.number(), f.time());
        }
        row("event_visibility", s.recordedBy(), id, 'r');
        for (String organisation : e.partyOrganisations) {
            if (!organisation.equals(s.recordedBy())) {
                row("event_visibility", organisation, id, 'p');
            }
        }
    }

    private void row(String table, Object... values) {
        StringBuilder b = tables.get(key(table));
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                b.append('\t');
            }
            Object v = values[i];
            if (v == null) {
                b.append("\\N");
            } else if (v instanceof Boolean bool) {
                b.append(bool ? 't' : 'f');
            } else if (v instanceof BigDecimal d) {
                b.append(d.toPlainString());
            } else if (v instanceof Instant t) {
                b.append(t);
            } else {
                escape(b, v.toString());
            }
        }
        b.append('\n');
    }

    private static void escape(StringBuilder b, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> b.append(c);
            }
        }
    }

    private String key(String table) {
        for (String k : tables.keySet()) {
            if (k.startsWith(table + " ")) {
                return k;
            }
        }
        throw new IllegalArgumentException(table);
    }

    void flush() throws SQLException, IOException {
        for (Map.Entry<String, StringBuilder> t : tables.entrySet()) {
            if (t.getValue().length() > 0) {
                copy.copyIn("copy " + t.getKey() + " from stdin", new StringReader(t.getValue().toString()));
                t.getValue().setLength(0);
            }
        }
    }

    /** Copies what is buffered, sets the id sequence and the checkpoint, commits. */
    @Override
    public void close() throws SQLException, IOException {
        flush();
        try (Statement s = db.createStatement()) {
            s.execute("select setval(pg_get_serial_sequence('epcis_event', 'id'), " + Math.max(1, nextId - 1) + ")");
            if (lastTx != null) {
                s.executeUpdate("update index_checkpoint set block_number = " + lastBlock + ", tx_id = '" + lastTx
                        + "', updated_at = now()");
            }
        }
        if (!db.getAutoCommit()) {
            db.commit();
        }
    }
}
