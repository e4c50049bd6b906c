package org.pharmatrace.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pharmatrace.query.index.QueryDatabase;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A large answer streams: 200,000 indexed events exported as one page, in JSON-LD and in XML, by a JVM whose whole
 * heap is a fraction of the answer's size. Holding the answer (or the rows) in memory would fail with
 * OutOfMemoryError; the exporter finishing, with every event written, shows memory stays bounded. No timing is
 * asserted.
 */
class StreamingExportTest {

    static final int GROUPS = 200_000 / SyntheticSupplyChain.EVENTS_PER_GROUP + 1;
    static final String HEAP = "-Xmx48m";
    static String url;
    static long loaded;

    @BeforeAll
    static void loadTwoHundredThousandEvents() throws Exception {
        url = TestPostgres.get().newDatabase("streaming");
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(url);
        ds.setUser("hub");
        QueryDatabase.flyway(ds).migrate();
        try (Connection c = DriverManager.getConnection(url, "hub", null)) {
            c.setAutoCommit(false);
            try (BulkIndexLoader loader = new BulkIndexLoader(c, new SyntheticSupplyChain.Parties())) {
                long[] block = {0};
                for (long g = 0; g < GROUPS; g++) {
                    for (var tx : SyntheticSupplyChain.committed(g, block)) {
                        loader.add(tx);
                    }
                }
                loaded = loader.events();
            }
        }
        assertThat(loaded).isGreaterThanOrEqualTo(200_000);
    }

    @Test
    void aJsonLdAnswerFarLargerThanTheHeapStreams() throws Exception {
        Result r = export("json");
        assertThat(r.events).isEqualTo(loaded);
        assertThat(r.bytes).as("the answer is several times the heap").isGreaterThan(3 * r.maxHeap);
    }

    @Test
    void anXmlAnswerFarLargerThanTheHeapStreams() throws Exception {
        Result r = export("xml");
        assertThat(r.events).isEqualTo(loaded);
        assertThat(r.bytes).isGreaterThan(3 * r.maxHeap);
    }

    record Result(long events, long bytes, long peakHeap, long maxHeap) {
    }

    private static Result export(String syntax) throws Exception {
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), HEAP, "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), StreamingExportMain.class.getName(), url, syntax,
                Long.toString(loaded)));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        System.out.println("streamed " + syntax + ": " + output.trim());
        Matcher m = Pattern.compile("events=(\\d+) bytes=(\\d+) peakHeap=(\\d+) maxHeap=(\\d+)").matcher(output);
        assertThat(m.find()).as(output).isTrue();
        return new Result(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)),
                Long.parseLong(m.group(4)));
    }
}
