package org.pharmatrace.chaincode.state;

/** Set once by {@code init}: which MSP is the regulator. */
public record HubConfig(String regulatorMspId, String initialisedBy, String txId) {
}
