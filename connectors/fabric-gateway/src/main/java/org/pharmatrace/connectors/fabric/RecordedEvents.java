package org.pharmatrace.connectors.fabric;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.hyperledger.fabric.client.ChaincodeEvent;

/**
 * One {@code EventsRecorded} chaincode event: a committed {@code recordEvents} transaction, with the Event Hash IDs it
 * recorded (duplicates left out) and the alerts it raised. Whoever submitted it, any organisation's reader sees it.
 */
public record RecordedEvents(long blockNumber, String transactionId, List<String> committed,
                             List<LedgerAlert> alerts) {

  public RecordedEvents {
    committed = List.copyOf(committed);
    alerts = List.copyOf(alerts);
  }

  /**
   * The event's payload ({@code {txId, committed:[hashes], alerts}}) read.
   *
   * @throws IllegalArgumentException when the payload is not an {@code EventsRecorded} or names another transaction
   */
  public static RecordedEvents from(ChaincodeEvent event) {
    JsonNode payload = LedgerJson.read(event.getPayload(), LedgerEventReader.EVENTS_RECORDED + " payload");
    String transactionId = LedgerJson.requiredText(payload, "txId");
    if (!transactionId.equals(event.getTransactionId())) {
      throw new IllegalArgumentException(LedgerEventReader.EVENTS_RECORDED + " payload names transaction "
          + transactionId + " but was raised by " + event.getTransactionId());
    }
    JsonNode hashes = payload.get("committed");
    if (hashes == null || !hashes.isArray()) {
      throw new IllegalArgumentException(LedgerEventReader.EVENTS_RECORDED + " payload has no committed array");
    }
    List<String> committed = new ArrayList<>(hashes.size());
    hashes.forEach(hash -> committed.add(hash.asText()));
    return new RecordedEvents(event.getBlockNumber(), transactionId, committed,
        LedgerAlert.listFrom(payload.get("alerts")));
  }
}
