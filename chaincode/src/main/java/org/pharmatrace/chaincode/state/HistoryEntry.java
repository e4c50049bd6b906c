package org.pharmatrace.chaincode.state;

/**
 * One line of an EPC's history: an event that touched it. Stored as the value of the epc~txid~hash index.
 *
 * @param via the container the item moved with when the event named the container and not the item itself
 */
public record HistoryEntry(String epc, String eventHash, String txId, String timestamp, int position,
                           String eventTime, String bizStep, String via) {
}
