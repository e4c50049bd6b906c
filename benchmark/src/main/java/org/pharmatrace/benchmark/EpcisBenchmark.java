package org.pharmatrace.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.pharmatrace.benchmark.BenchmarkOptions.UsageException;
import org.pharmatrace.benchmark.HeapMonitor.HeapFigures;
import org.pharmatrace.benchmark.PharmaDocumentGenerator.DocumentStats;
import org.pharmatrace.epcis.formats.EpcisReaders;
import org.pharmatrace.epcis.hash.EventHashGenerator;
import org.pharmatrace.epcis.io.EpcisEventReader;

/**
 * Measures the hub's EPCIS pipeline on a large generated pharma document, side by side with OpenEPCIS's event hash
 * generator in the same JVM: events per second and heap for each workload, the speed ratio for hashing, and whether
 * both produce the same Event Hash IDs. A plain runner, not JMH: each run is a full pass over a document of a million
 * events or more, long enough that timer resolution and call overhead do not matter, and what we want to see (heap
 * under a small -Xmx, a gigabyte streamed) does not fit a microbenchmark. Prints figures; asserts nothing.
 */
public final class EpcisBenchmark {

    private static final long MB = 1024 * 1024;

    /** Kept reachable so no workload's result can be optimised away. */
    static volatile long sink;

    private final BenchmarkOptions options;
    private final PharmaDocumentGenerator generator = new PharmaDocumentGenerator();

    EpcisBenchmark(BenchmarkOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.US);
        // OpenEPCIS's warnings and errors, not its chatter, in the middle of the figures.
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.parse(args);
        } catch (UsageException e) {
            if (e.getMessage() != null) {
                System.err.println("EpcisBenchmark: " + e.getMessage());
            }
            System.err.print(BenchmarkOptions.USAGE);
            System.exit(e.getMessage() == null ? 0 : 2);
            return;
        }
        new EpcisBenchmark(options).run();
    }

    /** One measured pass: its time, outcome and heap, or how it failed. */
    private record Run(long nanos, Workload.Outcome outcome, HeapFigures heap, Throwable failure) {
        double seconds() {
            return nanos / 1e9;
        }

        double eventsPerSecond() {
            return outcome.events() / seconds();
        }
    }

    void run() throws Exception {
        printMachine();
        Path warmupDocument = generator.cached(options.dataDir, options.warmupEvents);
        Path document = benchmarkDocument(warmupDocument);
        if (options.generateOnly) {
            System.out.println("document: " + document.toAbsolutePath());
            return;
        }
        printDocument(document);

        List<Workload> workloads = options.workloads.stream().map(this::workload).toList();
        if (options.sample > 0) {
            checkHashAgreement();
        }

        System.out.printf("%nWarm-up: %d run(s) of each workload on %s%n", options.warmupRuns, warmupDocument.getFileName());
        Map<Workload, Throwable> failed = new LinkedHashMap<>();
        for (Workload w : workloads) {
            for (int i = 0; i < options.warmupRuns && !failed.containsKey(w); i++) {
                try {
                    sink += w.run(warmupDocument).checksum();
                } catch (Throwable t) {
                    failed.put(w, t);
                    System.out.printf("  %-11s failed in warm-up: %s%n", w.name(), describe(t));
                }
            }
        }

        // Rounds interleave the workloads, so a change in machine load hits all of them rather than one.
        System.out.printf("%nMeasured: %d round(s) over %s%n", options.runs, document.getFileName());
        Map<Workload, List<Run>> results = new LinkedHashMap<>();
        workloads.forEach(w -> results.put(w, new ArrayList<>()));
        for (int round = 1; round <= options.runs; round++) {
            for (Workload w : workloads) {
                if (failed.containsKey(w) || (w instanceof OpenEpcisWorkload && round > options.openEpcisRuns)) {
                    continue;
                }
                Run r = measure(w, document);
                results.get(w).add(r);
                if (r.failure() != null) {
                    failed.put(w, r.failure());
                    System.out.printf("  round %d  %-11s FAILED after %.1f s: %s%n", round, w.name(), r.seconds(),
                            describe(r.failure()));
                } else {
                    System.out.printf("  round %d  %-11s %,12d events %8.2f s %,11.0f ev/s   peak %5d MB  after GC %4s  GCs %d%n",
                            round, w.name(), r.outcome().events(), r.seconds(), r.eventsPerSecond(),
                            r.heap().peakUsed() / MB, mb(r.heap().afterGc()), r.heap().collections());
                }
            }
        }
        report(document, workloads, results, failed);
        System.out.println("(checksum " + Long.toHexString(sink) + ")");
    }

    private Run measure(Workload w, Path document) {
        HeapMonitor monitor = HeapMonitor.start();
        long start = System.nanoTime();
        try {
            Workload.Outcome outcome = w.run(document);
            long nanos = System.nanoTime() - start;
            sink += outcome.checksum();
            return new Run(nanos, outcome, monitor.stop(), null);
        } catch (Throwable t) {
            long nanos = System.nanoTime() - start;
            // After an OutOfMemoryError the workload's objects are unreachable again; collect them before going on.
            HeapFigures heap = monitor.stop();
            HeapMonitor.settle();
            return new Run(nanos, new Workload.Outcome(0, 0, ""), heap, t);
        } finally {
            monitor.close();
        }
    }

    private Workload workload(String name) {
        return switch (name) {
            case "parse" -> PipelineWorkloads.parse();
            case "hash" -> PipelineWorkloads.hash();
            case "rules-hash" -> PipelineWorkloads.rulesAndHash();
            case "convert" -> PipelineWorkloads.convert(options.convertToFile ? options.dataDir : null);
            case "validate" -> PipelineWorkloads.validate();
            case "openepcis" -> new OpenEpcisWorkload();
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** The document to measure: given, or generated to an event count or a byte size (cached either way). */
    private Path benchmarkDocument(Path warmupDocument) {
        if (options.document != null) {
            if (!Files.isRegularFile(options.document)) {
                throw new UsageException("no such document: " + options.document);
            }
            return options.document;
        }
        long events = options.events;
        if (options.targetBytes > 0) {
            DocumentStats sample = PharmaDocumentGenerator.statsOf(warmupDocument);
            double bytesPerEvent = (double) sample.bytes() / sample.events();
            events = (long) Math.ceil(options.targetBytes / bytesPerEvent / 10_000) * 10_000;
            System.out.printf("%,d bytes requested: about %.0f bytes per event, so %,d events%n",
                    options.targetBytes, bytesPerEvent, events);
        }
        return generator.cached(options.dataDir, events);
    }

    /**
     * Do we and OpenEPCIS agree? Compares the Event Hash IDs of a sample document, which (the generator being
     * deterministic) holds the first events of the benchmark document. Disagreements are printed with OpenEPCIS's
     * pre-hash string, not hidden: which side follows the standard is for a reader to judge.
     */
    private void checkHashAgreement() {
        System.out.printf("%nHash agreement with OpenEPCIS %s (CBV 2.0, sha-256)%n", OpenEpcisWorkload.version());
        try {
            Path sampleDocument = generator.cached(options.dataDir, options.sample);
            List<String> ours = new ArrayList<>();
            List<String> ourPreHashes = new ArrayList<>();
            List<String> kinds = new ArrayList<>();
            EventHashGenerator hasher = new EventHashGenerator();
            try (InputStream in = Workload.open(sampleDocument); EpcisEventReader reader = EpcisReaders.open(in)) {
                reader.forEachRemaining(e -> {
                    ours.add(hasher.eventHashId(e));
                    ourPreHashes.add(hasher.preHashString(e));
                    String bizStep = e.getBizStep() == null ? "no bizStep"
                            : e.getBizStep().substring(e.getBizStep().lastIndexOf(':') + 1);
                    kinds.add(e.getType().localName() + " " + bizStep);
                });
            }
            List<String> theirs = OpenEpcisWorkload.hashes(sampleDocument);
            int compared = Math.min(ours.size(), theirs.size());
            List<Integer> mismatches = new ArrayList<>();
            for (int i = 0; i < compared; i++) {
                if (!ours.get(i).equals(theirs.get(i))) {
                    mismatches.add(i);
                }
            }
            System.out.printf("  %,d of %,d events agree%s%n", compared - mismatches.size(), compared,
                    ours.size() == theirs.size() ? ""
                            : String.format(" (event counts differ: ours %,d, OpenEPCIS %,d)", ours.size(), theirs.size()));
            if (!mismatches.isEmpty()) {
                Map<String, Long> byKind = mismatches.stream()
                        .collect(Collectors.groupingBy(kinds::get, LinkedHashMap::new, Collectors.counting()));
                System.out.println("  disagreements by event: " + byKind.entrySet().stream()
                        .map(k -> k.getKey() + " " + k.getValue()).collect(Collectors.joining(", ")));
                List<String> theirPreHashes = OpenEpcisWorkload.preHashes(sampleDocument);
                boolean first = true;
                for (int i : mismatches.subList(0, Math.min(3, mismatches.size()))) {
                    String theirPreHash = i < theirPreHashes.size() ? theirPreHashes.get(i) : "?";
                    System.out.printf("  MISMATCH event %d (%s)%n    ours:      %s%n    OpenEPCIS: %s%n",
                            i, kinds.get(i), ours.get(i), theirs.get(i));
                    if (first) {
                        System.out.printf("    our pre-hash:       %s%n    OpenEPCIS pre-hash: %s%n",
                                ourPreHashes.get(i), theirPreHash);
                        first = false;
                    }
                    System.out.printf("    %s%n", firstDifference(ourPreHashes.get(i), theirPreHash));
                }
                if (mismatches.size() > 3) {
                    System.out.printf("  ... and %,d more mismatches%n", mismatches.size() - 3);
                }
            }
        } catch (Throwable t) {
            System.out.println("  could not compare: " + describe(t));
        }
    }

    /** Where two pre-hash strings part, with a little context, so a reader need not diff them by eye. */
    static String firstDifference(String ours, String theirs) {
        int n = Math.min(ours.length(), theirs.length());
        int at = 0;
        while (at < n && ours.charAt(at) == theirs.charAt(at)) {
            at++;
        }
        if (at == n && ours.length() == theirs.length()) {
            return "pre-hash strings are equal (the difference is in the digest step)";
        }
        return String.format("pre-hashes differ from character %d: ours \"...%s...\", OpenEPCIS \"...%s...\"", at,
                ours.substring(at, Math.min(ours.length(), at + 40)), theirs.substring(at, Math.min(theirs.length(), at + 40)));
    }

    private void report(Path document, List<Workload> workloads, Map<Workload, List<Run>> results,
                        Map<Workload, Throwable> failed) throws IOException {
        long documentBytes = Files.size(document);
        System.out.printf("%nResults: %s, %,d bytes (%.2f GB), max heap %d MB, %d run(s) per workload%n",
                document.getFileName(), documentBytes, documentBytes / (double) (1L << 30),
                Runtime.getRuntime().maxMemory() / MB, options.runs);
        System.out.println("  events/s: median of the runs; heap: the largest of the runs. 'peak used' includes garbage"
                + " not yet collected; 'after GC' is the most heap still in use right after a collection (live data).");
        String header = String.format("  %-11s %13s %9s %12s  %-36s %9s %10s %9s %6s %7s",
                "workload", "events", "median s", "median ev/s", "all runs (ev/s)", "peak used", "pool peaks", "after GC",
                "GCs", "GC s");
        System.out.println(header);
        System.out.println("  " + "-".repeat(header.length() - 2));
        Map<String, Double> medians = new LinkedHashMap<>();
        for (Workload w : workloads) {
            List<Run> ok = results.get(w).stream().filter(r -> r.failure() == null).toList();
            if (ok.isEmpty()) {
                Throwable t = failed.get(w);
                System.out.printf("  %-11s %s%n", w.name(), t == null ? "not run" : "FAILED: " + describe(t));
                continue;
            }
            double medianRate = median(ok.stream().mapToDouble(Run::eventsPerSecond).toArray());
            double medianSeconds = median(ok.stream().mapToDouble(Run::seconds).toArray());
            medians.put(w.name(), medianRate);
            String all = ok.stream().map(r -> String.format("%,.0f", r.eventsPerSecond())).collect(Collectors.joining(" / "));
            System.out.printf("  %-11s %,13d %9.2f %,12.0f  %-36s %6d MB %7d MB %9s %6d %7.2f%n",
                    w.name(), ok.get(0).outcome().events(), medianSeconds, medianRate, all,
                    ok.stream().mapToLong(r -> r.heap().peakUsed()).max().orElse(0) / MB,
                    ok.stream().mapToLong(r -> r.heap().poolPeaks()).max().orElse(0) / MB,
                    mb(ok.stream().mapToLong(r -> r.heap().afterGc()).max().orElse(-1)),
                    ok.stream().mapToLong(r -> r.heap().collections()).max().orElse(0),
                    ok.stream().mapToLong(r -> r.heap().gcMillis()).max().orElse(0) / 1e3);
            if (failed.containsKey(w)) {
                System.out.printf("  %-11s   (a later run FAILED: %s)%n", "", describe(failed.get(w)));
            }
        }

        System.out.println();
        for (Workload w : workloads) {
            System.out.printf("  %-11s %s%n", w.name(), w.description());
            results.get(w).stream().filter(r -> r.failure() == null).map(r -> r.outcome().note())
                    .filter(n -> !n.isEmpty()).findFirst()
                    .ifPresent(n -> System.out.printf("  %-11s   %s%n", "", n));
        }

        Long expected = expectedEvents(document);
        for (Workload w : workloads) {
            results.get(w).stream().filter(r -> r.failure() == null).findFirst().ifPresent(r -> {
                if (expected != null && r.outcome().events() != expected) {
                    System.out.printf("  NOTE: %s processed %,d events, the document has %,d%n",
                            w.name(), r.outcome().events(), expected);
                }
            });
        }

        Double theirs = medians.get("openepcis");
        System.out.println();
        if (theirs == null) {
            System.out.println("Ratio to OpenEPCIS: not available (" + (failed.containsKey(workloadNamed(workloads, "openepcis"))
                    ? "OpenEPCIS failed: " + describe(failed.get(workloadNamed(workloads, "openepcis")))
                    + "; rerun it alone with a bigger heap, see README" : "OpenEPCIS workload not run") + ")");
        } else {
            for (String ours : List.of("hash", "rules-hash")) {
                if (medians.containsKey(ours)) {
                    System.out.printf("Ratio %s / openepcis: %.2fx (%,.0f vs %,.0f events/s)%n",
                            ours, medians.get(ours) / theirs, medians.get(ours), theirs);
                }
            }
        }
    }

    private static Workload workloadNamed(List<Workload> workloads, String name) {
        return workloads.stream().filter(w -> w.name().equals(name)).findFirst().orElse(null);
    }

    private static Long expectedEvents(Path document) {
        DocumentStats stats = PharmaDocumentGenerator.statsOf(document);
        return stats == null ? null : stats.events();
    }

    private void printMachine() {
        Runtime rt = Runtime.getRuntime();
        System.out.println("EPCIS benchmark");
        System.out.printf("  machine: %d cores (%s), %s %s, %s RAM, load average %.2f%n",
                rt.availableProcessors(), cpuModel(), System.getProperty("os.name"), System.getProperty("os.arch"),
                totalMemory(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf("  JVM: %s %s (%s), max heap %d MB, GC %s%n",
                System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
                System.getProperty("java.vm.vendor"), rt.maxMemory() / MB,
                ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                        .collect(Collectors.joining(", ")));
        System.out.printf("  JVM options: %s%n", String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
        System.out.printf("  workloads: %s; %d warm-up + %d measured run(s) each%n",
                String.join(", ", options.workloads), options.warmupRuns, options.runs);
    }

    private static void printDocument(Path document) throws IOException {
        DocumentStats stats = PharmaDocumentGenerator.statsOf(document);
        System.out.printf("  document: %s, %,d bytes%n", document.toAbsolutePath(), Files.size(document));
        if (stats != null) {
            System.out.printf("  %,d events: %s%n", stats.events(), stats.mix());
        }
    }

    private static String cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst().orElse("cpu model unknown");
        } catch (IOException | RuntimeException e) {
            return "cpu model unknown";
        }
    }

    private static String totalMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return String.format("%.1f GB", os.getTotalMemorySize() / (double) (1L << 30));
        }
        return "unknown";
    }

    private static String mb(long bytes) {
        return bytes < 0 ? "-" : (bytes / MB) + " MB";
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String describe(Throwable t) {
        String message = t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
        Throwable cause = t.getCause();
        if (cause != null && cause != t) {
            message += " (caused by " + cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage()) + ")";
        }
        return message;
    }
}
