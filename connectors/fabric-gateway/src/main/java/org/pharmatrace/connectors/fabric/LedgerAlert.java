package org.pharmatrace.connectors.fabric;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A dispense the ledger recorded but flagged (recalled, expired, already dispensed, never commissioned, not in the
 * dispenser's possession, inactive).
 *
 * @param reason the chaincode's {@code AlertReason} name
 */
public record LedgerAlert(String eventHash, String epc, String reason, String message) {

  static List<LedgerAlert> listFrom(JsonNode alerts) {
    List<LedgerAlert> list = new ArrayList<>();
    if (alerts == null || alerts.isNull() || alerts.isMissingNode()) {
      return list;
    }
    if (!alerts.isArray()) {
      throw new IllegalArgumentException("alerts is not an array");
    }
    for (JsonNode alert : alerts) {
      list.add(new LedgerAlert(LedgerJson.requiredText(alert, "eventHash"), LedgerJson.text(alert, "epc"),
          LedgerJson.requiredText(alert, "reason"), LedgerJson.text(alert, "message")));
    }
    return list;
  }
}
