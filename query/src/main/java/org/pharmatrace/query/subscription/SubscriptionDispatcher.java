package org.pharmatrace.query.subscription;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.pharmatrace.hub.partner.PartnerDirectory;
import org.pharmatrace.query.access.RegulatorLogins;
import org.pharmatrace.query.access.Viewer;
import org.pharmatrace.query.epcis.EventExport;
import org.pharmatrace.query.epcis.EventQueries;
import org.pharmatrace.query.epcis.EventQuery;
import org.pharmatrace.query.epcis.IndexedEvent;
import org.pharmatrace.query.index.IndexListener;
import org.pharmatrace.query.index.QueryDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Delivers subscriptions: woken by the indexer whenever it commits new events (and every poll interval for
 * schedules and retries), it runs each due subscription's query over the events indexed since its cursor, cut to
 * what the owner may see, and POSTs them to the webhook as EPCISQueryDocuments of at most {@code batchSize} events
 * (header {@code GS1-Signature}: hex HMAC-SHA256 of the body under the subscription's signatureToken, when it gave
 * one). The cursor advances only past what the webhook acknowledged (2xx); a failing webhook is retried with
 * exponential back-off, so nothing is skipped and nothing is sent twice unless an acknowledgement was lost.
 *
 * <p>One dispatcher per database: run the query side on one instance (as the capture side requires too).
 */
public final class SubscriptionDispatcher implements IndexListener, SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionDispatcher.class);

    private final QueryDatabase database;
    private final Subscriptions subscriptions;
    private final NamedQueries queries;
    private final EventQueries events;
    private final PartnerDirectory partners;
    private final RegulatorLogins regulators;
    private final int batchSize;
    private final Duration pollInterval;
    private final Duration requestTimeout;
    private final Duration maxBackoff;
    private final EventExport.EpcFormat epcFormat;
    private final HttpClient http;
    private final Semaphore wakeUp = new Semaphore(0);

    private volatile boolean running;
    private Thread thread;

    public SubscriptionDispatcher(QueryDatabase database, Subscriptions subscriptions, NamedQueries queries,
            EventQueries events, PartnerDirectory partners, RegulatorLogins regulators, int batchSize,
            Duration pollInterval, Duration requestTimeout, Duration maxBackoff, EventExport.EpcFormat epcFormat) {
        this.database = database;
        this.subscriptions = subscriptions;
        this.queries = queries;
        this.events = events;
        this.partners = partners;
        this.regulators = regulators;
        this.batchSize = batchSize;
        this.pollInterval = pollInterval;
        this.requestTimeout = requestTimeout;
        this.maxBackoff = maxBackoff;
        this.epcFormat = epcFormat;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public void eventsIndexed(long maxId) {
        wakeUp.release();
    }

    @Override
    public void indexRebuilt() {
        wakeUp.release();
    }

    /** One round over every subscription (the dispatcher thread's loop body; tests may call it). */
    public void deliverDue() {
        long maxId;
        try {
            maxId = maxIndexedId();
            for (Subscriptions.Subscription s : subscriptions.all()) {
                if (!running && thread != null) {
                    return;
                }
                if (s.nextRunAt() != null && s.nextRunAt().isAfter(Instant.now())) {
                    continue;
                }
                deliver(s, maxId);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warn("subscription round failed: {}", e.toString());
        }
    }

    private void deliver(Subscriptions.Subscription s, long maxId) throws SQLException {
        long cursor = s.lastEventId();
        if (cursor < 0) {
            // The index was rebuilt: the cursor is the Event Hash ID of the last event looked at, once indexed again.
            Optional<Long> id = idOf(s.lastEventHash());
            if (id.isEmpty()) {
                return;
            }
            cursor = id.get();
            reanchor(s, cursor);
        }
        if (s.stream() && cursor >= maxId) {
            return;
        }
        Optional<Viewer> owner = owner(s);
        Optional<NamedQueries.NamedQuery> named = queries.find(s.queryName());
        if (owner.isEmpty() || named.isEmpty()) {
            failed(s, "the subscription's owner " + s.owner() + " may no longer query", false);
            return;
        }
        EventQuery query = queries.compile(named.get());
        boolean delivered = false;
        try {
            while (true) {
                Batch batch = batch(query, owner.get(), s, cursor, maxId);
                if (batch.count == 0 && (delivered || s.stream() || !s.reportIfEmpty())) {
                    break;
                }
                post(s, batch.body);
                delivered = true;
                if (batch.count == 0) {
                    break;
                }
                cursor = batch.lastId;
                updateCursor(s, cursor, batch.lastHash, Instant.now());
                if (batch.count < batchSize) {
                    break;
                }
            }
        } catch (IOException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            failed(s, e.getMessage() == null ? e.toString() : e.getMessage(), true);
            return;
        }
        // Everything up to maxId was looked at: matched events are delivered, the rest are not for this query.
        String maxHash = maxId == 0 ? null : hashOf(maxId);
        succeeded(s, Math.max(cursor, maxId), maxHash, delivered);
    }

    private record Batch(int count, long lastId, String lastHash, byte[] body) {
    }

    private Batch batch(EventQuery query, Viewer owner, Subscriptions.Subscription s, long cursor, long maxId)
            throws IOException, SQLException {
        ByteArrayOutputStream body = new ByteArrayOutputStream(16_384);
        long[] last = {cursor};
        String[] lastHash = {null};
        int count;
        try (EventExport export = new EventExport(body, EventExport.Syntax.JSON_LD, epcFormat,
                EventExport.CbvFormat.NO_PREFERENCE, s.queryName(), s.id().toString())) {
            count = events.newEvents(query, owner, cursor, maxId, batchSize, new EventQueries.EventSink() {
                @Override
                public void accept(IndexedEvent event) {
                    export.write(event);
                    last[0] = event.id();
                    lastHash[0] = event.eventHash();
                }

                @Override
                public void close() {
                }
            });
        }
        return new Batch(count, last[0], lastHash[0], body.toByteArray());
    }

    private void post(Subscriptions.Subscription s, byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(s.dest()))
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .header("GS1-EPCIS-Version", "2.0.0")
                .header("GS1-CBV-Version", "2.0.0")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (s.signatureToken() != null) {
            request.header("GS1-Signature", sign(s.signatureToken(), body));
        }
        HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 != 2) {
            throw new IOException(s.dest() + " answered " + response.statusCode());
        }
    }

    /** Hex HMAC-SHA256 of the body under the subscriber's signature token. */
    public static String sign(String token, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private Optional<Viewer> owner(Subscriptions.Subscription s) {
        if (s.ownerRole().equals(Viewer.Role.REGULATOR.name())) {
            return regulators.regulators().stream().anyMatch(r -> r.id().equals(s.owner()))
                    ? Optional.of(Viewer.regulator(s.owner())) : Optional.empty();
        }
        return partners.byId(s.owner()).map(p -> Viewer.partner(p.id(), p.organisation()));
    }

    // ------------------------------------------------------------------ cursor bookkeeping

    private long maxIndexedId() throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select coalesce(max(id), 0) from epcis_event")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Optional<Long> idOf(String hash) throws SQLException {
        if (hash == null) {
            return Optional.of(0L);
        }
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("select id from epcis_event where event_hash = ?")) {
            ps.setString(1, hash);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    private String hashOf(long id) throws SQLException {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("select event_hash from epcis_event where id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private void updateCursor(Subscriptions.Subscription s, long id, String hash, Instant notified) throws SQLException {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("update query_subscription set last_event_id = ?, "
                     + "last_event_hash = ?, last_notified_at = coalesce(?, last_notified_at) where id = ? "
                     + "and last_event_id <> -1")) {
            ps.setLong(1, id);
            ps.setString(2, hash);
            ps.setObject(3, notified == null ? null : OffsetDateTime.ofInstant(notified, ZoneOffset.UTC));
            ps.setObject(4, s.id());
            ps.executeUpdate();
        }
    }

    private void reanchor(Subscriptions.Subscription s, long id) throws SQLException {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("update query_subscription set last_event_id = ? "
                     + "where id = ? and last_event_id = -1")) {
            ps.setLong(1, id);
            ps.setObject(2, s.id());
            ps.executeUpdate();
        }
    }

    private void succeeded(Subscriptions.Subscription s, long cursor, String hash, boolean delivered) throws SQLException {
        Instant next = s.stream() ? null : s.cron().next(OffsetDateTime.now(ZoneOffset.UTC)).toInstant();
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("update query_subscription set last_event_id = ?, "
                     + "last_event_hash = ?, failures = 0, last_error = null, next_run_at = ?, "
                     + "last_notified_at = case when ? then now() else last_notified_at end "
                     + "where id = ? and last_event_id <> -1")) {
            ps.setLong(1, cursor);
            ps.setString(2, hash);
            ps.setObject(3, next == null ? null : OffsetDateTime.ofInstant(next, ZoneOffset.UTC));
            ps.setBoolean(4, delivered);
            ps.setObject(5, s.id());
            ps.executeUpdate();
        }
    }

    private void failed(Subscriptions.Subscription s, String error, boolean retry) throws SQLException {
        int failures = s.failures() + 1;
        long backoff = Math.min(maxBackoff.toMillis(), 1000L << Math.min(failures, 20));
        LOG.warn("subscription {} to {}: delivery failed ({} in a row): {}", s.id(), s.dest(), failures, error);
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("update query_subscription set failures = ?, last_error = ?, "
                     + "next_run_at = ? where id = ?")) {
            ps.setInt(1, failures);
            ps.setString(2, error);
            ps.setObject(3, OffsetDateTime.ofInstant(Instant.now().plusMillis(retry ? backoff : maxBackoff.toMillis()),
                    ZoneOffset.UTC));
            ps.setObject(4, s.id());
            ps.executeUpdate();
        }
    }

    // ------------------------------------------------------------------ lifecycle

    @Override
    public void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(() -> {
            while (running) {
                try {
                    wakeUp.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                    wakeUp.drainPermits();
                } catch (InterruptedException e) {
                    return;
                }
                if (running) {
                    deliverDue();
                }
            }
        }, "query-subscriptions");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
