package org.pharmatrace.query.index;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes index entries with JDBC batches, inside the caller's transaction: the event rows (with ids taken from the
 * table's sequence up front, so the child rows can name them), the child rows, and who may see each event.
 */
public final class EventIndexWriter {

    /** An entry as written, with the id the index gave it. */
    public record Written(long id, EventIndexEntry entry) {
    }

    private EventIndexWriter() {
    }

    /**
     * Writes the entries whose Event Hash ID is not in the index yet (the chaincode refuses duplicates, so a known
     * hash means the event is there already) and returns those it wrote, in order.
     */
    public static List<Written> write(Connection db, List<EventIndexEntry> entries) throws SQLException {
        if (entries.isEmpty()) {
            return List.of();
        }
        Set<String> known = knownHashes(db, entries);
        List<EventIndexEntry> fresh = new ArrayList<>(entries.size());
        Set<String> seen = new HashSet<>();
        for (EventIndexEntry e : entries) {
            if (!known.contains(e.source.eventHash()) && seen.add(e.source.eventHash())) {
                fresh.add(e);
            }
        }
        if (fresh.isEmpty()) {
            return List.of();
        }
        List<Long> ids = allocateIds(db, fresh.size());
        List<Written> written = new ArrayList<>(fresh.size());
        for (int i = 0; i < fresh.size(); i++) {
            written.add(new Written(ids.get(i), fresh.get(i)));
        }
        insertEvents(db, written);
        insertEpcs(db, written);
        insertClasses(db, written);
        insertBizTransactions(db, written);
        insertParties(db, written);
        insertFields(db, written);
        insertVisibility(db, written);
        return written;
    }

    private static Set<String> knownHashes(Connection db, List<EventIndexEntry> entries) throws SQLException {
        Set<String> known = new HashSet<>();
        String[] hashes = entries.stream().map(e -> e.source.eventHash()).toArray(String[]::new);
        try (PreparedStatement ps = db.prepareStatement("select event_hash from epcis_event where event_hash = any(?)")) {
            Array array = db.createArrayOf("text", hashes);
            ps.setArray(1, array);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    known.add(rs.getString(1));
                }
            }
        }
        return known;
    }

    private static List<Long> allocateIds(Connection db, int count) throws SQLException {
        List<Long> ids = new ArrayList<>(count);
        try (PreparedStatement ps = db.prepareStatement(
                "select nextval(pg_get_serial_sequence('epcis_event', 'id')) from generate_series(1, ?)")) {
            ps.setInt(1, count);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    private static void insertEvents(Connection db, List<Written> rows) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("""
                insert into epcis_event (id, event_hash, event_type, action, biz_step, disposition, read_point,
                    biz_location, event_time, event_time_zone_offset, record_time, recorded_by, tx_id, block_number,
                    event_json)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))""")) {
            for (Written w : rows) {
                EventIndexEntry e = w.entry();
                ps.setLong(1, w.id());
                ps.setString(2, e.source.eventHash());
                ps.setString(3, e.eventType);
                ps.setString(4, e.action);
                ps.setString(5, e.bizStep);
                ps.setString(6, e.disposition);
                ps.setString(7, e.readPoint);
                ps.setString(8, e.bizLocation);
                ps.setObject(9, timestamp(e.eventTime));
                ps.setString(10, e.eventTimeZoneOffset);
                ps.setObject(11, timestamp(e.source.recordTime()));
                ps.setString(12, e.source.recordedBy());
                ps.setString(13, e.source.transactionId());
                ps.setLong(14, e.source.blockNumber());
                ps.setString(15, e.source.eventJson());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void insertEpcs(Connection db, List<Written> rows) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(
                "insert into event_epc (event_id, role, epc, epc_urn, epc_key) values (?, cast(? as \"char\"), ?, ?, ?)")) {
            int n = 0;
            for (Written w : rows) {
                for (EventIndexEntry.Epc epc : w.entry().epcs) {
                    ps.setLong(1, w.id());
                    ps.setString(2, String.valueOf(epc.role()));
                    ps.setString(3, epc.epc());
                    ps.setString(4, epc.urn());
                    ps.setString(5, epc.key());
                    ps.addBatch();
                    n++;
                }
            }
            execute(ps, n);
        }
    }

    private static void insertClasses(Connection db, List<Written> rows) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("insert into event_epc_class (event_id, role, epc_class, "
                + "class_key, quantity, uom) values (?, cast(? as \"char\"), ?, ?, ?, ?)")) {
            int n = 0;
            for (Written w : rows) {
                for (EventIndexEntry.EpcClass c : w.entry().classes) {
                    ps.setLong(1, w.id());
                    ps.setString(2, String.valueOf(c.role()));
                    ps.setString(3, c.epcClass());
                    ps.setString(4, c.key());
                    ps.setBigDecimal(5, c.quantity());
                    ps.setString(6, c.uom());
                    ps.addBatch();
                    n++;
                }
            }
            execute(ps, n);
        }
    }

    private static void insertBizTransactions(Connection db, List<Written> rows) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(
                "insert into event_biz_transaction (event_id, type, value, value_key) values (?, ?, ?, ?)")) {
            int n = 0;
            for (Written w : rows) {
                for (EventIndexEntry.BizTx bt : w.entry().bizTransactions) {
                    ps.setLong(1, w.id());
                    ps.setString(2, bt.type());
                    ps.setString(3, bt.value());
                    ps.setString(4, bt.key());
                    ps.addBatch();
                    n++;
                }
            }
            execute(ps, n);
        }
    }

    private static void insertParties(Connection db, List<Written> rows) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("insert into event_source_destination (event_id, kind, type, "
                + "value, value_key, organisation) values (?, cast(? as \"char\"), ?, ?, ?, ?)")) {
            int n = 0;
            for (Written w : rows) {
                for (EventIndexEntry.Party p : w.entry().parties) {
                    ps.setLong(1, w.id());
                    ps.setString(2, String.valueOf(p.kind()));
                    ps.setString(3, p.type());
                    ps.setString(4, p.value());
                    ps.setString(5, p.key());
                    ps.setString(6, p.organisation());
                    ps.addBatch();
                    n++;
                }
            }
            execute(ps, n);
        }
    }

    private static void insertFields(Connection db, List<Written> rows) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("insert into event_field (event_id, scope, top, namespace, "
                + "name, value_text, value_numeric, value_time) values (?, cast(? as \"char\"), ?, ?, ?, ?, ?, ?)")) {
            int n = 0;
            for (Written w : rows) {
                for (EventIndexEntry.Field f : w.entry().fields) {
                    ps.setLong(1, w.id());
                    ps.setString(2, String.valueOf(f.scope()));
                    ps.setBoolean(3, f.top());
                    ps.setString(4, f.namespace());
                    ps.setString(5, f.name());
                    ps.setString(6, f.text());
                    ps.setBigDecimal(7, f.number());
                    if (f.time() == null) {
                        ps.setNull(8, Types.TIMESTAMP_WITH_TIMEZONE);
                    } else {
                        ps.setObject(8, timestamp(f.time()));
                    }
                    ps.addBatch();
                    n++;
                }
            }
            execute(ps, n);
        }
    }

    private static void insertVisibility(Connection db, List<Written> rows) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("insert into event_visibility (organisation, event_id, reason) "
                + "values (?, ?, cast(? as \"char\")) on conflict do nothing")) {
            for (Written w : rows) {
                ps.setString(1, w.entry().source.recordedBy());
                ps.setLong(2, w.id());
                ps.setString(3, "r");
                ps.addBatch();
                for (String organisation : w.entry().partyOrganisations) {
                    ps.setString(1, organisation);
                    ps.setLong(2, w.id());
                    ps.setString(3, "p");
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
    }

    private static void execute(PreparedStatement ps, int count) throws SQLException {
        if (count > 0) {
            ps.executeBatch();
        }
    }

    /**
     * A time as PostgreSQL keeps it: to the microsecond. Truncated here, because PostgreSQL would round the
     * nanoseconds of a Fabric transaction timestamp and the verification compares with the ledger's, truncated.
     */
    public static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null
                : OffsetDateTime.ofInstant(instant.truncatedTo(java.time.temporal.ChronoUnit.MICROS), ZoneOffset.UTC);
    }
}
