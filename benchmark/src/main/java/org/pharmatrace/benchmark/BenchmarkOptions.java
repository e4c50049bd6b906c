package org.pharmatrace.benchmark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The benchmark's command line: what document to measure, which workloads, how many runs. */
final class BenchmarkOptions {

    static final String USAGE = """
            usage: EpcisBenchmark [options]
              --events N            size of the generated document in events (default 1m; accepts 20k, 2.5m, 1000000)
              --target-bytes SIZE   instead of --events: a document of about this size (e.g. 1g, 512m)
              --document FILE       measure an existing EPCIS XML document instead of a generated one
              --data-dir DIR        where generated documents are cached (default target/data)
              --runs R              measured runs per workload (default 3)
              --openepcis-runs R    measured runs of the openepcis workload (default: as --runs; it is the slow one)
              --warmup-events N     size of the warm-up document (default 20k)
              --warmup-runs N       warm-up runs per workload on it (default 2)
              --workloads LIST      comma-separated, in this order by default:
                                      parse, hash, rules-hash, convert, openepcis
                                    and on request: validate (XSD + rules, the full EpcisValidator)
              --sample N            events whose hashes are compared with OpenEPCIS's (default 1000, 0 skips)
              --convert-to-file     keep the JSON-LD output in the data directory instead of discarding it
              --generate-only       generate (or find) the document and stop
            """;

    static final List<String> DEFAULT_WORKLOADS = List.of("parse", "hash", "rules-hash", "convert", "openepcis");
    static final List<String> ALL_WORKLOADS = List.of("parse", "hash", "rules-hash", "convert", "openepcis", "validate");

    long events = 1_000_000;
    long targetBytes;
    Path document;
    Path dataDir = Path.of("target", "data");
    int runs = 3;
    int openEpcisRuns = -1;
    long warmupEvents = 20_000;
    int warmupRuns = 2;
    List<String> workloads = DEFAULT_WORKLOADS;
    long sample = 1_000;
    boolean convertToFile;
    boolean generateOnly;

    static BenchmarkOptions parse(String[] args) {
        BenchmarkOptions o = new BenchmarkOptions();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--events" -> o.events = parseCount(value(args, ++i, arg));
                case "--target-bytes" -> o.targetBytes = parseBytes(value(args, ++i, arg));
                case "--document" -> o.document = Path.of(value(args, ++i, arg));
                case "--data-dir" -> o.dataDir = Path.of(value(args, ++i, arg));
                case "--runs" -> o.runs = (int) parseCount(value(args, ++i, arg));
                case "--openepcis-runs" -> o.openEpcisRuns = (int) parseCount(value(args, ++i, arg));
                case "--warmup-events" -> o.warmupEvents = parseCount(value(args, ++i, arg));
                case "--warmup-runs" -> o.warmupRuns = (int) parseCount(value(args, ++i, arg));
                case "--workloads" -> o.workloads = parseWorkloads(value(args, ++i, arg));
                case "--sample" -> o.sample = parseCount(value(args, ++i, arg));
                case "--convert-to-file" -> o.convertToFile = true;
                case "--generate-only" -> o.generateOnly = true;
                case "-h", "--help" -> throw new UsageException(null);
                default -> throw new UsageException("unknown option " + arg);
            }
        }
        if (o.events <= 0 || o.runs <= 0 || o.warmupEvents <= 0 || o.warmupRuns < 0 || o.sample < 0) {
            throw new UsageException("counts must be positive (warm-up runs and sample may be 0)");
        }
        if (o.openEpcisRuns < 0) {
            o.openEpcisRuns = o.runs;
        }
        return o;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new UsageException(option + " needs a value");
        }
        return args[i];
    }

    private static List<String> parseWorkloads(String list) {
        List<String> names = new ArrayList<>();
        for (String name : list.split(",")) {
            String n = name.trim().toLowerCase(Locale.ROOT);
            if (!ALL_WORKLOADS.contains(n)) {
                throw new UsageException("unknown workload '" + n + "'; known: " + String.join(", ", ALL_WORKLOADS));
            }
            if (!names.contains(n)) {
                names.add(n);
            }
        }
        return List.copyOf(names);
    }

    /** A count with an optional k/m suffix: {@code 20k}, {@code 2.5m}, {@code 1_000_000}. */
    static long parseCount(String text) {
        return scaled(text, 1_000, "count");
    }

    /** A size in bytes with an optional k/m/g suffix, binary: {@code 1g} = 2^30 bytes. */
    static long parseBytes(String text) {
        return scaled(text, 1_024, "size");
    }

    private static long scaled(String text, long base, String what) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace("_", "").replace(",", "");
        long factor = 1;
        if (t.endsWith("b") && base == 1_024) {
            t = t.substring(0, t.length() - 1);
        }
        if (t.endsWith("k")) {
            factor = base;
        } else if (t.endsWith("m")) {
            factor = base * base;
        } else if (t.endsWith("g")) {
            factor = base * base * base;
        }
        if (factor != 1) {
            t = t.substring(0, t.length() - 1);
        }
        try {
            return Math.round(Double.parseDouble(t) * factor);
        } catch (NumberFormatException e) {
            throw new UsageException("'" + text + "' is not a " + what + " (e.g. 20k, 2.5m" + (base == 1_024 ? ", 1g" : "") + ")");
        }
    }

    /** A command line we cannot act on; the message says why, {@code null} when help was asked for. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
