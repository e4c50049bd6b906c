package org.pharmatrace.query.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.pharmatrace.epcis.cbv.CbvVocabulary;
import org.pharmatrace.epcis.cbv.EpcisNamespaces;
import org.pharmatrace.gs1.CheckDigit;
import org.pharmatrace.query.epcis.QueryException;
import org.pharmatrace.query.index.Identifiers;
import org.pharmatrace.query.index.PartyDirectory;
import org.pharmatrace.query.index.QueryDatabase;

/**
 * The reach of a recall: every unit of one GTIN and lot (the serials commissioned with that lot in their ILMD),
 * where each was last seen and who holds it, and whether it was dispensed (when, where, by whom). Units are followed
 * into the containers they were packed in, so a pack shipped inside a case is where the case was last seen. Written
 * as it is computed, a few hundred units at a time: a lot of any size streams.
 */
public final class RecallReach {

    private static final int BATCH = 500;
    private static final JsonFactory JSON = new JsonFactory();
    private static final String DISPENSED = "urn:epcglobal:cbv:disp:dispensed";

    /**
     * The events touching each unit: its own, and its containers' while it was inside (nested containers too, their
     * periods intersected). {@code ?} is the array of unit keys (bound twice).
     */
    private static final String TOUCHING = """
            with recursive containment(unit, container, added, removed, depth) as (
                select x.epc_key, p.epc_key, e.event_time,
                       coalesce((select min(d.event_time) from epcis_event d
                                  join event_epc dp on dp.event_id = d.id and dp.role = 'p' and dp.epc_key = p.epc_key
                                 where d.event_type = 'AggregationEvent' and d.action = 'DELETE' and d.event_time >= e.event_time
                                   and (exists (select 1 from event_epc dc where dc.event_id = d.id and dc.role = 'c' and dc.epc_key = x.epc_key)
                                        or not exists (select 1 from event_epc dc where dc.event_id = d.id and dc.role = 'c'))),
                                'infinity'::timestamptz), 1
                  from event_epc x
                  join epcis_event e on e.id = x.event_id and e.event_type = 'AggregationEvent' and e.action = 'ADD'
                  join event_epc p on p.event_id = e.id and p.role = 'p'
                 where x.role = 'c' and x.epc_key = any(?)
                union all
                select k.unit, p.epc_key, greatest(k.added, e.event_time),
                       least(k.removed, coalesce((select min(d.event_time) from epcis_event d
                                  join event_epc dp on dp.event_id = d.id and dp.role = 'p' and dp.epc_key = p.epc_key
                                 where d.event_type = 'AggregationEvent' and d.action = 'DELETE' and d.event_time >= e.event_time
                                   and (exists (select 1 from event_epc dc where dc.event_id = d.id and dc.role = 'c' and dc.epc_key = k.container)
                                        or not exists (select 1 from event_epc dc where dc.event_id = d.id and dc.role = 'c'))),
                                'infinity'::timestamptz)), k.depth + 1
                  from containment k
                  join event_epc x on x.epc_key = k.container and x.role = 'c'
                  join epcis_event e on e.id = x.event_id and e.event_type = 'AggregationEvent' and e.action = 'ADD'
                                    and e.event_time <= k.removed
                  join event_epc p on p.event_id = e.id and p.role = 'p'
                 where k.depth < 4
            ),
            touching(unit, event_id, via) as (
                select x.epc_key, x.event_id, null::text from event_epc x where x.epc_key = any(?)
                union
                select k.unit, y.event_id, k.container from containment k
                  join event_epc y on y.epc_key = k.container
                  join epcis_event t on t.id = y.event_id and t.event_time between k.added and k.removed
                 where k.added <= k.removed
            )
            """;

    private final QueryDatabase database;
    private final PartyDirectory parties;

    public RecallReach(QueryDatabase database, PartyDirectory parties) {
        this.database = database;
        this.parties = parties;
    }

    /** Checks the request before anything is written. */
    public static void validate(String gtin, String lot) {
        if (gtin == null || !gtin.matches("\\d{14}") || !CheckDigit.isValid(gtin)) {
            throw QueryException.parameter("gtin", "gtin must be a GTIN-14 with a valid check digit, not '" + gtin + "'");
        }
        if (lot == null || lot.isBlank()) {
            throw QueryException.parameter("lot", "lot is required");
        }
    }

    public void write(String gtin, String lot, OutputStream out) throws SQLException, IOException {
        validate(gtin, lot);
        Summary summary = new Summary();
        try (Connection c = database.dataSource().getConnection();
             JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            try {
                json.writeStartObject();
                json.writeStringField("gtin", gtin);
                json.writeStringField("lot", lot);
                json.writeStringField("generatedAt", Instant.now().toString());
                json.writeArrayFieldStart("units");
                List<String> batch = new ArrayList<>(BATCH);
                try (PreparedStatement ps = c.prepareStatement("""
                        select distinct x.epc_key from event_field f
                          join event_epc x on x.event_id = f.event_id and x.role in ('e', 'c', 'o')
                         where f.namespace = ? and f.name = 'lotNumber' and f.scope = 'i' and f.value_text = ?
                           and x.epc_key like ?
                         order by 1""")) {
                    ps.setFetchSize(BATCH);
                    ps.setString(1, EpcisNamespaces.CBV_MASTER_DATA_ATTRIBUTES);
                    ps.setString(2, lot);
                    ps.setString(3, "https://id.gs1.org/01/" + gtin + "/21/%");
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            batch.add(rs.getString(1));
                            if (batch.size() == BATCH) {
                                writeUnits(c, batch, json, summary);
                                batch.clear();
                            }
                        }
                    }
                }
                writeUnits(c, batch, json, summary);
                json.writeEndArray();
                writeClassLevel(c, gtin, lot, json);
                summary.write(json);
                json.writeEndObject();
            } finally {
                c.rollback();
            }
        }
    }

    private void writeUnits(Connection c, List<String> units, JsonGenerator json, Summary summary)
            throws SQLException, IOException {
        if (units.isEmpty()) {
            return;
        }
        Map<String, String[]> last = new HashMap<>();
        query(c, TOUCHING + """
                select distinct on (t.unit) t.unit, e.event_hash, e.event_type, e.biz_step, e.disposition,
                       coalesce(e.biz_location, e.read_point), e.event_time, e.recorded_by, e.tx_id, e.block_number, t.via
                  from touching t join epcis_event e on e.id = t.event_id
                 order by t.unit, e.event_time desc, e.id desc""", units, rs -> last.put(rs.getString(1), row(rs, 11)));
        Map<String, String[]> location = new HashMap<>();
        query(c, TOUCHING + """
                select distinct on (t.unit) t.unit, coalesce(e.biz_location, e.read_point), e.event_time, e.event_hash
                  from touching t join epcis_event e on e.id = t.event_id
                 where coalesce(e.biz_location, e.read_point) is not null
                 order by t.unit, e.event_time desc, e.id desc""", units, rs -> location.put(rs.getString(1), row(rs, 4)));
        Map<String, String[]> owner = new HashMap<>();
        query(c, TOUCHING + """
                select distinct on (t.unit) t.unit, s.value, s.organisation, e.event_time, e.event_hash
                  from touching t join epcis_event e on e.id = t.event_id
                  join event_source_destination s on s.event_id = e.id and s.kind = 'd' and s.type = 'owning_party'
                 order by t.unit, e.event_time desc, e.id desc""", units, rs -> owner.put(rs.getString(1), row(rs, 5)));
        Map<String, String[]> dispensed = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select distinct on (x.epc_key) x.epc_key, e.event_hash, e.event_time, e.recorded_by,
                       coalesce(e.biz_location, e.read_point), e.tx_id, e.block_number
                  from event_epc x join epcis_event e on e.id = x.event_id
                 where x.epc_key = any(?) and e.disposition = ?
                 order by x.epc_key, e.event_time desc, e.id desc""")) {
            ps.setArray(1, c.createArrayOf("text", units.toArray()));
            ps.setString(2, DISPENSED);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    dispensed.put(rs.getString(1), row(rs, 7));
                }
            }
        }
        for (String unit : units) {
            writeUnit(unit, last.get(unit), location.get(unit), owner.get(unit), dispensed.get(unit), json, summary);
        }
        json.flush();
    }

    private void writeUnit(String unit, String[] last, String[] location, String[] owner, String[] dispensed,
            JsonGenerator json, Summary summary) throws IOException {
        json.writeStartObject();
        json.writeStringField("epc", unit);
        json.writeStringField("urn", Identifiers.urn(unit));
        String disposition = last == null || last[4] == null ? null : CbvVocabulary.DISPOSITION.toBareName(last[4]);
        json.writeStringField("status", dispensed != null ? "dispensed" : disposition);
        if (last != null) {
            json.writeObjectFieldStart("lastEvent");
            json.writeStringField("eventID", last[1]);
            json.writeStringField("type", last[2]);
            json.writeStringField("bizStep", last[3] == null ? null : CbvVocabulary.BIZ_STEP.toBareName(last[3]));
            json.writeStringField("disposition", disposition);
            json.writeStringField("eventTime", last[6]);
            json.writeStringField("via", last[10]);
            proof(json, last[7], last[8], last[9]);
            json.writeEndObject();
        }
        String place = location == null ? null : location[1];
        String holder = place == null ? (last == null ? null : last[7]) : parties.organisationOf(place).orElse(null);
        json.writeStringField("lastKnownLocation", place);
        json.writeStringField("locationOrganisation", holder);
        if (owner != null) {
            json.writeObjectFieldStart("owner");
            json.writeStringField("party", owner[1]);
            json.writeStringField("organisation", owner[2]);
            json.writeStringField("since", owner[3]);
            json.writeStringField("eventID", owner[4]);
            json.writeEndObject();
        } else {
            json.writeNullField("owner");
        }
        if (dispensed != null) {
            json.writeObjectFieldStart("dispensed");
            json.writeStringField("at", dispensed[2]);
            json.writeStringField("by", dispensed[3]);
            json.writeStringField("location", dispensed[4]);
            json.writeStringField("eventID", dispensed[1]);
            proof(json, dispensed[3], dispensed[5], dispensed[6]);
            json.writeEndObject();
        } else {
            json.writeNullField("dispensed");
        }
        json.writeEndObject();
        summary.add(dispensed != null, holder, place);
    }

    private static void proof(JsonGenerator json, String recordedBy, String txId, String block) throws IOException {
        json.writeObjectFieldStart("ledger");
        json.writeStringField("transactionId", txId);
        json.writeNumberField("blockNumber", Long.parseLong(block));
        json.writeStringField("recordedBy", recordedBy);
        json.writeEndObject();
    }

    /** Movements of the lot at class level (quantities of the LGTIN rather than serials). */
    private void writeClassLevel(Connection c, String gtin, String lot, JsonGenerator json) throws SQLException, IOException {
        json.writeArrayFieldStart("classLevelEvents");
        try (PreparedStatement ps = c.prepareStatement("""
                select e.event_hash, e.biz_step, e.event_time, q.quantity, q.uom, coalesce(e.biz_location, e.read_point),
                       e.recorded_by, e.tx_id, e.block_number
                  from event_epc_class q join epcis_event e on e.id = q.event_id
                 where q.class_key = ? order by e.event_time, e.id""")) {
            ps.setFetchSize(BATCH);
            ps.setString(1, Identifiers.key("https://id.gs1.org/01/" + gtin + "/10/" + lot));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    json.writeStartObject();
                    json.writeStringField("eventID", rs.getString(1));
                    json.writeStringField("bizStep", rs.getString(2) == null ? null : CbvVocabulary.BIZ_STEP.toBareName(rs.getString(2)));
                    json.writeStringField("eventTime", rs.getObject(3, OffsetDateTime.class).toInstant().toString());
                    if (rs.getBigDecimal(4) != null) {
                        json.writeNumberField("quantity", rs.getBigDecimal(4));
                    }
                    json.writeStringField("uom", rs.getString(5));
                    json.writeStringField("location", rs.getString(6));
                    proof(json, rs.getString(7), rs.getString(8), rs.getString(9));
                    json.writeEndObject();
                }
            }
        }
        json.writeEndArray();
    }

    private interface RowHandler {
        void row(ResultSet rs) throws SQLException;
    }

    private static void query(Connection c, String sql, List<String> units, RowHandler handler) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            java.sql.Array keys = c.createArrayOf("text", units.toArray());
            ps.setArray(1, keys);
            ps.setArray(2, keys);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    handler.row(rs);
                }
            }
        }
    }

    /** Columns 1..n as text (index 0 is column 1, the unit); times as ISO instants. */
    private static String[] row(ResultSet rs, int n) throws SQLException {
        String[] row = new String[n];
        for (int i = 1; i <= n; i++) {
            Object v = rs.getObject(i);
            row[i - 1] = v == null ? null
                    : v instanceof java.sql.Timestamp || v instanceof OffsetDateTime
                            ? rs.getObject(i, OffsetDateTime.class).toInstant().toString() : v.toString();
        }
        return row;
    }

    /** Counts while units stream, written at the end. */
    private static final class Summary {
        long units;
        long dispensed;
        final Map<String, Long> undispensedByOrganisation = new TreeMap<>();
        final Map<String, Long> undispensedByLocation = new TreeMap<>();

        void add(boolean wasDispensed, String organisation, String location) {
            units++;
            if (wasDispensed) {
                dispensed++;
            } else {
                undispensedByOrganisation.merge(organisation == null ? "unknown" : organisation, 1L, Long::sum);
                undispensedByLocation.merge(location == null ? "unknown" : location, 1L, Long::sum);
            }
        }

        void write(JsonGenerator json) throws IOException {
            json.writeObjectFieldStart("summary");
            json.writeNumberField("units", units);
            json.writeNumberField("dispensed", dispensed);
            json.writeNumberField("notDispensed", units - dispensed);
            json.writeObjectFieldStart("notDispensedByOrganisation");
            for (var e : undispensedByOrganisation.entrySet()) {
                json.writeNumberField(e.getKey(), e.getValue());
            }
            json.writeEndObject();
            json.writeObjectFieldStart("notDispensedByLocation");
            for (var e : undispensedByLocation.entrySet()) {
                json.writeNumberField(e.getKey(), e.getValue());
            }
            json.writeEndObject();
            json.writeEndObject();
        }
    }
}
