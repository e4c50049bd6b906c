package org.pharmatrace.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.pharmatrace.epcis.hash.EventHashGenerator;
import org.pharmatrace.query.index.EventIndexer;
import org.pharmatrace.query.index.EventJson;
import org.pharmatrace.query.index.PartyDirectory;
import org.pharmatrace.query.index.QueryDatabase;
import org.pharmatrace.query.ledger.LedgerPosition;
import org.springframework.beans.factory.annotation.Autowired;

/** The index is fed only by the ledger, takes every committed event exactly once, resumes, and can be rebuilt. */
class IndexerTest extends QueryIntegrationTest {

    @Autowired
    QueryDatabase database;

    @Test
    void everyCommittedEventOfTheCorpusIsIndexedOnce() throws SQLException {
        Fixture f = fixture();
        assertThat(f.corpusDocuments).as("documents of the shared corpus committed").isGreaterThan(50);
        Set<String> committed = new HashSet<>();
        ledger.transactions().forEach(tx -> tx.events().forEach(e -> committed.add(e.eventHash())));
        assertThat(scalar("select count(*) from epcis_event")).isEqualTo(committed.size());
        assertThat(scalar("select count(distinct event_hash) from epcis_event")).isEqualTo(committed.size());
        assertThat(scalar("select count(*) from ledger_transaction")).isEqualTo(ledger.transactions().size());
    }

    @Test
    void eachIndexedEventJsonHashesToItsEventHashId() throws SQLException {
        fixture();
        EventHashGenerator hashes = new EventHashGenerator();
        int checked = 0;
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select event_hash, event_json::text from epcis_event")) {
            while (rs.next()) {
                assertThat(hashes.eventHashId(EventJson.read(rs.getString(2)))).isEqualTo(rs.getString(1));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(80);
    }

    @Test
    void theDscsaEventsKeepTheirIdentifiersInBothFormsAndTheirLots() throws SQLException {
        fixture();
        assertThat(rows("select epc, epc_urn, epc_key from event_epc where epc = 'urn:epc:id:sgtin:030001.0012345.11'"))
                .contains(List.of("urn:epc:id:sgtin:030001.0012345.11", "urn:epc:id:sgtin:030001.0012345.11",
                        "https://id.gs1.org/01/00300010123455/21/11"));
        assertThat(rows("select distinct f.value_text from event_field f join epcis_event e on e.id = f.event_id "
                + "where f.scope = 'i' and f.name = 'lotNumber' and e.recorded_by = 'AcmeMSP' "
                + "and f.namespace = 'urn:epcglobal:cbv:mda' order by 1"))
                .containsExactly(List.of("A123"), List.of(Lifecycle.LOT), List.of(Lifecycle.OTHER_LOT));
        assertThat(rows("select type, value from event_biz_transaction b join epcis_event e on e.id = b.event_id "
                + "where e.biz_step = 'urn:epcglobal:cbv:bizstep:shipping' and e.recorded_by = 'AcmeMSP' order by 1, 2"))
                .contains(List.of("desadv", "urn:epcglobal:cbv:bt:0300011111215:DEL100"),
                        List.of("po", "urn:epcglobal:cbv:bt:0399999999991:XYZPO189"));
    }

    @Test
    void theOrganisationsOfSourceAndDestinationPartiesMaySeeTheEvent() throws SQLException {
        fixture();
        // The DSCSA shipment names the wholesaler's party and DC as its destination.
        assertThat(rows("select v.organisation, v.reason from event_visibility v join epcis_event e on e.id = v.event_id "
                + "where e.recorded_by = 'AcmeMSP' and e.biz_step = 'urn:epcglobal:cbv:bizstep:shipping' "
                + "and e.event_time < '2024-01-01' order by 1, 2"))
                .containsExactly(List.of("AcmeMSP", "p"), List.of("AcmeMSP", "r"), List.of("WholesalerMSP", "p"));
    }

    @Test
    void aTransactionDeliveredAgainIsSkipped() throws Exception {
        fixture();
        long before = scalar("select count(*) from epcis_event");
        InMemoryLedger.Transaction tx = ledger.transactions().get(0);
        indexer.accept(new LedgerPosition(tx.block(), tx.txId()), tx.events());
        assertThat(scalar("select count(*) from epcis_event")).isEqualTo(before);
    }

    @Test
    void aTransactionTheIndexCannotWriteLeavesNoRowAndIsIndexedOnceItCan() throws Exception {
        fixture();
        long before = scalar("select count(*) from epcis_event");
        try (Connection su = superuser(); Statement s = su.createStatement()) {
            s.execute("create function test_refuse() returns trigger language plpgsql as "
                    + "$$ begin raise exception 'disk full (test)'; end; $$");
            s.execute("create trigger test_refuse before insert on ledger_transaction "
                    + "for each row execute function test_refuse()");
        }
        try {
            InMemoryLedger.Transaction tx = ledger.commit("PharmacyMSP", List.of(Lifecycle.object(
                    "2024-03-01T10:00:00.000Z", org.pharmatrace.epcis.model.Action.OBSERVE, "inspecting", "active",
                    Lifecycle.PHARMACY_BACK_OFFICE, List.of(Lifecycle.scratchPack(3)))));
            Thread.sleep(1000); // several attempts, each rolled back whole
            assertThat(scalar("select count(*) from epcis_event")).isEqualTo(before);
            assertThat(scalar("select count(*) from epcis_event where event_hash = '" + tx.events().get(0).eventHash() + "'"))
                    .isZero();
            assertThat(indexer.checkpoint()).isNotEqualTo(ledger.head());
        } finally {
            try (Connection su = superuser(); Statement s = su.createStatement()) {
                s.execute("drop trigger test_refuse on ledger_transaction");
                s.execute("drop function test_refuse()");
            }
        }
        awaitIndexed();
        assertThat(scalar("select count(*) from epcis_event")).isEqualTo(before + 1);
    }

    @Test
    void afterARestartTheIndexerResumesFromItsCheckpoint() throws Exception {
        fixture();
        long before = scalar("select count(*) from epcis_event");
        indexer.stop();
        try {
            ledger.commit("PharmacyMSP", List.of(Lifecycle.object("2024-03-02T10:00:00.000Z",
                    org.pharmatrace.epcis.model.Action.OBSERVE, "inspecting", "active", Lifecycle.PHARMACY_BACK_OFFICE,
                    List.of(Lifecycle.scratchPack(4)))));
            ledger.failNextDelivery(new IllegalStateException("peer unavailable (test)"));
            Thread.sleep(300);
            assertThat(scalar("select count(*) from epcis_event")).isEqualTo(before);
        } finally {
            indexer.start();
        }
        awaitIndexed();
        assertThat(scalar("select count(*) from epcis_event")).isEqualTo(before + 1);
    }

    @Test
    void aRebuildReplaysTheLedgerFromBlockZeroToTheSameIndex() throws Exception {
        fixture();
        List<List<String>> before = snapshot();
        long maxIdBefore = scalar("select max(id) from epcis_event");
        indexer.rebuild();
        awaitIndexed();
        assertThat(snapshot()).isEqualTo(before);
        assertThat(scalar("select min(id) from epcis_event")).as("replayed rows are new rows").isGreaterThan(maxIdBefore);
    }

    @Test
    void partyVisibilityIsRecomputedWhenThePartyDirectoryChanges() throws Exception {
        fixture();
        String dsscaShipment = "select count(*) from event_visibility v join epcis_event e on e.id = v.event_id "
                + "where v.organisation = '%s' and e.recorded_by = 'AcmeMSP' and e.event_time < '2024-01-01'";
        assertThat(scalar(dsscaShipment.formatted("WholesalerMSP"))).isEqualTo(1);
        PartyDirectory moved = new PartyDirectory() {
            @Override
            public Optional<String> organisationOf(String party) {
                return party.contains("039999") ? Optional.of("NewOwnerMSP") : Optional.empty();
            }

            @Override
            public String fingerprint() {
                return "moved";
            }
        };
        EventIndexer other = new EventIndexer(database, moved, null, java.time.Duration.ofSeconds(1), false);
        other.refreshPartyVisibility();
        try {
            assertThat(scalar(dsscaShipment.formatted("WholesalerMSP"))).isZero();
            assertThat(scalar(dsscaShipment.formatted("NewOwnerMSP"))).isEqualTo(1);
            assertThat(scalar(dsscaShipment.formatted("AcmeMSP"))).as("the recorder keeps its own").isGreaterThan(0);
        } finally {
            indexer.refreshPartyVisibility();
        }
        assertThat(scalar(dsscaShipment.formatted("WholesalerMSP"))).isEqualTo(1);
    }

    @Nested
    class TheFeedContract {

        @Test
        void eventsMustCarryTheTransactionTheyAreDeliveredWith() {
            InMemoryLedger.Transaction tx = fixture().lifecycle.get(0);
            assertThatThrownBy(() -> indexer.accept(new LedgerPosition(tx.block() + 1000, "other"), tx.events()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("delivered as");
        }
    }

    private List<List<String>> snapshot() throws SQLException {
        return rows("select e.event_hash, e.tx_id, e.block_number::text, coalesce(e.biz_step, ''), e.event_time::text, "
                + "(select string_agg(x.role::text || x.epc_key, ',' order by x.role, x.epc_key) from event_epc x where x.event_id = e.id), "
                + "(select string_agg(v.organisation || v.reason::text, ',' order by v.organisation, v.reason) from event_visibility v "
                + "where v.event_id = e.id) from epcis_event e order by e.event_hash");
    }

    long scalar(String sql) throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    List<List<String>> rows(String sql) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

}
