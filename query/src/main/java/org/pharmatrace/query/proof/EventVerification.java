package org.pharmatrace.query.proof;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import org.pharmatrace.epcis.hash.EventHashGenerator;
import org.pharmatrace.query.access.Viewer;
import org.pharmatrace.query.epcis.QueryException;
import org.pharmatrace.query.index.EventIndexEntry;
import org.pharmatrace.query.index.EventJson;
import org.pharmatrace.query.index.PartyDirectory;
import org.pharmatrace.query.index.QueryDatabase;
import org.pharmatrace.query.ledger.CommittedEvent;
import org.pharmatrace.query.ledger.LedgerProof;
import org.pharmatrace.query.ledger.LedgerRecord;

/**
 * Checks an indexed event against itself and against the ledger:
 * <ol>
 *   <li>the Event Hash ID recomputed from the indexed event JSON equals the event's ID (the JSON was not altered);</li>
 *   <li>every indexed column and child row equals what the JSON gives (no row was altered to make queries lie);</li>
 *   <li>the ledger ({@link LedgerProof}, the chaincode's {@code getEvent}) holds an event under that ID, recorded in
 *       the same transaction, by the same organisation, at the same time, whose own JSON hashes to the same ID.</li>
 * </ol>
 * The block number is the index's (from the committed block the feed read); getEvent does not give it.
 */
public final class EventVerification {

    /** The outcome for one check. */
    public record Check(String check, boolean ok, String detail) {
    }

    /**
     * The whole outcome.
     *
     * @param status {@code verified}; {@code tampered} (the index disagrees with itself: an altered row);
     *        {@code ledgerMismatch} (the ledger holds something else); {@code notOnLedger}; {@code ledgerUnavailable}
     *        (the index is consistent but the ledger could not be asked)
     */
    public record Report(String eventId, String status, List<Check> checks, Map<String, Object> index,
            Map<String, Object> ledger) {

        public boolean verified() {
            return status.equals("verified");
        }
    }

    private final QueryDatabase database;
    private final PartyDirectory parties;
    private final LedgerProof ledger;
    private final EventHashGenerator hashes = new EventHashGenerator();

    /** @param ledger {@code null} when no ledger proof is configured */
    public EventVerification(QueryDatabase database, PartyDirectory parties, LedgerProof ledger) {
        this.database = database;
        this.parties = parties;
        this.ledger = ledger;
    }

    public Report verify(String eventId, Viewer viewer) throws SQLException {
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                return verify(c, eventId, viewer);
            } finally {
                c.rollback();
            }
        }
    }

    private Report verify(Connection c, String eventId, Viewer viewer) throws SQLException {
        Row row = row(c, eventId, viewer);
        if (row == null) {
            throw QueryException.noSuchResource("no event " + eventId + " that you may see");
        }
        List<Check> checks = new ArrayList<>();
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("transactionId", row.txId);
        index.put("blockNumber", row.blockNumber);
        index.put("recordedBy", row.recordedBy);
        index.put("recordTime", row.recordTime.toString());

        boolean consistent = true;
        EventIndexEntry derived = null;
        try {
            var event = EventJson.read(row.json);
            String recomputed = hashes.eventHashId(event);
            boolean same = recomputed.equals(row.hash);
            checks.add(new Check("eventHash", same, same ? "the event JSON hashes to its Event Hash ID"
                    : "the event JSON hashes to " + recomputed + ", not to its Event Hash ID: the JSON was altered"));
            consistent &= same;
            derived = EventIndexEntry.of(new CommittedEvent(row.hash, row.txId, row.blockNumber, row.recordedBy,
                    row.recordTime, row.json), event, parties);
        } catch (RuntimeException e) {
            checks.add(new Check("eventHash", false, "the indexed event JSON cannot be read: " + e.getMessage()));
            consistent = false;
        }
        if (derived != null) {
            List<String> differences = differences(c, row, derived);
            checks.add(new Check("indexRows", differences.isEmpty(), differences.isEmpty()
                    ? "every indexed field and row matches the event JSON"
                    : "the index differs from the event JSON: " + String.join("; ", differences)));
            consistent &= differences.isEmpty();
        }

        Map<String, Object> onLedger = null;
        String status;
        if (ledger == null) {
            checks.add(new Check("ledger", false, "no ledger proof is configured on this hub"));
            status = consistent ? "ledgerUnavailable" : "tampered";
        } else {
            Optional<LedgerRecord> record;
            try {
                record = ledger.recordedEvent(row.hash);
            } catch (Exception e) {
                checks.add(new Check("ledger", false, "the ledger could not be asked: " + e.getMessage()));
                return new Report(row.hash, consistent ? "ledgerUnavailable" : "tampered", checks, index, null);
            }
            if (record.isEmpty()) {
                checks.add(new Check("ledger", false, "the ledger holds no event " + row.hash));
                status = consistent ? "notOnLedger" : "tampered";
            } else {
                LedgerRecord r = record.get();
                onLedger = new LinkedHashMap<>();
                onLedger.put("transactionId", r.transactionId());
                onLedger.put("timestamp", r.timestamp().toString());
                onLedger.put("recordedBy", r.recordedBy());
                List<String> ledgerDifferences = ledgerDifferences(row, r);
                checks.add(new Check("ledger", ledgerDifferences.isEmpty(), ledgerDifferences.isEmpty()
                        ? "the ledger recorded this event in transaction " + r.transactionId() + " by " + r.recordedBy()
                        : "the ledger disagrees: " + String.join("; ", ledgerDifferences)));
                status = !consistent ? "tampered" : ledgerDifferences.isEmpty() ? "verified" : "ledgerMismatch";
            }
        }
        return new Report(row.hash, status, checks, index, onLedger);
    }

    private List<String> ledgerDifferences(Row row, LedgerRecord r) {
        List<String> differences = new ArrayList<>();
        if (!r.eventHash().equals(row.hash)) {
            differences.add("it answers for " + r.eventHash());
        }
        if (!r.transactionId().equals(row.txId)) {
            differences.add("transaction " + r.transactionId() + " on the ledger, " + row.txId + " in the index");
        }
        if (!r.recordedBy().equals(row.recordedBy)) {
            differences.add("recorded by " + r.recordedBy() + " on the ledger, " + row.recordedBy + " in the index");
        }
        if (!r.timestamp().truncatedTo(ChronoUnit.MICROS).equals(row.recordTime)) {
            differences.add("timestamp " + r.timestamp() + " on the ledger, " + row.recordTime + " in the index");
        }
        try {
            String ledgerHash = hashes.eventHashId(EventJson.read(r.eventJson()));
            if (!ledgerHash.equals(row.hash)) {
                differences.add("the ledger's event JSON hashes to " + ledgerHash);
            }
        } catch (RuntimeException e) {
            differences.add("the ledger's event JSON cannot be read: " + e.getMessage());
        }
        return differences;
    }

    // ------------------------------------------------------------------ the index row against its JSON

    private List<String> differences(Connection c, Row row, EventIndexEntry d) throws SQLException {
        List<String> differences = new ArrayList<>();
        compare(differences, "event_type", row.eventType, d.eventType);
        compare(differences, "action", row.action, d.action);
        compare(differences, "biz_step", row.bizStep, d.bizStep);
        compare(differences, "disposition", row.disposition, d.disposition);
        compare(differences, "read_point", row.readPoint, d.readPoint);
        compare(differences, "biz_location", row.bizLocation, d.bizLocation);
        compare(differences, "event_time", row.eventTime, d.eventTime.truncatedTo(ChronoUnit.MICROS));
        compare(differences, "event_time_zone_offset", row.offset, d.eventTimeZoneOffset);
        compareRows(differences, "event_epc", rows(c, "select role::text || '|' || epc || '|' || epc_key from event_epc "
                + "where event_id = ?", row.id), d.epcs, e -> e.role() + "|" + e.epc() + "|" + e.key());
        compareRows(differences, "event_epc_class", rows(c, "select role::text || '|' || class_key || '|' || "
                + "coalesce(quantity::text, '') || '|' || coalesce(uom, '') from event_epc_class where event_id = ?", row.id),
                d.classes, q -> q.role() + "|" + q.key() + "|" + (q.quantity() == null ? "" : q.quantity().toPlainString())
                        + "|" + (q.uom() == null ? "" : q.uom()));
        compareRows(differences, "event_biz_transaction", rows(c, "select type || '|' || value_key from "
                + "event_biz_transaction where event_id = ?", row.id), d.bizTransactions, b -> b.type() + "|" + b.key());
        compareRows(differences, "event_source_destination", rows(c, "select kind::text || '|' || type || '|' || value_key "
                + "from event_source_destination where event_id = ?", row.id), d.parties,
                p -> p.kind() + "|" + p.type() + "|" + p.key());
        compareRows(differences, "event_field", rows(c, "select scope::text || '|' || namespace || '|' || name || '|' || "
                + "coalesce(value_text, '') from event_field where event_id = ?", row.id), d.fields,
                f -> f.scope() + "|" + f.namespace() + "|" + f.name() + "|" + (f.text() == null ? "" : f.text()));
        List<String> recorder = rows(c, "select organisation from event_visibility where event_id = ? and reason = 'r'", row.id);
        if (!recorder.equals(List.of(row.recordedBy))) {
            differences.add("event_visibility names " + recorder + " as recorder, the ledger names " + row.recordedBy);
        }
        return differences;
    }

    private static void compare(List<String> differences, String column, Object indexed, Object derived) {
        if (!Objects.equals(indexed, derived)) {
            differences.add(column + " is '" + indexed + "' in the index but '" + derived + "' in the event JSON");
        }
    }

    private static <T> void compareRows(List<String> differences, String table, List<String> indexed, List<T> derived,
            Function<T, String> key) {
        TreeSet<String> a = new TreeSet<>(indexed);
        TreeSet<String> b = new TreeSet<>(derived.stream().map(key).toList());
        if (indexed.size() != derived.size() || !a.equals(b)) {
            TreeSet<String> extra = new TreeSet<>(a);
            extra.removeAll(b);
            TreeSet<String> missing = new TreeSet<>(b);
            missing.removeAll(a);
            differences.add(table + " has " + indexed.size() + " rows for " + derived.size() + " in the event JSON"
                    + (extra.isEmpty() ? "" : ", not in the JSON: " + extra)
                    + (missing.isEmpty() ? "" : ", missing: " + missing));
        }
    }

    private static List<String> rows(Connection c, String sql, long id) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
        }
        return rows;
    }

    private static Row row(Connection c, String eventId, Viewer viewer) throws SQLException {
        String sql = "select e.id, e.event_hash, e.event_type, e.action, e.biz_step, e.disposition, e.read_point, "
                + "e.biz_location, e.event_time, e.event_time_zone_offset, e.record_time, e.recorded_by, e.tx_id, "
                + "e.block_number, e.event_json::text from epcis_event e where e.event_hash = ?"
                + (viewer.seesEverything() ? "" : " and exists (select 1 from event_visibility v where v.organisation = ? "
                + "and v.event_id = e.id)");
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, eventId);
            if (!viewer.seesEverything()) {
                ps.setString(2, viewer.organisation());
            }
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                Row r = new Row();
                r.id = rs.getLong(1);
                r.hash = rs.getString(2);
                r.eventType = rs.getString(3);
                r.action = rs.getString(4);
                r.bizStep = rs.getString(5);
                r.disposition = rs.getString(6);
                r.readPoint = rs.getString(7);
                r.bizLocation = rs.getString(8);
                r.eventTime = rs.getObject(9, OffsetDateTime.class).toInstant();
                r.offset = rs.getString(10);
                r.recordTime = rs.getObject(11, OffsetDateTime.class).toInstant();
                r.recordedBy = rs.getString(12);
                r.txId = rs.getString(13);
                r.blockNumber = rs.getLong(14);
                r.json = rs.getString(15);
                return r;
            }
        }
    }

    private static final class Row {
        long id;
        String hash;
        String eventType;
        String action;
        String bizStep;
        String disposition;
        String readPoint;
        String bizLocation;
        Instant eventTime;
        String offset;
        Instant recordTime;
        String recordedBy;
        String txId;
        long blockNumber;
        String json;
    }
}
