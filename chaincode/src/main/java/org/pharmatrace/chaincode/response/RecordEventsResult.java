package org.pharmatrace.chaincode.response;

import java.util.List;
import org.pharmatrace.chaincode.state.Alert;

/** The answer to {@code recordEvents}: one result per event in document order, and the alerts raised. */
public record RecordEventsResult(String txId, int committed, int duplicates, List<EventResult> events,
                                 List<Alert> alerts) {
    public RecordEventsResult {
        events = List.copyOf(events);
        alerts = List.copyOf(alerts);
    }
}
