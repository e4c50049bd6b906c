package org.pharmatrace.chaincode.batch;

import com.fasterxml.jackson.databind.JsonNode;
import org.pharmatrace.epcis.model.EpcisEvent;

/**
 * One event of a submitted batch: the model the rules run on, and the JSON it was read from, which is what the
 * ledger stores.
 */
public record BatchEvent(EpcisEvent event, JsonNode json) {
}
