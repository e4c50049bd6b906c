package org.pharmatrace.query.epcis;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.pharmatrace.query.access.Viewer;

/**
 * The SQL of one page (or one subscription round) of an {@link EventQuery}: the query's predicates, what the viewer
 * may see, where the page starts (keyset: after the last event of the previous page), index id bounds, order, limit.
 */
public final class EventSelection {

    /** A statement and its parameters. */
    public record Sql(String text, List<Object> params) {

        public PreparedStatement prepare(Connection c) throws SQLException {
            PreparedStatement ps = c.prepareStatement(text);
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            return ps;
        }
    }

    private final EventQuery query;
    private final Viewer viewer;
    private PageTokens.Cursor after;
    private Long idAbove;
    private Long idAtMost;

    public EventSelection(EventQuery query, Viewer viewer) {
        this.query = query;
        this.viewer = viewer;
    }

    public EventSelection after(PageTokens.Cursor cursor) {
        this.after = cursor;
        return this;
    }

    /** Only events with index ids in (above, atMost]: what a subscription round looks at. */
    public EventSelection ids(long above, long atMost) {
        this.idAbove = above;
        this.idAtMost = atMost;
        return this;
    }

    /** The events themselves ({@link IndexedEvent#COLUMNS}), ordered, at most {@code limit} (null: all). */
    public Sql events(Integer limit) {
        return build(IndexedEvent.COLUMNS, true, limit, null);
    }

    /** The ordering key and id of the events from position {@code offset} on, at most {@code limit}. */
    public Sql keys(int offset, int limit) {
        return build(query.order().column + ", e.id", true, limit, offset);
    }

    /** 1 per matching event, at most {@code limit}: to count up to a bound. */
    public Sql count(int limit) {
        return build("1", false, limit, null);
    }

    private Sql build(String columns, boolean ordered, Integer limit, Integer offset) {
        StringBuilder sql = new StringBuilder("select ").append(columns).append(" from epcis_event e where true");
        List<Object> params = new ArrayList<>();
        for (EventQuery.Predicate p : query.predicates()) {
            sql.append("\n  and ").append(p.sql());
            params.addAll(p.params());
        }
        if (!viewer.seesEverything()) {
            sql.append("\n  and exists (select 1 from event_visibility v where v.organisation = ? and v.event_id = e.id)");
            params.add(viewer.organisation());
        }
        if (idAbove != null) {
            sql.append("\n  and e.id > ? and e.id <= ?");
            params.add(idAbove);
            params.add(idAtMost);
        }
        String direction = query.descending() ? "desc" : "asc";
        String comparison = query.descending() ? "<" : ">";
        if (after != null) {
            if (query.order() == EventQuery.Order.NONE) {
                sql.append("\n  and e.id > ?");
                params.add(after.id());
            } else {
                sql.append("\n  and (").append(query.order().column).append(", e.id) ").append(comparison).append(" (?, ?)");
                params.add(OffsetDateTime.ofInstant(IndexedEvent.fromMicros(after.orderKey()), ZoneOffset.UTC));
                params.add(after.id());
            }
        }
        if (ordered) {
            if (query.order() == EventQuery.Order.NONE) {
                sql.append("\norder by e.id");
            } else {
                sql.append("\norder by ").append(query.order().column).append(' ').append(direction)
                        .append(", e.id ").append(direction);
            }
        }
        if (offset != null) {
            sql.append(" offset ").append(offset);
        }
        if (limit != null) {
            sql.append(" limit ").append(limit);
        }
        return new Sql(sql.toString(), params);
    }
}
