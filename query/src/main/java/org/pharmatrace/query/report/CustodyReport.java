package org.pharmatrace.query.report;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pharmatrace.epcis.cbv.CbvVocabulary;
import org.pharmatrace.query.epcis.QueryException;
import org.pharmatrace.query.index.Identifiers;
import org.pharmatrace.query.index.PartyDirectory;
import org.pharmatrace.query.index.QueryDatabase;

/**
 * The chain of custody of one serialised item, for a regulator: every event that touched it, directly or through a
 * container it was packed in (an AggregationEvent ADD with it among the children, until the DELETE that took it out
 * again — cases in pallets too), every change of owner (the owning parties of sources and destinations) with the
 * business transactions that came with it, and where it stands now. Every event carries its ledger proof.
 */
public final class CustodyReport {

    private static final int MAX_NESTING = 6;

    /** A period during which the item travelled inside a container. */
    record Containment(String container, Instant from, Instant until, String viaEventId) {
    }

    private final QueryDatabase database;
    private final PartyDirectory parties;

    public CustodyReport(QueryDatabase database, PartyDirectory parties) {
        this.database = database;
        this.parties = parties;
    }

    public Map<String, Object> report(String epc) throws SQLException {
        String key = Identifiers.key(epc);
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            try {
                return report(c, epc, key);
            } finally {
                c.rollback();
            }
        }
    }

    private Map<String, Object> report(Connection c, String epc, String key) throws SQLException {
        List<Containment> containments = containments(c, key, Instant.MIN, Instant.MAX, 0, new ArrayList<>());
        // Events of the item itself, then of each container while it was inside.
        Map<Long, ReportEvent> events = new LinkedHashMap<>();
        for (ReportEvent e : ReportEvent.touching(c, List.of(key), null, null)) {
            e.via = null;
            events.putIfAbsent(e.id, e);
        }
        if (events.isEmpty()) {
            throw QueryException.noSuchResource("no event names " + epc);
        }
        for (Containment k : containments) {
            for (ReportEvent e : ReportEvent.touching(c, List.of(k.container()), k.from(), k.until())) {
                if (!events.containsKey(e.id)) {
                    e.via = k.container();
                    events.put(e.id, e);
                }
            }
        }
        List<ReportEvent> timeline = new ArrayList<>(events.values());
        timeline.sort(Comparator.comparing((ReportEvent e) -> e.eventTime).thenComparingLong(e -> e.id));
        ReportEvent.attachParties(c, timeline, parties);

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("epc", epc);
        report.put("canonicalEpc", key);
        report.put("urn", Identifiers.urn(epc));
        List<Map<String, Object>> containers = new ArrayList<>();
        for (Containment k : containments) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("container", k.container());
            m.put("from", k.from().toString());
            m.put("until", k.until().equals(Instant.MAX) ? null : k.until().toString());
            m.put("packedBy", k.viaEventId());
            containers.add(m);
        }
        report.put("containers", containers);
        report.put("owners", owners(timeline));
        report.put("transfers", transfers(timeline));
        report.put("current", current(timeline));
        report.put("events", timeline.stream().map(ReportEvent::toJson).toList());
        return report;
    }

    /**
     * The containers the item was in, with when: an ADD aggregation naming it as a child puts it in the parent until
     * a DELETE aggregation of that parent naming it (or naming no children: everything out). Containers of
     * containers count within the period both hold.
     */
    private List<Containment> containments(Connection c, String child, Instant from, Instant until, int depth,
            List<Containment> found) throws SQLException {
        if (depth >= MAX_NESTING) {
            return found;
        }
        String sql = """
                select p.epc_key, e.event_time, e.event_hash,
                       (select min(d.event_time) from epcis_event d
                          join event_epc dp on dp.event_id = d.id and dp.role = 'p' and dp.epc_key = p.epc_key
                         where d.event_type = 'AggregationEvent' and d.action = 'DELETE' and d.event_time >= e.event_time
                           and (exists (select 1 from event_epc dc where dc.event_id = d.id and dc.role = 'c' and dc.epc_key = ?)
                                or not exists (select 1 from event_epc dc where dc.event_id = d.id and dc.role = 'c')))
                  from event_epc x
                  join epcis_event e on e.id = x.event_id and e.event_type = 'AggregationEvent' and e.action = 'ADD'
                  join event_epc p on p.event_id = e.id and p.role = 'p'
                 where x.epc_key = ? and x.role = 'c'
                 order by e.event_time""";
        List<Containment> direct = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, child);
            ps.setString(2, child);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Instant added = rs.getObject(2, OffsetDateTime.class).toInstant();
                    OffsetDateTime removed = rs.getObject(4, OffsetDateTime.class);
                    Instant start = added.isAfter(from) ? added : from;
                    Instant end = removed == null ? until : (removed.toInstant().isBefore(until) ? removed.toInstant() : until);
                    if (!start.isAfter(end)) {
                        direct.add(new Containment(rs.getString(1), start, end, rs.getString(3)));
                    }
                }
            }
        }
        for (Containment k : direct) {
            found.add(k);
            containments(c, k.container(), k.from(), k.until(), depth + 1, found);
        }
        return found;
    }

    /** Who owned the item, in order: from the owning parties of sources and destinations. */
    private List<Map<String, Object>> owners(List<ReportEvent> timeline) {
        List<Map<String, Object>> owners = new ArrayList<>();
        String current = null;
        for (ReportEvent e : timeline) {
            String first = null;
            if (owners.isEmpty()) {
                first = e.firstParty('s', "owning_party");
            }
            if (first != null && !first.equals(current)) {
                owners.add(owner(first, e, "source of " + e.bizStepName()));
                current = first;
            }
            String to = e.firstParty('d', "owning_party");
            if (to != null && !to.equals(current)) {
                owners.add(owner(to, e, "destination of " + e.bizStepName()));
                current = to;
            }
        }
        if (owners.isEmpty() && !timeline.isEmpty()) {
            // No transfer on record: the organisation that commissioned it (or first recorded it) holds it.
            ReportEvent first = timeline.get(0);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("party", null);
            m.put("organisation", first.recordedBy);
            m.put("since", first.eventTime.toString());
            m.put("eventID", first.hash);
            m.put("basis", "recorder of the first event");
            owners.add(m);
        }
        return owners;
    }

    private Map<String, Object> owner(String party, ReportEvent e, String basis) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("party", party);
        m.put("organisation", parties.organisationOf(party).orElse(null));
        m.put("since", e.eventTime.toString());
        m.put("eventID", e.hash);
        m.put("basis", basis);
        return m;
    }

    private List<Map<String, Object>> transfers(List<ReportEvent> timeline) {
        List<Map<String, Object>> transfers = new ArrayList<>();
        for (ReportEvent e : timeline) {
            if (e.parties.isEmpty()) {
                continue;
            }
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("eventID", e.hash);
            t.put("eventTime", e.eventTime.toString());
            t.put("bizStep", e.bizStepName());
            t.put("from", e.partiesJson('s'));
            t.put("to", e.partiesJson('d'));
            t.put("bizTransactions", e.bizTransactions);
            t.put("via", e.via);
            t.put("ledger", e.proof());
            transfers.add(t);
        }
        return transfers;
    }

    private Map<String, Object> current(List<ReportEvent> timeline) {
        Map<String, Object> current = new LinkedHashMap<>();
        ReportEvent last = timeline.get(timeline.size() - 1);
        String disposition = null;
        String location = null;
        for (ReportEvent e : timeline) {
            if (e.disposition != null) {
                disposition = CbvVocabulary.DISPOSITION.toBareName(e.disposition);
            }
            if (e.bizLocation != null) {
                location = e.bizLocation;
            }
        }
        current.put("disposition", disposition);
        current.put("bizLocation", location);
        current.put("locationOrganisation", location == null ? null : parties.organisationOf(location).orElse(null));
        current.put("lastEventID", last.hash);
        current.put("lastEventTime", last.eventTime.toString());
        current.put("dispensed", "dispensed".equals(disposition));
        return current;
    }

    /** An event in a report, with what reports show of it. */
    static final class ReportEvent {
        long id;
        String hash;
        String type;
        String action;
        String bizStep;
        String disposition;
        String readPoint;
        String bizLocation;
        Instant eventTime;
        Instant recordTime;
        String recordedBy;
        String txId;
        long block;
        String via;
        final List<String[]> parties = new ArrayList<>();
        final List<Map<String, Object>> bizTransactions = new ArrayList<>();

        static final String COLUMNS = "e.id, e.event_hash, e.event_type, e.action, e.biz_step, e.disposition, "
                + "e.read_point, e.biz_location, e.event_time, e.record_time, e.recorded_by, e.tx_id, e.block_number";

        static ReportEvent read(ResultSet rs) throws SQLException {
            ReportEvent e = new ReportEvent();
            e.id = rs.getLong(1);
            e.hash = rs.getString(2);
            e.type = rs.getString(3);
            e.action = rs.getString(4);
            e.bizStep = rs.getString(5);
            e.disposition = rs.getString(6);
            e.readPoint = rs.getString(7);
            e.bizLocation = rs.getString(8);
            e.eventTime = rs.getObject(9, OffsetDateTime.class).toInstant();
            e.recordTime = rs.getObject(10, OffsetDateTime.class).toInstant();
            e.recordedBy = rs.getString(11);
            e.txId = rs.getString(12);
            e.block = rs.getLong(13);
            return e;
        }

        /** Events naming any of these identifiers in any role, optionally within [from, until]. */
        static List<ReportEvent> touching(Connection c, List<String> keys, Instant from, Instant until)
                throws SQLException {
            String sql = "select " + COLUMNS + " from epcis_event e where e.id in (select x.event_id from event_epc x "
                    + "where x.epc_key = any(?))" + (from == null ? "" : " and e.event_time >= ? and e.event_time <= ?")
                    + " order by e.event_time, e.id";
            List<ReportEvent> events = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setArray(1, c.createArrayOf("text", keys.toArray()));
                if (from != null) {
                    ps.setObject(2, bound(from));
                    ps.setObject(3, bound(until));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        events.add(read(rs));
                    }
                }
            }
            return events;
        }

        private static OffsetDateTime bound(Instant t) {
            if (t.equals(Instant.MIN)) {
                return OffsetDateTime.of(1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
            }
            if (t.equals(Instant.MAX)) {
                return OffsetDateTime.of(9999, 12, 31, 0, 0, 0, 0, ZoneOffset.UTC);
            }
            return OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
        }

        /** Loads the sources, destinations and business transactions of these events. */
        static void attachParties(Connection c, List<ReportEvent> events, PartyDirectory directory) throws SQLException {
            if (events.isEmpty()) {
                return;
            }
            Map<Long, ReportEvent> byId = new HashMap<>();
            events.forEach(e -> byId.put(e.id, e));
            Array ids = c.createArrayOf("bigint", byId.keySet().toArray());
            try (PreparedStatement ps = c.prepareStatement("select event_id, kind::text, type, value, organisation "
                    + "from event_source_destination where event_id = any(?)")) {
                ps.setArray(1, ids);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        byId.get(rs.getLong(1)).parties.add(new String[] {rs.getString(2), rs.getString(3),
                                rs.getString(4), rs.getString(5)});
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("select event_id, type, value from event_biz_transaction "
                    + "where event_id = any(?)")) {
                ps.setArray(1, ids);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Map<String, Object> bt = new LinkedHashMap<>();
                        bt.put("type", rs.getString(2).isEmpty() ? null : rs.getString(2));
                        bt.put("id", rs.getString(3));
                        byId.get(rs.getLong(1)).bizTransactions.add(bt);
                    }
                }
            }
        }

        String firstParty(char kind, String type) {
            return parties.stream().filter(p -> p[0].charAt(0) == kind && p[1].equals(type)).map(p -> p[2]).findFirst()
                    .orElse(null);
        }

        List<Map<String, Object>> partiesJson(char kind) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (String[] p : parties) {
                if (p[0].charAt(0) == kind) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("type", p[1]);
                    m.put("id", p[2]);
                    m.put("organisation", p[3]);
                    list.add(m);
                }
            }
            return list;
        }

        String bizStepName() {
            return bizStep == null ? null : CbvVocabulary.BIZ_STEP.toBareName(bizStep);
        }

        Map<String, Object> proof() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("transactionId", txId);
            m.put("blockNumber", block);
            m.put("recordedBy", recordedBy);
            return m;
        }

        Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("eventID", hash);
            m.put("type", type);
            m.put("action", action);
            m.put("eventTime", eventTime.toString());
            m.put("recordTime", recordTime.toString());
            m.put("bizStep", bizStepName());
            m.put("disposition", disposition == null ? null : CbvVocabulary.DISPOSITION.toBareName(disposition));
            m.put("readPoint", readPoint);
            m.put("bizLocation", bizLocation);
            m.put("via", via);
            if (!parties.isEmpty()) {
                m.put("sources", partiesJson('s'));
                m.put("destinations", partiesJson('d'));
            }
            if (!bizTransactions.isEmpty()) {
                m.put("bizTransactions", bizTransactions);
            }
            m.put("ledger", proof());
            return m;
        }
    }
}
