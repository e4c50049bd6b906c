package org.pharmatrace.query.subscription;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.pharmatrace.query.access.Viewer;
import org.pharmatrace.query.epcis.EventQuery;
import org.pharmatrace.query.epcis.QueryException;
import org.pharmatrace.query.epcis.QueryParameters;
import org.pharmatrace.query.index.QueryDatabase;

/**
 * Named queries (EPCIS 2.0 REST {@code /queries}): an EPCIS query object stored under a name, run on demand
 * ({@code /queries/{name}/events}) or by subscriptions. A query belongs to its creator, who alone sees, runs and
 * deletes it; names are unique in the hub.
 */
public final class NamedQueries {

    /** A stored query. */
    public record NamedQuery(String name, String owner, String ownerRole, JsonNode definition, Instant createdAt) {
    }

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._~-]{0,99}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final QueryDatabase database;
    private final Map<String, String> prefixes;

    public NamedQueries(QueryDatabase database, Map<String, String> prefixes) {
        this.database = database;
        this.prefixes = prefixes;
    }

    /** The query compiled, for running it. */
    public EventQuery compile(NamedQuery query) {
        return EventQuery.compile(QueryParameters.fromJson(query.definition()), prefixes);
    }

    public NamedQuery create(Viewer owner, String name, JsonNode definition) throws SQLException {
        if (name == null || !NAME.matcher(name).matches()) {
            throw QueryException.validation("a query name is 1 to 100 letters, digits, '.', '_', '~' or '-', "
                    + "starting with a letter or digit", "name");
        }
        // Refused now rather than when it runs: the definition must be a query this repository can answer.
        EventQuery.compile(QueryParameters.fromJson(definition), prefixes);
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("insert into named_query (name, owner, owner_role, definition) "
                     + "values (?, ?, ?, cast(? as jsonb)) on conflict (name) do nothing returning created_at")) {
            ps.setString(1, name);
            ps.setString(2, owner.id());
            ps.setString(3, owner.role().name());
            ps.setString(4, JSON.writeValueAsString(definition));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw QueryException.alreadyExists("a query named '" + name + "' exists already");
                }
                return new NamedQuery(name, owner.id(), owner.role().name(), definition,
                        rs.getObject(1, OffsetDateTime.class).toInstant());
            }
        } catch (IOException e) {
            throw QueryException.validation("the query cannot be stored: " + e.getMessage(), "query");
        }
    }

    /** The caller's own queries, by name. */
    public List<NamedQuery> list(Viewer owner) throws SQLException {
        List<NamedQuery> all = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("select name, owner, owner_role, definition::text, created_at "
                     + "from named_query where owner = ? order by name")) {
            ps.setString(1, owner.id());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    all.add(read(rs));
                }
            }
        }
        return all;
    }

    /** One of the caller's queries; another's is as unknown as a query that does not exist. */
    public NamedQuery get(Viewer owner, String name) throws SQLException {
        return find(name).filter(q -> q.owner().equals(owner.id()))
                .orElseThrow(() -> QueryException.noSuchName("no query named '" + name + "'"));
    }

    /** Any query, whoever's (for the subscription dispatcher). */
    public Optional<NamedQuery> find(String name) throws SQLException {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("select name, owner, owner_role, definition::text, created_at "
                     + "from named_query where name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    /** Deletes the caller's query and, with it, its subscriptions. */
    public void delete(Viewer owner, String name) throws SQLException {
        get(owner, name);
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("delete from named_query where name = ? and owner = ?")) {
            ps.setString(1, name);
            ps.setString(2, owner.id());
            ps.executeUpdate();
        }
    }

    private static NamedQuery read(ResultSet rs) throws SQLException {
        try {
            return new NamedQuery(rs.getString(1), rs.getString(2), rs.getString(3), JSON.readTree(rs.getString(4)),
                    rs.getObject(5, OffsetDateTime.class).toInstant());
        } catch (IOException e) {
            throw new SQLException("stored query " + rs.getString(1) + " is not JSON", e);
        }
    }
}
