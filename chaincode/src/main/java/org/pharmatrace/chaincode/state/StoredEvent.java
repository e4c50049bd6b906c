package org.pharmatrace.chaincode.state;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * An EPCIS event as stored under its Event Hash ID: the event as submitted (JSON-LD members, keys sorted) and what
 * the ledger knows about its recording.
 *
 * @param hash the Event Hash ID, also the state key
 * @param txId the transaction that recorded it
 * @param timestamp the transaction timestamp (ISO 8601, UTC)
 * @param submitter MSP id of the submitting organisation
 * @param position zero-based index of the event in its batch
 * @param epcs the instance EPCs the event touched, normalised to EPC URNs (children moved with a container included)
 * @param alerts dispense alerts the event raised
 * @param event the event as submitted
 */
public record StoredEvent(String hash, String txId, String timestamp, String submitter, int position,
                          List<String> epcs, List<Alert> alerts, JsonNode event) {
    public StoredEvent {
        epcs = List.copyOf(epcs);
        alerts = List.copyOf(alerts);
        // Sorted here, whoever read it: the stored bytes must not depend on member order in the submitted JSON.
        event = event == null ? null : CanonicalJson.sorted(event);
    }
}
