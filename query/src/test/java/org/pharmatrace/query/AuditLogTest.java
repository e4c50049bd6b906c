package org.pharmatrace.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pharmatrace.query.access.QueryAuditLog;
import org.pharmatrace.query.index.QueryDatabase;
import org.springframework.beans.factory.annotation.Autowired;

/** Every regulator query lands in an append-only, hash-chained audit log whose tampering is detected. */
class AuditLogTest extends QueryIntegrationTest {

    @Autowired
    QueryDatabase database;

    @Autowired
    QueryAuditLog audit;

    @Test
    void regulatorQueriesAreRecordedBeforeTheyAreAnsweredAndPartnersAreNot() throws SQLException {
        fixture();
        long before = last().seq();
        assertThat(get(REGULATOR, "/events" + query("MATCH_epc", Lifecycle.pack(7), "EQ_bizStep", "shipping|receiving"))
                .statusCode()).isEqualTo(200);
        QueryAuditLog.Entry entry = last();
        assertThat(entry.seq()).isEqualTo(before + 1);
        assertThat(entry.caller()).isEqualTo("fda");
        assertThat(entry.role()).isEqualTo("REGULATOR");
        assertThat(entry.method()).isEqualTo("GET");
        assertThat(entry.resource()).isEqualTo("/events");
        assertThat(entry.parameters()).isEqualTo("MATCH_epc=" + Lifecycle.pack(7) + "&EQ_bizStep=shipping|receiving");

        get(REGULATOR, "/reports/custody/" + encode(Lifecycle.pack(7)));
        assertThat(last().resource()).isEqualTo("/reports/custody/" + Lifecycle.pack(7));
        get(REGULATOR, "/events?EQ_action=WRONG");
        assertThat(last().parameters()).as("refused queries are recorded too").isEqualTo("EQ_action=WRONG");

        long afterRegulator = last().seq();
        get(PHARMACY, "/events?perPage=1");
        get(OPERATOR, "/index");
        assertThat(last().seq()).isEqualTo(afterRegulator);
    }

    @Test
    void theTableRefusesUpdatesDeletesAndTruncation() {
        fixture();
        get(REGULATOR, "/events?perPage=1");
        for (String sql : List.of("update query_audit set caller = 'nobody'", "delete from query_audit",
                "truncate query_audit")) {
            assertThatThrownBy(() -> execute(sql)).isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        }
    }

    @Test
    void aRowChangedBehindTheTriggersBackBreaksTheChainThere() throws SQLException {
        fixture();
        for (int i = 0; i < 3; i++) {
            get(REGULATOR, "/events?perPage=1&EQ_bizStep=receiving");
        }
        JsonNode intact = json(get(OPERATOR, "/audit/verification"));
        assertThat(intact.path("valid").asBoolean()).as(intact.toString()).isTrue();
        long target = last().seq() - 1;
        asSuperuser("update query_audit set parameters = 'EQ_bizStep=shipping' where seq = " + target);
        try {
            JsonNode broken = json(get(REGULATOR, "/audit/verification"));
            assertThat(broken.path("valid").asBoolean()).isFalse();
            assertThat(broken.path("firstBrokenSeq").asLong()).isEqualTo(target);
            assertThat(broken.path("problem").asText()).contains("changed after it was written");
        } finally {
            asSuperuser("update query_audit set parameters = 'perPage=1&EQ_bizStep=receiving' where seq = " + target);
        }
        assertThat(json(get(OPERATOR, "/audit/verification")).path("valid").asBoolean()).isTrue();
    }

    @Test
    void aRowRemovedBehindTheTriggersBackBreaksTheChain() throws SQLException {
        fixture();
        for (int i = 0; i < 3; i++) {
            get(REGULATOR, "/events?perPage=1&EQ_bizStep=packing");
        }
        long target = last().seq() - 1;
        asSuperuser("create table test_saved_audit as select * from query_audit where seq = " + target);
        asSuperuser("delete from query_audit where seq = " + target);
        try {
            JsonNode broken = json(get(OPERATOR, "/audit/verification"));
            assertThat(broken.path("valid").asBoolean()).isFalse();
            assertThat(broken.path("firstBrokenSeq").asLong()).isEqualTo(target);
            assertThat(broken.path("problem").asText()).contains("missing");
        } finally {
            asSuperuser("insert into query_audit select * from test_saved_audit");
            asSuperuser("drop table test_saved_audit");
        }
        assertThat(json(get(OPERATOR, "/audit/verification")).path("valid").asBoolean()).isTrue();
    }

    @Test
    void theLogIsReadByRegulatorsAndOperatorsOnly() {
        fixture();
        get(REGULATOR, "/events?perPage=1");
        HttpResponse<String> entries = get(OPERATOR, "/audit?from=1&limit=5");
        assertThat(entries.statusCode()).isEqualTo(200);
        assertThat(json(entries).path("entries").get(0).path("prevHash").asText()).isEqualTo(QueryAuditLog.GENESIS);
        assertThat(get(ACME, "/audit").statusCode()).isEqualTo(403);
        assertThat(get(ACME, "/audit/verification").statusCode()).isEqualTo(403);
    }

    private QueryAuditLog.Entry last() throws SQLException {
        List<QueryAuditLog.Entry> all = new ArrayList<>();
        audit.entries(1, Integer.MAX_VALUE, all::add);
        return all.isEmpty() ? new QueryAuditLog.Entry(0, null, null, null, null, null, null, null, null)
                : all.get(all.size() - 1);
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** What only a database superuser can do: switch the append-only triggers off around one statement. */
    private void asSuperuser(String sql) throws SQLException {
        try (Connection c = superuser(); Statement s = c.createStatement()) {
            s.execute("alter table query_audit disable trigger user");
            try {
                s.execute(sql);
            } finally {
                s.execute("alter table query_audit enable trigger user");
            }
        }
    }
}
