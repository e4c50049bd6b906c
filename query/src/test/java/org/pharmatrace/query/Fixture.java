package org.pharmatrace.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.pharmatrace.epcis.model.EpcisEvent;

/**
 * What the shared test index holds, committed once on the in-memory ledger: the shared corpus (the GS1 US DSCSA
 * example as Acme's, the standard's XML and JSON-LD examples as another organisation's) and the {@link Lifecycle}.
 */
final class Fixture {

    static final String EXAMPLES_ORGANISATION = "Gs1ExamplesMSP";

    private static Fixture loaded;

    final List<InMemoryLedger.Transaction> dscsa = new ArrayList<>();
    final List<InMemoryLedger.Transaction> examples = new ArrayList<>();
    final List<InMemoryLedger.Transaction> lifecycle = new ArrayList<>();
    int corpusDocuments;
    int corpusEvents;

    static synchronized Fixture loaded(InMemoryLedger ledger, Runnable awaitIndexed) {
        if (loaded == null) {
            Fixture f = new Fixture();
            f.load(ledger);
            awaitIndexed.run();
            loaded = f;
        }
        return loaded;
    }

    private void load(InMemoryLedger ledger) {
        Path corpus = corpus();
        List<EpcisEvent> dscsaEvents = LedgerEvents.read(corpus.resolve("epcis/dscsa/GS1_US_Pharma_Example_2_2_1_1.xml"));
        dscsa.add(ledger.commit("AcmeMSP", dscsaEvents));
        corpusDocuments++;
        corpusEvents += dscsaEvents.size();
        for (String folder : List.of("epcis/gs1-examples/JSON", "epcis/gs1-examples/XML")) {
            for (Path document : documents(corpus.resolve(folder))) {
                List<EpcisEvent> events;
                try {
                    events = LedgerEvents.read(document);
                } catch (RuntimeException e) {
                    continue; // capture-job, master-data and deliberately odd examples carry no events to record
                }
                // What the hub captures reads back from its canonical JSON to the same Event Hash ID (the capture
                // path checks as much); the few examples whose extensions do not are left out.
                events = events.stream().filter(LedgerEvents::roundTrips).toList();
                if (events.isEmpty()) {
                    continue;
                }
                InMemoryLedger.Transaction tx = ledger.commit(EXAMPLES_ORGANISATION, events);
                examples.add(tx);
                corpusDocuments++;
                corpusEvents += tx.events().size();
            }
        }
        lifecycle.add(ledger.commit("AcmeMSP", Lifecycle.manufacturer()));
        lifecycle.add(ledger.commit("WholesalerMSP", Lifecycle.wholesaler()));
        lifecycle.add(ledger.commit("PharmacyMSP", Lifecycle.pharmacy()));
    }

    int totalEvents() {
        return corpusEvents + lifecycle.stream().mapToInt(t -> t.events().size()).sum();
    }

    static Path corpus() {
        String dir = System.getProperty("hub.corpus.dir");
        return dir != null ? Paths.get(dir) : Paths.get("../../shared/corpus");
    }

    private static List<Path> documents(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(p -> p.toString().endsWith(".xml") || p.toString().endsWith(".jsonld")
                    || p.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
