package org.pharmatrace.chaincode.state;

/**
 * Which organisation a party or location identifier (PGLN, SGLN) in a source/destination list stands for.
 *
 * @param party the identifier as registered
 * @param partyKey its normalised form, the registry key
 */
public record PartyRecord(String party, String partyKey, String mspId, String registeredBy, String txId) {
}
