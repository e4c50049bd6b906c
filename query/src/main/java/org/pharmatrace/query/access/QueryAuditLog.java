package org.pharmatrace.query.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.pharmatrace.query.index.QueryDatabase;

/**
 * The audit log of regulator queries: one row per query, written before any event leaves the hub (a query whose
 * audit row cannot be written is refused). Rows are chained: each row's hash covers the previous row's hash and its
 * own fields, so changing, removing or inserting a row breaks the chain from there on, which {@link #verify} finds.
 * In the database, a trigger refuses UPDATE, DELETE and TRUNCATE on the table; the chain is what still catches a
 * change made by someone able to disable the trigger.
 *
 * <p>The chain proves the log has not been altered up to its head. Removing the newest rows leaves a shorter,
 * consistent chain; {@link Verification#headHash()} is the value to keep outside the database (logged on every check)
 * to detect that too.
 */
public final class QueryAuditLog {

    /** The hash the first row chains to. */
    public static final String GENESIS = "0".repeat(64);

    /** Serialises writers: every row needs the previous one's hash. */
    private static final long LOCK_KEY = 0x7175657279617564L;

    /** One audit entry. */
    public record Entry(long seq, Instant at, String caller, String role, String method, String resource,
            String parameters, String prevHash, String rowHash) {
    }

    /** The result of checking the chain. */
    public record Verification(boolean valid, long rows, Long firstBrokenSeq, String problem, long headSeq,
            String headHash) {

        public Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("valid", valid);
            json.put("rows", rows);
            if (firstBrokenSeq != null) {
                json.put("firstBrokenSeq", firstBrokenSeq);
                json.put("problem", problem);
            }
            json.put("headSeq", headSeq);
            json.put("headHash", headHash);
            return json;
        }
    }

    private final QueryDatabase database;
    private final Clock clock;

    public QueryAuditLog(QueryDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Appends one entry and returns it. */
    public Entry record(String caller, String role, String method, String resource, String parameters)
            throws SQLException {
        try (Connection c = database.transaction()) {
            try {
                try (PreparedStatement lock = c.prepareStatement("select pg_advisory_xact_lock(?)")) {
                    lock.setLong(1, LOCK_KEY);
                    lock.executeQuery().close();
                }
                long seq = 1;
                String prev = GENESIS;
                try (Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("select seq, row_hash from query_audit order by seq desc limit 1")) {
                    if (rs.next()) {
                        seq = rs.getLong(1) + 1;
                        prev = rs.getString(2);
                    }
                }
                Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
                String hash = rowHash(prev, seq, at, caller, role, method, resource, parameters);
                try (PreparedStatement ps = c.prepareStatement("insert into query_audit (seq, at, caller, role, method, "
                        + "resource, parameters, prev_hash, row_hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    ps.setLong(1, seq);
                    ps.setObject(2, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
                    ps.setString(3, caller);
                    ps.setString(4, role);
                    ps.setString(5, method);
                    ps.setString(6, resource);
                    ps.setString(7, parameters);
                    ps.setString(8, prev);
                    ps.setString(9, hash);
                    ps.executeUpdate();
                }
                c.commit();
                return new Entry(seq, at, caller, role, method, resource, parameters, prev, hash);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** Streams the entries with seq in [from, from + limit), oldest first. */
    public void entries(long from, int limit, Consumer<Entry> sink) throws SQLException {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("select seq, at, caller, role, method, resource, parameters, "
                     + "prev_hash, row_hash from query_audit where seq >= ? order by seq limit ?")) {
            ps.setLong(1, from);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sink.accept(read(rs));
                }
            }
        }
    }

    /** Walks the whole chain (streaming) and says whether it holds, and where it breaks first. */
    public Verification verify() throws SQLException {
        try (Connection c = database.transaction()) {
            c.setReadOnly(true);
            try (PreparedStatement ps = c.prepareStatement("select seq, at, caller, role, method, resource, parameters, "
                    + "prev_hash, row_hash from query_audit order by seq")) {
                ps.setFetchSize(1000);
                long rows = 0;
                long expectedSeq = 1;
                String prev = GENESIS;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Entry e = read(rs);
                        rows++;
                        String problem = null;
                        if (e.seq() != expectedSeq) {
                            problem = "row " + expectedSeq + " is missing (the next row is " + e.seq() + ")";
                        } else if (!e.prevHash().equals(prev)) {
                            problem = "row " + e.seq() + " does not chain to the row before it";
                        } else if (!e.rowHash().equals(rowHash(e.prevHash(), e.seq(), e.at(), e.caller(), e.role(),
                                e.method(), e.resource(), e.parameters()))) {
                            problem = "row " + e.seq() + " was changed after it was written";
                        }
                        if (problem != null) {
                            c.rollback();
                            return new Verification(false, rows, Math.min(e.seq(), expectedSeq), problem,
                                    lastSeq(c), null);
                        }
                        prev = e.rowHash();
                        expectedSeq++;
                    }
                }
                c.rollback();
                return new Verification(true, rows, null, null, expectedSeq - 1, prev);
            }
        }
    }

    private static long lastSeq(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select coalesce(max(seq), 0) from query_audit")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Entry read(ResultSet rs) throws SQLException {
        return new Entry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9));
    }

    /** SHA-256 over the previous hash and the fields, each length-prefixed so no two rows can read alike. */
    static String rowHash(String prev, long seq, Instant at, String caller, String role, String method, String resource,
            String parameters) {
        StringBuilder s = new StringBuilder();
        for (String field : new String[] {prev, Long.toString(seq), DateTimeFormatter.ISO_INSTANT.format(at), caller,
                role, method, resource, parameters}) {
            s.append(field.length()).append(':').append(field).append('\n');
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
