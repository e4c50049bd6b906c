package org.pharmatrace.chaincode.state;

/**
 * A regulator's recall of a whole GTIN ({@code lot == null}) or of one lot. Items are never rewritten by a recall:
 * every check of an item looks these records up by the item's GTIN and lot.
 */
public record RecallRecord(String gtin, String lot, String recalledBy, String txId, String timestamp) {
}
