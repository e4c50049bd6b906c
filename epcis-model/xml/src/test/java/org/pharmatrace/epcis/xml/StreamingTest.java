package org.pharmatrace.epcis.xml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import org.junit.jupiter.api.Test;
import org.pharmatrace.epcis.io.EpcisFormat;
import org.pharmatrace.epcis.model.EpcisEvent;

/**
 * Reading and writing stream: a document much larger than the test JVM's heap (the module's surefire runs with
 * -Xmx64m) goes through the reader and a writer, one event at a time.
 */
class StreamingTest {

    private static final long EVENTS = 110_000;

    @Test
    void whenADocumentLargerThanTheHeapIsConvertedThenItStreamsThroughInBoundedMemory() {
        GeneratedDocument input = new GeneratedDocument(EVENTS);
        CountingOutput output = new CountingOutput();
        long count = 0;
        try (EpcisXmlReader reader = new EpcisXmlReader(input); EpcisXmlWriter writer = new EpcisXmlWriter(output, EpcisFormat.XML_1_2)) {
            writer.start(reader.document());
            while (reader.hasNext()) {
                EpcisEvent event = reader.next();
                writer.write(event);
                count++;
            }
        }

        // speed is measured by the benchmark module; this test proves only that memory does not grow with the input
        assertThat(count).isEqualTo(EVENTS);
        assertThat(output.bytes).as("EPCIS 1.2 XML written").isPositive();
        assertThat(input.bytesRead()).isGreaterThan(Runtime.getRuntime().maxMemory());
    }

    private static final class CountingOutput extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }
}
