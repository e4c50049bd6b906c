package org.pharmatrace.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.pharmatrace.query.index.QueryDatabase;
import org.pharmatrace.query.ledger.LedgerRecord;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * GET /events/{eventID}/verification: the indexed event against its own Event Hash ID, its indexed rows against its
 * JSON, and the index against the ledger; rows altered in the database are found.
 */
class VerificationTest extends QueryIntegrationTest {

    @Autowired
    QueryDatabase database;

    @Test
    void anUntouchedEventIsVerifiedAgainstTheLedger() {
        Fixture f = fixture();
        InMemoryLedger.Transaction tx = f.lifecycle.get(0);
        String id = tx.events().get(3).eventHash();
        JsonNode report = verify(REGULATOR, id);
        assertThat(report.path("status").asText()).as(report.toString()).isEqualTo("verified");
        assertThat(report.path("verified").asBoolean()).isTrue();
        assertThat(report.path("index").path("transactionId").asText()).isEqualTo(tx.txId());
        assertThat(report.path("ledger").path("transactionId").asText()).isEqualTo(tx.txId());
        assertThat(report.path("checks")).hasSize(3).allMatch(c -> c.path("ok").asBoolean());
        assertThat(verify(ACME, id).path("status").asText()).as("the recorder may verify its own").isEqualTo("verified");
    }

    @Test
    void aBusinessStepChangedInTheDatabaseIsTampering() throws Exception {
        String id = fixture().lifecycle.get(1).events().get(2).eventHash();
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("update epcis_event set biz_step = ? where event_hash = ?")) {
            ps.setString(1, "urn:epcglobal:cbv:bizstep:destroying");
            ps.setString(2, id);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        try {
            JsonNode report = verify(REGULATOR, id);
            assertThat(report.path("status").asText()).isEqualTo("tampered");
            assertThat(report.toString()).contains("biz_step is 'urn:epcglobal:cbv:bizstep:destroying' in the index "
                    + "but 'urn:epcglobal:cbv:bizstep:shipping' in the event JSON");
        } finally {
            execute("update epcis_event set biz_step = 'urn:epcglobal:cbv:bizstep:shipping' where event_hash = '" + id + "'");
        }
        assertThat(verify(REGULATOR, id).path("status").asText()).isEqualTo("verified");
    }

    @Test
    void anEventJsonChangedInTheDatabaseNoLongerHashesToItsId() throws Exception {
        String id = fixture().lifecycle.get(2).events().get(1).eventHash();
        execute("update epcis_event set event_json = jsonb_set(event_json, '{disposition}', '\"sellable_accessible\"') "
                + "where event_hash = '" + id + "'");
        try {
            JsonNode report = verify(REGULATOR, id);
            assertThat(report.path("status").asText()).isEqualTo("tampered");
            JsonNode hashCheck = report.path("checks").get(0);
            assertThat(hashCheck.path("check").asText()).isEqualTo("eventHash");
            assertThat(hashCheck.path("ok").asBoolean()).isFalse();
            assertThat(hashCheck.path("detail").asText()).contains("the JSON was altered");
        } finally {
            execute("update epcis_event set event_json = jsonb_set(event_json, '{disposition}', '\"dispensed\"') "
                    + "where event_hash = '" + id + "'");
        }
        assertThat(verify(REGULATOR, id).path("status").asText()).isEqualTo("verified");
    }

    @Test
    void aRemovedIdentifierRowIsTampering() throws Exception {
        String id = fixture().lifecycle.get(2).events().get(1).eventHash();
        execute("create table test_saved_epc as select * from event_epc where event_id = "
                + "(select id from epcis_event where event_hash = '" + id + "') and role = 'e' and epc_key like '%S002'");
        execute("delete from event_epc where (event_id, role, epc_key) in (select event_id, role, epc_key from test_saved_epc)");
        try {
            JsonNode report = verify(REGULATOR, id);
            assertThat(report.path("status").asText()).isEqualTo("tampered");
            assertThat(report.toString()).contains("event_epc has 1 rows for 2 in the event JSON");
        } finally {
            execute("insert into event_epc select * from test_saved_epc");
            execute("drop table test_saved_epc");
        }
    }

    @Test
    void theLedgerDisagreeingOrNotKnowingTheEventIsReported() {
        InMemoryLedger.Transaction tx = fixture().lifecycle.get(1);
        var event = tx.events().get(0);
        ledger.override(event.eventHash(), new LedgerRecord(event.eventHash(), "f".repeat(64), event.recordTime(),
                "MalloryMSP", event.eventJson()));
        try {
            JsonNode report = verify(REGULATOR, event.eventHash());
            assertThat(report.path("status").asText()).isEqualTo("ledgerMismatch");
            assertThat(report.toString()).contains("recorded by MalloryMSP on the ledger, WholesalerMSP in the index");
        } finally {
            ledger.override(event.eventHash(), null);
        }
        ledger.hide(event.eventHash(), true);
        try {
            assertThat(verify(REGULATOR, event.eventHash()).path("status").asText()).isEqualTo("notOnLedger");
        } finally {
            ledger.hide(event.eventHash(), false);
        }
    }

    @Test
    void anEventTheCallerMayNotSeeCannotBeVerifiedByIt() {
        String dispensing = fixture().lifecycle.get(2).events().get(1).eventHash();
        HttpResponse<String> response = get(ACME, "/events/" + encode(dispensing) + "/verification");
        assertThat(response.statusCode()).isEqualTo(404);
    }

    private JsonNode verify(String credentials, String id) {
        HttpResponse<String> response = get(credentials, "/events/" + encode(id) + "/verification");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    private void execute(String sql) throws Exception {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
