package org.pharmatrace.query.subscription;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.pharmatrace.query.access.Viewer;
import org.pharmatrace.query.epcis.EventQuery;
import org.pharmatrace.query.epcis.QueryException;
import org.pharmatrace.query.index.QueryDatabase;
import org.springframework.scheduling.support.CronExpression;

/**
 * Webhook subscriptions to named queries (EPCIS 2.0 REST {@code /queries/{name}/subscriptions}): either
 * {@code stream: true} (every new matching event is pushed as the index takes it) or a {@code schedule} (the events
 * indexed since the last run, at the scheduled times; {@code reportIfEmpty} sends an empty document too). Delivery
 * is by {@link SubscriptionDispatcher}; what is delivered is cut to what the subscription's owner may see.
 */
public final class Subscriptions {

    /** A stored subscription. */
    public record Subscription(UUID id, String queryName, String owner, String ownerRole, String dest,
            String signatureToken, boolean stream, JsonNode schedule, boolean reportIfEmpty, Instant initialRecordTime,
            Instant createdAt, Instant lastNotifiedAt, long lastEventId, String lastEventHash, Instant nextRunAt,
            int failures, String lastError) {

        /** The cron expression of a scheduled subscription. */
        public CronExpression cron() {
            return Subscriptions.cron(schedule);
        }

        /** As the REST binding shows it (never with its signature token). */
        public Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("subscriptionID", id.toString());
            json.put("queryName", queryName);
            json.put("dest", dest);
            if (stream) {
                json.put("stream", true);
            } else {
                json.put("schedule", schedule);
            }
            json.put("reportIfEmpty", reportIfEmpty);
            if (initialRecordTime != null) {
                json.put("initialRecordTime", initialRecordTime.toString());
            }
            json.put("createdAt", createdAt.toString());
            if (lastNotifiedAt != null) {
                json.put("lastNotifiedAt", lastNotifiedAt.toString());
            }
            if (failures > 0) {
                json.put("failedDeliveries", failures);
                json.put("lastError", lastError);
            }
            return json;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SCHEDULE_FIELDS = List.of("second", "minute", "hour", "dayOfMonth", "month", "dayOfWeek");
    static final String COLUMNS = "id, query_name, owner, owner_role, dest, signature_token, stream, schedule::text, "
            + "report_if_empty, initial_record_time, created_at, last_notified_at, last_event_id, last_event_hash, "
            + "next_run_at, failures, last_error";

    private final QueryDatabase database;
    private final NamedQueries queries;
    private final List<Pattern> allowedDestinations;

    public Subscriptions(QueryDatabase database, NamedQueries queries, List<String> allowedDestinations) {
        this.database = database;
        this.queries = queries;
        this.allowedDestinations = allowedDestinations.stream().map(Pattern::compile).toList();
    }

    public Subscription create(Viewer owner, String queryName, JsonNode body) throws SQLException {
        queries.get(owner, queryName);
        if (body == null || !body.isObject()) {
            throw QueryException.subscriptionControls("the subscription must be a JSON object", null);
        }
        String dest = body.path("dest").asText(null);
        checkDestination(dest);
        boolean stream = body.path("stream").asBoolean(false);
        JsonNode schedule = body.get("schedule");
        if (stream == (schedule != null && !schedule.isNull())) {
            throw QueryException.subscriptionControls("a subscription has either \"stream\": true or a \"schedule\", "
                    + "not both and not neither", stream ? "schedule" : "stream");
        }
        Instant nextRun = null;
        if (!stream) {
            nextRun = cron(schedule).next(OffsetDateTime.now(ZoneOffset.UTC)).toInstant();
        }
        Instant initialRecordTime = null;
        if (body.hasNonNull("initialRecordTime")) {
            initialRecordTime = EventQuery.parseQueryTime(body.get("initialRecordTime").asText());
            if (initialRecordTime == null) {
                throw QueryException.subscriptionControls("initialRecordTime must be a date-time with an offset",
                        "initialRecordTime");
            }
        }
        String token = body.hasNonNull("signatureToken") ? body.get("signatureToken").asText() : null;
        boolean reportIfEmpty = body.path("reportIfEmpty").asBoolean(false);
        UUID id = UUID.randomUUID();
        try (Connection c = database.dataSource().getConnection()) {
            // Only events indexed from now on, or since initialRecordTime: the cursor starts just before them.
            long cursor;
            String cursorHash;
            try (PreparedStatement ps = c.prepareStatement(initialRecordTime == null
                    ? "select id, event_hash from epcis_event order by id desc limit 1"
                    : "select id, event_hash from epcis_event where id < coalesce((select min(id) from epcis_event "
                            + "where record_time >= ?), 9223372036854775807) order by id desc limit 1")) {
                if (initialRecordTime != null) {
                    ps.setObject(1, OffsetDateTime.ofInstant(initialRecordTime, ZoneOffset.UTC));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    cursor = rs.next() ? rs.getLong(1) : 0;
                    cursorHash = cursor == 0 ? null : rs.getString(2);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("insert into query_subscription (id, query_name, owner, "
                    + "owner_role, dest, signature_token, stream, schedule, report_if_empty, initial_record_time, "
                    + "last_event_id, last_event_hash, next_run_at) values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?)")) {
                ps.setObject(1, id);
                ps.setString(2, queryName);
                ps.setString(3, owner.id());
                ps.setString(4, owner.role().name());
                ps.setString(5, dest);
                ps.setString(6, token);
                ps.setBoolean(7, stream);
                ps.setString(8, schedule == null ? null : JSON.writeValueAsString(schedule));
                ps.setBoolean(9, reportIfEmpty);
                ps.setObject(10, initialRecordTime == null ? null : OffsetDateTime.ofInstant(initialRecordTime, ZoneOffset.UTC));
                ps.setLong(11, cursor);
                ps.setString(12, cursorHash);
                ps.setObject(13, nextRun == null ? null : OffsetDateTime.ofInstant(nextRun, ZoneOffset.UTC));
                ps.executeUpdate();
            } catch (IOException e) {
                throw QueryException.subscriptionControls("the schedule cannot be stored", "schedule");
            }
        }
        return get(owner, queryName, id.toString());
    }

    public List<Subscription> list(Viewer owner, String queryName) throws SQLException {
        queries.get(owner, queryName);
        return select("where query_name = ? and owner = ? order by created_at", queryName, owner.id());
    }

    public Subscription get(Viewer owner, String queryName, String id) throws SQLException {
        queries.get(owner, queryName);
        UUID uuid = uuid(id);
        List<Subscription> found = select("where id = ? and query_name = ? and owner = ?", uuid, queryName, owner.id());
        if (found.isEmpty()) {
            throw QueryException.noSuchName("no subscription " + id + " to query '" + queryName + "'");
        }
        return found.get(0);
    }

    public void delete(Viewer owner, String queryName, String id) throws SQLException {
        get(owner, queryName, id);
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("delete from query_subscription where id = ?")) {
            ps.setObject(1, uuid(id));
            ps.executeUpdate();
        }
    }

    /** Every subscription (for the dispatcher). */
    public List<Subscription> all() throws SQLException {
        return select("order by created_at");
    }

    private List<Subscription> select(String where, Object... params) throws SQLException {
        List<Subscription> all = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from query_subscription " + where)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    all.add(read(rs));
                }
            }
        }
        return all;
    }

    static Subscription read(ResultSet rs) throws SQLException {
        try {
            String schedule = rs.getString(8);
            return new Subscription(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                    rs.getString(5), rs.getString(6), rs.getBoolean(7), schedule == null ? null : JSON.readTree(schedule),
                    rs.getBoolean(9), instant(rs, 10), instant(rs, 11), instant(rs, 12), rs.getLong(13),
                    rs.getString(14), instant(rs, 15), rs.getInt(16), rs.getString(17));
        } catch (IOException e) {
            throw new SQLException("stored schedule is not JSON", e);
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private void checkDestination(String dest) {
        if (dest == null || dest.isBlank()) {
            throw QueryException.subscriptionControls("\"dest\" (the webhook URL) is required", "dest");
        }
        try {
            URI uri = new URI(dest);
            if (!uri.isAbsolute() || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
                    || uri.getHost() == null) {
                throw QueryException.subscriptionControls("\"dest\" must be an absolute http(s) URL", "dest");
            }
        } catch (URISyntaxException e) {
            throw QueryException.subscriptionControls("\"dest\" is not a URL: " + e.getMessage(), "dest");
        }
        if (allowedDestinations.stream().noneMatch(p -> p.matcher(dest).matches())) {
            throw QueryException.subscriptionControls("\"dest\" " + dest + " is not a destination this hub delivers to "
                    + "(hub.query.subscriptions.allowed-destinations)", "dest");
        }
    }

    /** An EPCIS schedule (second, minute, hour, dayOfMonth, month, dayOfWeek; cron syntax per field) as cron. */
    static CronExpression cron(JsonNode schedule) {
        if (schedule == null || !schedule.isObject()) {
            throw QueryException.subscriptionControls("\"schedule\" must be an object of second, minute, hour, "
                    + "dayOfMonth, month, dayOfWeek", "schedule");
        }
        schedule.fieldNames().forEachRemaining(f -> {
            if (!SCHEDULE_FIELDS.contains(f)) {
                throw QueryException.subscriptionControls("\"schedule\" has no field '" + f + "'", "schedule");
            }
        });
        StringBuilder cron = new StringBuilder();
        for (String field : SCHEDULE_FIELDS) {
            // Omitted fields run at every value, except the second (0): "hour 1, minute 5" is once a day at 01:05.
            String value = schedule.hasNonNull(field) ? schedule.get(field).asText().trim()
                    : field.equals("second") ? "0" : "*";
            cron.append(cron.length() == 0 ? "" : " ").append(value.isEmpty() ? "*" : value);
        }
        try {
            return CronExpression.parse(cron.toString());
        } catch (IllegalArgumentException e) {
            throw QueryException.subscriptionControls("\"schedule\" is not a valid schedule: " + e.getMessage(), "schedule");
        }
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw QueryException.noSuchName("no subscription " + id);
        }
    }

    /** A JSON object builder for tests and answers. */
    static ObjectNode object() {
        return JSON.createObjectNode();
    }
}
