package org.pharmatrace.query.epcis;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.pharmatrace.query.access.Viewer;
import org.pharmatrace.query.index.QueryDatabase;

/**
 * The values of the REST binding's top-level resources (business steps, locations, read points, dispositions,
 * EPCs) found in the events a viewer may see, in byte order, a page at a time. Each value is found with one index
 * probe (a "loose index scan": the next value after the last one), so listing costs the values listed, not the
 * events behind them.
 */
public final class ResourceLists {

    /** A top-level resource and where its values are. */
    public enum Resource {
        BIZ_STEPS("epcis_event", "biz_step", "id"),
        BIZ_LOCATIONS("epcis_event", "biz_location", "id"),
        READ_POINTS("epcis_event", "read_point", "id"),
        DISPOSITIONS("epcis_event", "disposition", "id"),
        EPCS("event_epc", "epc_key", "event_id");

        final String table;
        final String column;
        final String eventId;

        Resource(String table, String column, String eventId) {
            this.table = table;
            this.column = column;
            this.eventId = eventId;
        }
    }

    private final QueryDatabase database;

    public ResourceLists(QueryDatabase database) {
        this.database = database;
    }

    /** Up to {@code limit} values after {@code after} (null: from the first). */
    public List<String> values(Resource resource, Viewer viewer, String after, int limit) throws SQLException {
        String visible = viewer.seesEverything() ? ""
                : " and exists (select 1 from event_visibility v where v.organisation = ? and v.event_id = x."
                        + resource.eventId + ")";
        String next = "select x." + resource.column + " from " + resource.table + " x where x." + resource.column
                + " > %s" + visible + " order by x." + resource.column + " limit 1";
        String sql = "with recursive t(v) as ((" + String.format(next, "?") + ") union all select (" + String.format(next, "t.v")
                + ") from t where t.v is not null) select v from t where v is not null limit ?";
        List<String> values = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            ps.setString(i++, after == null ? "" : after);
            if (!viewer.seesEverything()) {
                ps.setString(i++, viewer.organisation());
                ps.setString(i++, viewer.organisation());
            }
            ps.setInt(i, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
        }
        return values;
    }

    /** Whether the value occurs in an event the viewer may see. */
    public boolean exists(Resource resource, Viewer viewer, String value) throws SQLException {
        String sql = "select 1 from " + resource.table + " x where x." + resource.column + " = ?"
                + (viewer.seesEverything() ? "" : " and exists (select 1 from event_visibility v where "
                + "v.organisation = ? and v.event_id = x." + resource.eventId + ")") + " limit 1";
        try (Connection c = database.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, value);
            if (!viewer.seesEverything()) {
                ps.setString(2, viewer.organisation());
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
