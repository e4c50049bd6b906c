package org.pharmatrace.chaincode.response;

import java.util.List;
import org.pharmatrace.chaincode.state.Alert;

/** Payload of the {@code EventsRecorded} chaincode event: what listeners need without reading the ledger. */
public record EventsRecorded(String txId, List<String> committed, List<Alert> alerts) {
    public static final String NAME = "EventsRecorded";

    public EventsRecorded {
        committed = List.copyOf(committed);
        alerts = List.copyOf(alerts);
    }
}
