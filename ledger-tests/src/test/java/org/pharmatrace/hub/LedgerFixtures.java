package org.pharmatrace.hub;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.pharmatrace.connectors.fabric.LedgerGateway;
import org.pharmatrace.epcis.formats.EpcisReaders;
import org.pharmatrace.epcis.hash.EventHashGenerator;
import org.pharmatrace.epcis.io.EpcisEventReader;
import org.pharmatrace.epcis.model.EpcisEvent;
import org.pharmatrace.hub.ingest.CanonicalEventRecords;

/** The registries the tests' documents need, and batches as the ledger submitter builds them. */
final class LedgerFixtures {

    /** Company prefixes and parties of the corpus documents, registered once by the regulator. */
    private static boolean registered;

    private LedgerFixtures() {
    }

    static synchronized void registerCorpusParties() {
        if (registered) {
            return;
        }
        try (LedgerGateway regulator = FabricTestNetwork.gateway(FabricTestNetwork.REGULATOR)) {
            var contract = regulator.contract(FabricTestNetwork.REGULATOR);
            for (String[] prefix : new String[][] {{"030001", FabricTestNetwork.MANUFACTURER},
                    {"0614141", FabricTestNetwork.MANUFACTURER}, {"039999", FabricTestNetwork.DISTRIBUTOR},
                    {"0355555", FabricTestNetwork.PHARMACY}}) {
                contract.submitTransaction("registerCompanyPrefix", prefix);
            }
            contract.submitTransaction("registerParty", "urn:epc:id:sgln:039999.999999.0", FabricTestNetwork.DISTRIBUTOR);
            contract.submitTransaction("registerParty", "urn:epc:id:pgln:0355555.00000", FabricTestNetwork.PHARMACY);
        } catch (Exception e) {
            throw new IllegalStateException("the regulator could not register the corpus parties", e);
        }
        registered = true;
    }

    /** A document's events as canonical records: eventID = Event Hash ID, one JSON-LD object each. */
    record Batch(List<String> hashes, String document) {
    }

    static Batch batch(String epcisDocument) {
        CanonicalEventRecords records = new CanonicalEventRecords(new HubProperties(null, null,
                new HubProperties.Ingest("organisation"), null, null, null, List.of(), List.of()));
        EventHashGenerator hashes = new EventHashGenerator();
        List<String> ids = new ArrayList<>();
        List<String> jsons = new ArrayList<>();
        try (EpcisEventReader reader = EpcisReaders.open(
                new ByteArrayInputStream(epcisDocument.getBytes(StandardCharsets.UTF_8)))) {
            while (reader.hasNext()) {
                EpcisEvent event = reader.next();
                String hash = hashes.eventHashId(event);
                event.setEventId(hash);
                ids.add(hash);
                jsons.add(records.eventJson(event));
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return new Batch(ids, CanonicalEventRecords.batchDocument(jsons, "2026-11-21T00:00:00Z"));
    }
}
