package org.pharmatrace.chaincode.state;

/** A dispense the ledger recorded but flags; stored with its event, indexed by EPC and raised in the chaincode event. */
public record Alert(String eventHash, String epc, AlertReason reason, String message) {
}
