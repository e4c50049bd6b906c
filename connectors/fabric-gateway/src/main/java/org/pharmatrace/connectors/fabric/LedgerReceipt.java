package org.pharmatrace.connectors.fabric;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Proof that a batch is on the ledger: the committed transaction, its block, and what became of each event, in the
 * batch's order. {@code duplicate} events were on the ledger already (an earlier capture, or an earlier attempt of
 * this batch whose answer was lost); {@code getEvent} names the transaction that recorded them.
 *
 * @param attempts how many transactions it took (more than one after read conflicts or timeouts)
 */
public record LedgerReceipt(String organisation, String transactionId, long blockNumber, int committed,
                            int duplicates, List<EventStatus> events, List<LedgerAlert> alerts, int attempts) {

  /** What the contract did with one event. */
  public enum Outcome {
    /** Recorded by this transaction. */
    COMMITTED,
    /** Already on the ledger; nothing written. */
    DUPLICATE,
    /** Recorded by this transaction and flagged (see the receipt's alerts). */
    ALERT
  }

  /** One event of the batch, by its Event Hash ID. */
  public record EventStatus(String eventHash, Outcome outcome) {
  }

  public LedgerReceipt {
    events = List.copyOf(events);
    alerts = List.copyOf(alerts);
  }

  /** The outcome for an event of the batch, by Event Hash ID. */
  public Optional<Outcome> outcomeOf(String eventHash) {
    return events.stream().filter(e -> e.eventHash().equals(eventHash)).map(EventStatus::outcome).findFirst();
  }

  /** Outcomes keyed by Event Hash ID, in batch order. */
  public Map<String, Outcome> outcomes() {
    Map<String, Outcome> byHash = new LinkedHashMap<>();
    events.forEach(e -> byHash.putIfAbsent(e.eventHash(), e.outcome()));
    return Collections.unmodifiableMap(byHash);
  }

  /**
   * The receipt for {@code recordEvents}' answer ({@code {txId, committed, duplicates, events:[{hash, status}],
   * alerts}}), once the transaction is known to be committed in {@code blockNumber}.
   *
   * @throws IllegalArgumentException when the answer is not what the contract returns, or is for another transaction
   */
  public static LedgerReceipt fromResult(String organisation, String transactionId, long blockNumber, int attempts,
                                         byte[] resultJson) {
    JsonNode result = LedgerJson.read(resultJson, "recordEvents result");
    String answeredFor = LedgerJson.requiredText(result, "txId");
    if (!answeredFor.equals(transactionId)) {
      throw new IllegalArgumentException("recordEvents result is for transaction " + answeredFor + ", not "
          + transactionId);
    }
    JsonNode eventList = result.get("events");
    if (eventList == null || !eventList.isArray()) {
      throw new IllegalArgumentException("recordEvents result has no events array");
    }
    List<EventStatus> events = new ArrayList<>(eventList.size());
    for (JsonNode event : eventList) {
      events.add(new EventStatus(LedgerJson.requiredText(event, "hash"), outcome(LedgerJson.requiredText(event,
          "status"))));
    }
    return new LedgerReceipt(organisation, transactionId, blockNumber, LedgerJson.count(result, "committed"),
        LedgerJson.count(result, "duplicates"), events, LedgerAlert.listFrom(result.get("alerts")), attempts);
  }

  private static Outcome outcome(String status) {
    try {
      return Outcome.valueOf(status.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown event status '" + status + "'", e);
    }
  }
}
