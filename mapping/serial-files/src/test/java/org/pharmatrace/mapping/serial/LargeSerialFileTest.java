package org.pharmatrace.mapping.serial;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.pharmatrace.mapping.PartnerProfile;

/**
 * A 200,000-serial file maps in a JVM whose heap could not hold it as events (holding them needs about 30 MB; the
 * streaming mapper runs in 12 MB): the mapper streams. The file is generated on the fly, so neither the test nor the
 * disk holds it either. No time is asserted.
 */
class LargeSerialFileTest {

    static final int ROWS = 200_000;
    static final String HEAP = "-Xmx20m";

    @Test
    void aLargeFileStreamsThroughASmallHeap() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-XX:+UseSerialGC", HEAP, "-cp", System.getProperty("java.class.path"),
                LargeSerialFileTest.class.getName(), String.valueOf(ROWS))
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("events=200 epcs=200000");
    }

    /** Runs in the small-heap JVM: maps the generated file and counts what comes out, keeping nothing. */
    public static void main(String[] args) {
        int rows = Integer.parseInt(args[0]);
        long[] epcs = {0};
        PartnerProfile profile = SerialCsvMapperTest.profile(Map.of());
        long events = new SerialCsvMapper().map(new GeneratedSerialFile(rows), profile, e -> epcs[0] += e.getEpcList().size());
        System.out.println("events=" + events + " epcs=" + epcs[0]);
    }

    /** Produces "header + rows" lazily, one line at a time. */
    static final class GeneratedSerialFile extends InputStream {
        private final int rows;
        private int next = -1;
        private byte[] line = new byte[0];
        private int position;

        GeneratedSerialFile(int rows) {
            this.rows = rows;
        }

        @Override
        public int read() throws IOException {
            if (position == line.length) {
                if (next >= rows) {
                    return -1;
                }
                String text = next < 0 ? "gtin,serial,lot,expiry,production_date,site_gln\r\n"
                        : String.join(",", List.of(SerialCsvMapperTest.GTIN, "S" + (100_000_000 + next), "LOT-BIG",
                                "2028-06-30", "2025-11-01", SerialCsvMapperTest.SITE)) + "\r\n";
                line = text.getBytes(StandardCharsets.US_ASCII);
                position = 0;
                next++;
            }
            return line[position++];
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = 0;
            while (n < len) {
                int c = read();
                if (c < 0) {
                    return n == 0 ? -1 : n;
                }
                b[off + n++] = (byte) c;
            }
            return n;
        }
    }
}
