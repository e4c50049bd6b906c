package org.pharmatrace.query;

import java.nio.file.Files;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.pharmatrace.query.access.Viewer;
import org.pharmatrace.query.epcis.EventExport;
import org.pharmatrace.query.epcis.EventQueries;
import org.pharmatrace.query.epcis.EventQuery;
import org.pharmatrace.query.epcis.IndexedEvent;
import org.pharmatrace.query.epcis.PageTokens;
import org.pharmatrace.query.epcis.QueryParameters;
import org.pharmatrace.query.index.QueryDatabase;
import org.pharmatrace.query.ledger.CommittedEvent;
import org.pharmatrace.query.report.RecallReach;

/**
 * The query index at scale: bulk-loads a synthetic DSCSA supply chain ({@link SyntheticSupplyChain}, real Event Hash
 * IDs, real index rows, COPY) up to N events, then measures, through the classes the HTTP answers use:
 * <ul>
 *   <li>{@code MATCH_epc} on one serial (latency p50/p99 over random serials), as a regulator and as a pharmacy;</li>
 *   <li>a lot-wide query ({@code EQ_ILMD_cbvmda:lotNumber}, all commissionings of one lot) and the recall reach of a
 *       lot (every unit, where it is, dispensed or not);</li>
 *   <li>export throughput: a large answer (about a million events) streamed as JSON-LD into a byte counter;</li>
 *   <li>the index's size on disk.</li>
 * </ul>
 * Each measurement is repeated {@code --runs} times and the median is reported, with the load average of the
 * machine at the time. Run it with {@code query/run-query-benchmark.sh}.
 */
public final class QueryBenchmark {

    private final String url;
    private final long targetEvents;
    private final int runs;
    private final int samples;
    private final Random random = new Random(42);
    private QueryDatabase database;
    private EventQueries queries;
    private long groups;

    private QueryBenchmark(String url, long targetEvents, int runs, int samples) {
        this.url = url;
        this.targetEvents = targetEvents;
        this.runs = runs;
        this.samples = samples;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String url = options.getOrDefault("url", "jdbc:postgresql://127.0.0.1:5432/pharmatrace");
        long events = parseCount(options.getOrDefault("events", "10m"));
        int runs = Integer.parseInt(options.getOrDefault("runs", "3"));
        int samples = Integer.parseInt(options.getOrDefault("samples", "200"));
        new QueryBenchmark(url, events, runs, samples).run(options.containsKey("load-only"));
    }

    private void run(boolean loadOnly) throws Exception {
        // Pooled, as the hub runs it (hub.query.datasource): a connection per query would dominate the latencies.
        com.zaxxer.hikari.HikariConfig pool = new com.zaxxer.hikari.HikariConfig();
        pool.setJdbcUrl(url);
        pool.setUsername("hub");
        pool.setMaximumPoolSize(4);
        com.zaxxer.hikari.HikariDataSource ds = new com.zaxxer.hikari.HikariDataSource(pool);
        database = new QueryDatabase(ds, QueryDatabase.flyway(ds));
        queries = new EventQueries(database, new PageTokens(null, Duration.ofHours(1), Clock.systemUTC()), 500,
                Duration.ofHours(1));
        load();
        if (loadOnly) {
            return;
        }
        say("index: %,d events in %,d groups (%,d packs), %,d lots", count("select count(*) from epcis_event"), groups,
                groups * SyntheticSupplyChain.PACKS_PER_GROUP, groups / SyntheticSupplyChain.GROUPS_PER_LOT);
        sizes();
        List<double[]> epcRegulator = new ArrayList<>();
        List<double[]> epcPharmacy = new ArrayList<>();
        List<double[]> lot = new ArrayList<>();
        List<double[]> recall = new ArrayList<>();
        List<Double> export = new ArrayList<>();
        say("warming up (not measured)");
        matchEpc(false);
        matchEpc(true);
        lotWide();
        for (int r = 1; r <= runs; r++) {
            say("run %d of %d (load average %s)", r, runs, loadAverage());
            epcRegulator.add(matchEpc(false));
            epcPharmacy.add(matchEpc(true));
            lot.add(lotWide());
            recall.add(recallReach());
            export.add(export());
        }
        say("");
        say("RESULTS (median of %d runs; load average now %s)", runs, loadAverage());
        report("MATCH_epc, one serial, regulator", epcRegulator);
        report("MATCH_epc, one serial, as its pharmacy (visibility join)", epcPharmacy);
        report("lot-wide EQ_ILMD_cbvmda:lotNumber (20 commissionings of 100 packs)", lot);
        report("recall reach of a lot (2,000 units, containers followed)", recall);
        say("%-70s %,.0f events/s", "export, ~1M events streamed as JSON-LD", median(export));
        sizes();
    }

    // ------------------------------------------------------------------ load

    private void load() throws Exception {
        long present = count("select count(*) from epcis_event");
        groups = (targetEvents + SyntheticSupplyChain.EVENTS_PER_GROUP - 1) / SyntheticSupplyChain.EVENTS_PER_GROUP;
        long presentGroups = present / SyntheticSupplyChain.EVENTS_PER_GROUP;
        if (presentGroups >= groups) {
            say("index already holds %,d events: not loading", present);
            groups = presentGroups;
            return;
        }
        if (present > 0 && present % SyntheticSupplyChain.EVENTS_PER_GROUP != 0) {
            throw new IllegalStateException("the index holds " + present + " events, not whole groups: use an empty database");
        }
        say("loading groups %,d to %,d (%,d events) with COPY; load average %s", presentGroups, groups,
                (groups - presentGroups) * SyntheticSupplyChain.EVENTS_PER_GROUP, loadAverage());
        List<String> indexes = dropSecondaryIndexes();
        Instant start = Instant.now();
        int producers = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(producers);
        AtomicLong nextGroup = new AtomicLong(presentGroups);
        // Groups are generated in parallel but must be copied in order (block numbers): each producer takes the
        // next group number and the writer waits for them in sequence.
        Map<Long, List<List<CommittedEvent>>> pending = new java.util.concurrent.ConcurrentHashMap<>();
        List<java.util.concurrent.Future<Object>> running = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            running.add(pool.submit(() -> {
                long g;
                while ((g = nextGroup.getAndIncrement()) < groups) {
                    long[] block = {g * 12};
                    List<List<CommittedEvent>> txs = SyntheticSupplyChain.committed(g, block);
                    while (pending.size() > 256) {
                        Thread.sleep(5);
                    }
                    pending.put(g, txs);
                }
                return null;
            }));
        }
        pool.shutdown();
        try (Connection c = DriverManager.getConnection(url, "hub", null)) {
            c.setAutoCommit(false);
            try (BulkIndexLoader loader = new BulkIndexLoader(c, new SyntheticSupplyChain.Parties())) {
                for (long g = presentGroups; g < groups; g++) {
                    List<List<CommittedEvent>> txs;
                    while ((txs = pending.remove(g)) == null) {
                        for (var f : running) {
                            if (f.isDone()) {
                                f.get(); // a generator that failed throws here
                            }
                        }
                        if (pool.isTerminated() && !pending.containsKey(g)) {
                            throw new IllegalStateException("group " + g + " was not generated");
                        }
                        Thread.sleep(1);
                    }
                    for (List<CommittedEvent> tx : txs) {
                        loader.add(tx);
                    }
                    if ((g + 1) % 2000 == 0) {
                        long done = (g + 1 - presentGroups) * SyntheticSupplyChain.EVENTS_PER_GROUP;
                        double s = Duration.between(start, Instant.now()).toMillis() / 1000.0;
                        say("  %,d events loaded, %,.0f events/s, load average %s", done, done / s, loadAverage());
                    }
                }
            }
        }
        pool.awaitTermination(1, TimeUnit.MINUTES);
        double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
        say("loaded in %.0f s (%,.0f events/s)", seconds, (groups - presentGroups) * SyntheticSupplyChain.EVENTS_PER_GROUP / seconds);
        Instant indexStart = Instant.now();
        try (Connection c = DriverManager.getConnection(url, "hub", null); Statement s = c.createStatement()) {
            s.execute("set maintenance_work_mem = '512MB'");
            for (String definition : indexes) {
                s.execute(definition);
            }
            s.execute("vacuum analyze");
        }
        say("indexes rebuilt and vacuum analyze done in %.0f s", Duration.between(indexStart, Instant.now()).toMillis() / 1000.0);
    }

    private List<String> dropSecondaryIndexes() throws SQLException {
        List<String> definitions = new ArrayList<>();
        List<String> names = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, "hub", null); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select i.indexname, i.indexdef from pg_indexes i where i.schemaname = 'public' "
                    + "and i.tablename in ('epcis_event', 'event_epc', 'event_epc_class', 'event_biz_transaction', "
                    + "'event_source_destination', 'event_field', 'event_visibility') "
                    + "and not exists (select 1 from pg_constraint k where k.conname = i.indexname)")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                    definitions.add(rs.getString(2));
                }
            }
            for (String name : names) {
                s.execute("drop index " + name);
            }
        }
        return definitions;
    }

    // ------------------------------------------------------------------ measurements

    private double[] matchEpc(boolean asPharmacy) throws Exception {
        double[] ms = new double[samples];
        for (int i = 0; i < samples; i++) {
            long g = (long) (random.nextDouble() * groups);
            int pack = random.nextInt(SyntheticSupplyChain.PACKS_PER_GROUP);
            Viewer viewer = asPharmacy
                    ? Viewer.partner("pharmacy", SyntheticSupplyChain.pharmacyMsp((int) ((g * 10 + pack / 10) % 200)))
                    : Viewer.regulator("fda");
            EventQuery q = query("MATCH_epc", SyntheticSupplyChain.pack(g, pack));
            long t = System.nanoTime();
            long n = answer(q, viewer, 30);
            ms[i] = (System.nanoTime() - t) / 1e6;
            if (n < (asPharmacy ? 1 : 4)) {
                throw new IllegalStateException("MATCH_epc found " + n + " events for group " + g);
            }
        }
        return percentiles(ms);
    }

    private double[] lotWide() throws Exception {
        int n = Math.max(20, samples / 4);
        double[] ms = new double[n];
        long lots = Math.max(1, groups / SyntheticSupplyChain.GROUPS_PER_LOT);
        for (int i = 0; i < n; i++) {
            long g = (long) (random.nextDouble() * lots) * SyntheticSupplyChain.GROUPS_PER_LOT;
            EventQuery q = query("EQ_ILMD_cbvmda:lotNumber", SyntheticSupplyChain.lot(g));
            long t = System.nanoTime();
            long found = answer(q, Viewer.regulator("fda"), 100);
            ms[i] = (System.nanoTime() - t) / 1e6;
            if (found < 1) {
                throw new IllegalStateException("no commissioning for lot " + SyntheticSupplyChain.lot(g));
            }
        }
        return percentiles(ms);
    }

    private double[] recallReach() throws Exception {
        int n = Math.max(5, samples / 20);
        double[] ms = new double[n];
        RecallReach reach = new RecallReach(database, new SyntheticSupplyChain.Parties());
        long lots = Math.max(1, groups / SyntheticSupplyChain.GROUPS_PER_LOT);
        for (int i = 0; i < n; i++) {
            long g = (long) (random.nextDouble() * lots) * SyntheticSupplyChain.GROUPS_PER_LOT;
            StreamingExportMain.Counter out = new StreamingExportMain.Counter();
            long t = System.nanoTime();
            reach.write(SyntheticSupplyChain.gtinOf(g), SyntheticSupplyChain.lot(g), out);
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        return percentiles(ms);
    }

    /** About a million events (a time window) streamed as one page; events per second. */
    private double export() throws Exception {
        long window = Math.min(groups, 1_000_000L / SyntheticSupplyChain.EVENTS_PER_GROUP + 1);
        long from = (long) (random.nextDouble() * Math.max(1, groups - window));
        Instant start = Instant.parse("2023-01-01T00:00:00Z").plus(from * 7, ChronoUnit.MINUTES);
        Instant end = start.plus(window * 7, ChronoUnit.MINUTES);
        EventQuery q = EventQuery.compile(QueryParameters.fromUrl(Map.of(
                "GE_eventTime", new String[] {start.toString()}, "LT_eventTime", new String[] {end.toString()},
                "orderBy", new String[] {"eventTime"}), List.of()), Map.of());
        long t = System.nanoTime();
        long n = answer(q, Viewer.regulator("fda"), 2_000_000);
        double seconds = (System.nanoTime() - t) / 1e9;
        say("  export: %,d events in %.1f s", n, seconds);
        return n / seconds;
    }

    private long answer(EventQuery q, Viewer viewer, int perPage) throws Exception {
        StreamingExportMain.Counter out = new StreamingExportMain.Counter();
        long[] n = {0};
        queries.page(q, viewer, perPage, null, (next, expiry) -> {
            EventExport export = new EventExport(out, EventExport.Syntax.JSON_LD,
                    EventExport.EpcFormat.ALWAYS_GS1_DIGITAL_LINK, EventExport.CbvFormat.NO_PREFERENCE, null, null);
            return new EventQueries.EventSink() {
                @Override
                public void accept(IndexedEvent event) {
                    export.write(event);
                    n[0]++;
                }

                @Override
                public void close() {
                    export.close();
                }
            };
        });
        return n[0];
    }

    private static EventQuery query(String name, String value) {
        return EventQuery.compile(QueryParameters.fromUrl(Map.of(name, new String[] {value}), List.of()), Map.of());
    }

    // ------------------------------------------------------------------ reporting

    private void sizes() throws SQLException {
        say("database size %s; per table (heap + TOAST + indexes):", size("select pg_database_size(current_database())"));
        for (String table : List.of("epcis_event", "event_epc", "event_epc_class", "event_biz_transaction",
                "event_source_destination", "event_field", "event_visibility", "ledger_transaction")) {
            say("  %-26s %10s total, %10s of indexes, %,d rows (estimate)", table,
                    size("select pg_total_relation_size('" + table + "')"), size("select pg_indexes_size('" + table + "')"),
                    count("select reltuples::bigint from pg_class where relname = '" + table + "'"));
        }
    }

    private String size(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "hub", null); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select pg_size_pretty((" + sql + ")::bigint)")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "hub", null); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static double[] percentiles(double[] ms) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        return new double[] {sorted[sorted.length / 2], sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.99) - 1)]};
    }

    private static void report(String what, List<double[]> runs) {
        List<Double> p50 = runs.stream().map(r -> r[0]).toList();
        List<Double> p99 = runs.stream().map(r -> r[1]).toList();
        say("%-70s p50 %7.2f ms   p99 %7.2f ms", what, median(p50), median(p99));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        return sorted.get(sorted.size() / 2);
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Paths.get("/proc/loadavg")).trim().split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static long parseCount(String text) {
        String t = text.trim().toLowerCase();
        double factor = t.endsWith("m") ? 1_000_000 : t.endsWith("k") ? 1_000 : 1;
        return (long) (Double.parseDouble(factor == 1 ? t : t.substring(0, t.length() - 1)) * factor);
    }

    private static void say(String format, Object... args) {
        System.out.println(args.length == 0 ? format : String.format(format, args));
        System.out.flush();
    }
}
