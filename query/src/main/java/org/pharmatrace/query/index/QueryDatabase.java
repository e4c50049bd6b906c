package org.pharmatrace.query.index;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The index database, migrated to the module's schema ({@code db/query/V*.sql}, history table
 * {@code query_schema_history}) before anything uses it.
 */
public final class QueryDatabase {

    private final DataSource dataSource;

    /** Migrates the database with {@code flyway} (see {@link #flyway}) before anything uses it. */
    public QueryDatabase(DataSource dataSource, Flyway flyway) {
        flyway.migrate();
        this.dataSource = dataSource;
    }

    /** The module's migrations: {@code classpath:db/query}, history in {@code query_schema_history}. */
    public static Flyway flyway(DataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/query")
                .table("query_schema_history")
                .load();
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** A connection in a transaction of its own (auto-commit off); the caller commits. */
    public Connection transaction() throws SQLException {
        Connection c = dataSource.getConnection();
        try {
            c.setAutoCommit(false);
            return c;
        } catch (SQLException e) {
            c.close();
            throw e;
        }
    }
}
