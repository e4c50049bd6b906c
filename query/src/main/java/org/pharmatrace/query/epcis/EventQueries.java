package org.pharmatrace.query.epcis;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.pharmatrace.query.access.Viewer;
import org.pharmatrace.query.index.QueryDatabase;

/**
 * Runs event queries against the index and streams the answers: a JDBC cursor (auto-commit off, a fetch size) hands
 * rows over a few hundred at a time and each is written before the next is read, so no answer is ever held whole.
 *
 * <p>A page is planned before it is written: in one read-only, repeatable-read transaction, a look-ahead over the
 * ordering keys finds the page's last event and whether another follows (so the {@code Link} header and its
 * nextPageToken can be sent before the body), then the page itself streams from the same snapshot.
 */
public final class EventQueries {

    /** Where a page goes: told the next page's token (or null) before the first event, then given the events. */
    public interface PageSink {

        /** Called once, before any event; the HTTP layer sets its headers here. */
        EventSink open(String nextPageToken, Instant tokenExpiry) throws IOException;
    }

    /** Takes the events of a page or a subscription round, in order. */
    public interface EventSink {

        void accept(IndexedEvent event) throws IOException;

        /** After the last event. */
        void close() throws IOException;
    }

    private final QueryDatabase database;
    private final PageTokens tokens;
    private final int fetchSize;
    private final Duration timeout;

    public EventQueries(QueryDatabase database, PageTokens tokens, int fetchSize, Duration timeout) {
        this.database = database;
        this.tokens = tokens;
        this.fetchSize = fetchSize;
        this.timeout = timeout;
    }

    public PageTokens tokens() {
        return tokens;
    }

    /**
     * Answers one page of a query for a viewer.
     *
     * @param perPage events per page at most
     * @param pageToken the nextPageToken of the previous page, or null for the first page
     */
    public void page(EventQuery query, Viewer viewer, int perPage, String pageToken, PageSink sink)
            throws IOException, SQLException {
        PageTokens.Cursor cursor = pageToken == null ? null : tokens.read(pageToken, viewer.id(), query.canonical());
        Integer remaining = cursor != null ? cursor.remaining() : query.eventCountLimit();
        int pageSize = remaining == null ? perPage : Math.min(perPage, remaining);
        try (Connection c = readOnlySnapshot()) {
            try {
                EventSelection selection = new EventSelection(query, viewer).after(cursor);
                if (cursor == null && query.maxEventCount() != null) {
                    long count = count(c, selection, query.maxEventCount() + 1);
                    if (count > query.maxEventCount()) {
                        throw QueryException.tooLarge("maxEventCount", "the query matches more than maxEventCount ("
                                + query.maxEventCount() + ") events");
                    }
                }
                String next = null;
                Instant expiry = null;
                if (pageSize > 0) {
                    List<long[]> keys = keys(c, selection.keys(pageSize - 1, 2), query.order());
                    boolean more = keys.size() == 2 && (remaining == null || remaining > pageSize);
                    if (more) {
                        long[] last = keys.get(0);
                        expiry = tokens.expiry();
                        next = tokens.issue(new PageTokens.Cursor(query.order() == EventQuery.Order.NONE ? null : last[0],
                                last[1], remaining == null ? null : remaining - pageSize), viewer.id(), query.canonical(),
                                expiry);
                    }
                }
                EventSink events = sink.open(next, expiry);
                if (pageSize > 0) {
                    stream(c, selection.events(pageSize), events);
                }
                events.close();
            } finally {
                c.rollback();
            }
        }
    }

    /**
     * Streams the events a subscription round looks at: index ids in (above, atMost], in index order, at most
     * {@code limit}; returns how many it gave.
     */
    public int newEvents(EventQuery query, Viewer viewer, long above, long atMost, int limit, EventSink sink)
            throws IOException, SQLException {
        try (Connection c = readOnlySnapshot()) {
            try {
                CountingSink counting = new CountingSink(sink);
                stream(c, new EventSelection(query, viewer).ids(above, atMost).events(limit), counting);
                return counting.count;
            } finally {
                c.rollback();
            }
        }
    }

    /** Every matching event (no paging): for reports and internal use. */
    public void all(EventQuery query, Viewer viewer, EventSink sink) throws IOException, SQLException {
        try (Connection c = readOnlySnapshot()) {
            try {
                stream(c, new EventSelection(query, viewer).events(null), sink);
                sink.close();
            } finally {
                c.rollback();
            }
        }
    }

    private Connection readOnlySnapshot() throws SQLException {
        Connection c = database.dataSource().getConnection();
        try {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            try (Statement s = c.createStatement()) {
                s.execute("set local statement_timeout = " + timeout.toMillis());
            }
            return c;
        } catch (SQLException e) {
            c.close();
            throw e;
        }
    }

    private long count(Connection c, EventSelection selection, int upTo) throws SQLException {
        EventSelection.Sql sql = selection.count(upTo);
        try (PreparedStatement ps = prepare(c, "select count(*) from (" + sql.text() + ") bounded", sql.params());
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw timeoutAsTooComplex(e);
        }
    }

    private List<long[]> keys(Connection c, EventSelection.Sql sql, EventQuery.Order order) throws SQLException {
        List<long[]> keys = new ArrayList<>(2);
        try (PreparedStatement ps = sql.prepare(c); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long key = order == EventQuery.Order.NONE ? rs.getLong(1)
                        : IndexedEvent.micros(rs.getObject(1, OffsetDateTime.class).toInstant());
                keys.add(new long[] {key, rs.getLong(2)});
            }
        } catch (SQLException e) {
            throw timeoutAsTooComplex(e);
        }
        return keys;
    }

    private void stream(Connection c, EventSelection.Sql sql, EventSink sink) throws SQLException, IOException {
        try (PreparedStatement ps = sql.prepare(c)) {
            ps.setFetchSize(fetchSize);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sink.accept(IndexedEvent.read(rs));
                }
            }
        } catch (SQLException e) {
            throw timeoutAsTooComplex(e);
        }
    }

    private static PreparedStatement prepare(Connection c, String text, List<Object> params) throws SQLException {
        return new EventSelection.Sql(text, params).prepare(c);
    }

    /** A statement cancelled by statement_timeout (SQLSTATE 57014) means the query was too costly. */
    private static SQLException timeoutAsTooComplex(SQLException e) {
        if ("57014".equals(e.getSQLState())) {
            throw QueryException.tooComplex("the query ran longer than the hub allows (hub.query.max-query-duration); "
                    + "narrow it (times, EPCs, business steps) or page through it");
        }
        return e;
    }

    private static final class CountingSink implements EventSink {
        private final EventSink delegate;
        private int count;

        CountingSink(EventSink delegate) {
            this.delegate = delegate;
        }

        @Override
        public void accept(IndexedEvent event) throws IOException {
            count++;
            delegate.accept(event);
        }

        @Override
        public void close() {
        }
    }
}
