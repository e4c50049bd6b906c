package org.pharmatrace.query.epcis;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * One event as the index returns it: the JSON the ledger holds and the ledger's facts about it.
 *
 * @param id the index id (ledger order)
 * @param eventHash the Event Hash ID, the eventID
 * @param orderKey the value the answer is ordered by, in microseconds since the epoch (event or record time), or
 *        {@code null} when ordered by index id
 */
public record IndexedEvent(long id, String eventHash, String transactionId, long blockNumber, String recordedBy,
        Instant recordTime, Instant eventTime, String eventJson) {

    /** The columns {@link #read} expects, in order, from {@code epcis_event e}. */
    public static final String COLUMNS = "e.id, e.event_hash, e.tx_id, e.block_number, e.recorded_by, e.record_time, "
            + "e.event_time, e.event_json::text";

    public static IndexedEvent read(ResultSet rs) throws SQLException {
        return new IndexedEvent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                rs.getObject(6, OffsetDateTime.class).toInstant(), rs.getObject(7, OffsetDateTime.class).toInstant(),
                rs.getString(8));
    }

    public static long micros(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
    }

    public static Instant fromMicros(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }
}
