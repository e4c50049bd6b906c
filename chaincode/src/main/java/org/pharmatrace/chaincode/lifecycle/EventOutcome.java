package org.pharmatrace.chaincode.lifecycle;

import java.util.List;
import org.pharmatrace.chaincode.state.Alert;

/** What applying one event did: the EPCs it touched (for the history index) and the alerts it raised. */
public record EventOutcome(List<Touch> touched, List<Alert> alerts) {
    public EventOutcome {
        touched = List.copyOf(touched);
        alerts = List.copyOf(alerts);
    }

    /**
     * One EPC the event touched.
     *
     * @param via the container it moved with, or {@code null} when the event named it
     */
    public record Touch(String epc, String via) {
    }
}
