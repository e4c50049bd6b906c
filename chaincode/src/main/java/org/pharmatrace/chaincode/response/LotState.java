package org.pharmatrace.chaincode.response;

import java.util.Map;
import org.pharmatrace.chaincode.state.RecallRecord;

/**
 * The items of one lot by status.
 *
 * @param recall the regulator's recall covering the lot (of the lot itself, else of the whole GTIN), if any
 * @param byStatus item count per status; statuses with no item are left out
 * @param flaggedRecalled items a trading partner flagged recalled by event
 */
public record LotState(String gtin, String lot, int total, Map<String, Integer> byStatus, RecallRecord recall,
                       int flaggedRecalled) {
    public LotState {
        byStatus = Map.copyOf(byStatus);
    }
}
