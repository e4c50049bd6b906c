package org.pharmatrace.query;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.pharmatrace.query.access.Viewer;
import org.pharmatrace.query.epcis.EventExport;
import org.pharmatrace.query.epcis.EventQueries;
import org.pharmatrace.query.epcis.EventQuery;
import org.pharmatrace.query.epcis.IndexedEvent;
import org.pharmatrace.query.epcis.PageTokens;
import org.pharmatrace.query.epcis.QueryParameters;
import org.pharmatrace.query.index.QueryDatabase;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Exports every event of an index as one EPCISQueryDocument page, through the same classes the HTTP answer uses
 * (EventQueries' JDBC cursor, EventExport's streaming writers), into a byte counter. Run in a JVM with a small heap
 * by {@link StreamingExportTest}: an answer held in memory would not fit.
 *
 * <p>Arguments: JDBC URL, {@code json} or {@code xml}, page size. Prints {@code events=N bytes=M peakHeap=P}.
 */
public final class StreamingExportMain {

    private StreamingExportMain() {
    }

    public static void main(String[] args) throws Exception {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(args[0]);
        ds.setUser("hub");
        EventExport.Syntax syntax = args[1].equals("xml") ? EventExport.Syntax.XML : EventExport.Syntax.JSON_LD;
        int pageSize = Integer.parseInt(args[2]);
        QueryDatabase database = new QueryDatabase(ds, QueryDatabase.flyway(ds));
        EventQueries queries = new EventQueries(database, new PageTokens(null, Duration.ofHours(1), Clock.systemUTC()),
                500, Duration.ofMinutes(30));
        EventQuery all = EventQuery.compile(QueryParameters.fromUrl(Map.of(), List.of()), Map.of());
        Counter out = new Counter();
        long[] events = {0};
        queries.page(all, Viewer.regulator("streaming-test"), pageSize, null, (next, expiry) -> {
            EventExport export = new EventExport(out, syntax, EventExport.EpcFormat.NEVER_TRANSLATES,
                    EventExport.CbvFormat.NO_PREFERENCE, null, null);
            return new EventQueries.EventSink() {
                @Override
                public void accept(IndexedEvent event) {
                    export.write(event);
                    events[0]++;
                }

                @Override
                public void close() {
                    export.close();
                }
            };
        });
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.println("events=" + events[0] + " bytes=" + out.count + " peakHeap=" + peak
                + " maxHeap=" + Runtime.getRuntime().maxMemory());
    }

    /** Counts what it is given and keeps none of it. */
    static final class Counter extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            count += len;
        }
    }
}
