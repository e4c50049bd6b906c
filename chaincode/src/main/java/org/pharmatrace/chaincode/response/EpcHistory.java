package org.pharmatrace.chaincode.response;

import java.util.List;
import org.pharmatrace.chaincode.state.Alert;
import org.pharmatrace.chaincode.state.HistoryEntry;

/** Every event that touched an EPC, oldest transaction first, and the dispense alerts raised on it. */
public record EpcHistory(String epc, List<HistoryEntry> events, List<Alert> alerts) {
    public EpcHistory {
        events = List.copyOf(events);
        alerts = List.copyOf(alerts);
    }
}
