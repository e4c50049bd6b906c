package org.pharmatrace.epcis.formats;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.function.LongConsumer;
import org.pharmatrace.epcis.io.EpcisDocumentWriter;
import org.pharmatrace.epcis.io.EpcisEventReader;
import org.pharmatrace.epcis.io.EpcisFormat;
import org.pharmatrace.epcis.model.EpcisDocumentInfo;

/** Converts an EPCIS document between syntaxes event by event, so memory does not grow with document size. */
public final class EpcisConverter {

    private EpcisConverter() {
    }

    /**
     * Reads any supported syntax from {@code in} and writes {@code target} to {@code out}.
     *
     * @param forPeople indent the output where the syntax allows it
     * @param progress called with the running event count every 10 000 events (may be a no-op)
     * @return the number of events converted
     */
    public static long convert(InputStream in, EpcisFormat target, OutputStream out, boolean forPeople,
                               LongConsumer progress) {
        try (EpcisEventReader reader = EpcisReaders.open(in);
             EpcisDocumentWriter writer = EpcisWriters.create(target, out, forPeople)) {
            EpcisDocumentInfo document = reader.document();
            document.setSchemaVersion(target == EpcisFormat.XML_1_2 ? "1.2" : "2.0");
            writer.start(document);
            long count = 0;
            while (reader.hasNext()) {
                writer.write(reader.next());
                if (++count % 10_000 == 0) {
                    progress.accept(count);
                }
            }
            return count;
        }
    }
}
