package org.pharmatrace.benchmark;

import io.openepcis.epc.eventhash.EventHashGenerator;
import io.smallrye.mutiny.Multi;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The yardstick: OpenEPCIS's event hash generator over the same XML document. Its {@code fromXml} parses with SAX
 * and emits one hash per event through a Mutiny {@code Multi}; we subscribe with unbounded demand and consume each
 * hash as it comes, which is the cheapest way to drive it (no list of results is kept). The only class in the hub
 * that touches OpenEPCIS.
 */
final class OpenEpcisWorkload implements Workload {

    static final String ALGORITHM = "sha-256";

    @Override
    public String name() {
        return "openepcis";
    }

    @Override
    public String description() {
        return "OpenEPCIS " + version() + " EventHashGenerator.fromXml(in, \"sha-256\"), CBV 2.0, Multi consumed as emitted";
    }

    @Override
    public Outcome run(Path document) throws Exception {
        long[] counts = new long[2];
        try (InputStream in = Workload.open(document)) {
            consume(new EventHashGenerator().fromXml(in, ALGORITHM), hash -> {
                counts[0]++;
                counts[1] += hash.hashCode();
            });
        }
        return new Outcome(counts[0], counts[1], "");
    }

    /** Every Event Hash ID of a (small) document, in document order. */
    static List<String> hashes(Path document) throws Exception {
        List<String> hashes = new ArrayList<>();
        try (InputStream in = Workload.open(document)) {
            consume(new EventHashGenerator().fromXml(in, ALGORITHM), hashes::add);
        }
        return hashes;
    }

    /** The pre-hash strings of a (small) document, to show where a disagreeing hash comes from. */
    static List<String> preHashes(Path document) throws Exception {
        List<String> preHashes = new ArrayList<>();
        try (InputStream in = Workload.open(document)) {
            Multi<Map<String, String>> maps = new EventHashGenerator().fromXml(in, "prehash", ALGORITHM);
            consume(maps, map -> preHashes.add(map.get("prehash")));
        }
        return preHashes;
    }

    /**
     * Drives a Multi to completion on this thread. OpenEPCIS's SAX parse runs inside the subscription, so items
     * arrive synchronously; the latch only guards against a future version moving it to another thread.
     * An OutOfMemoryError is rethrown as such, so the harness can report it as the result it is.
     */
    private static <T> void consume(Multi<T> items, Consumer<T> onItem) throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        items.subscribe().with(onItem, f -> {
            failure.set(f);
            done.countDown();
        }, done::countDown);
        if (!done.await(6, TimeUnit.HOURS)) {
            throw new IllegalStateException("OpenEPCIS did not finish");
        }
        Throwable f = failure.get();
        if (f instanceof OutOfMemoryError oom) {
            throw oom;
        }
        if (f != null && f.getCause() instanceof OutOfMemoryError oom) {
            throw oom;
        }
        if (f instanceof Exception e) {
            throw e;
        }
        if (f instanceof Error e) {
            throw e;
        }
    }

    /** The OpenEPCIS version on the class path, from the jar's Maven metadata. */
    static String version() {
        try (InputStream in = EventHashGenerator.class.getResourceAsStream(
                "/META-INF/maven/io.openepcis/openepcis-event-hash-generator/pom.properties")) {
            if (in == null) {
                return "(version unknown)";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "(version unknown)");
        } catch (IOException e) {
            return "(version unknown)";
        }
    }
}
