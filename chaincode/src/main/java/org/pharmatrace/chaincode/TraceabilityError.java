package org.pharmatrace.chaincode;

import org.hyperledger.fabric.shim.ChaincodeException;

/**
 * Why the contract refused a transaction. The code travels as the {@link ChaincodeException} payload so that clients
 * can act on it; the message names the event and the EPC concerned.
 */
public enum TraceabilityError {
    /** {@code init} has not stored the regulator MSP yet. */
    NOT_INITIALISED,
    /** {@code init} runs once. */
    ALREADY_INITIALISED,
    /** The caller lacks the identity a registry or recall transaction requires. */
    NOT_AUTHORISED,
    /** The regulator reads and recalls; it never records supply-chain events. */
    REGULATOR_READ_ONLY,
    /** The batch is not an EPCIS document with events, or an event lacks a field the contract needs. */
    MALFORMED_BATCH,
    /** An event's eventID is not the Event Hash ID of its content. */
    HASH_MISMATCH,
    /** An identifier looks like a GS1 key but breaks its rules (check digit, partition, characters). */
    INVALID_EPC,
    /** A transaction argument is missing or malformed. */
    INVALID_ARGUMENT,
    /** Commissioning by an organisation that does not own the GS1 company prefix. */
    NOT_GTIN_OWNER,
    /** The serial (or SSCC) was commissioned before. */
    ALREADY_COMMISSIONED,
    /** The event names an item the ledger has never seen commissioned. */
    NOT_COMMISSIONED,
    /** The submitter does not own the item, or the item is in transit. */
    NOT_IN_POSSESSION,
    /** Receiving an item that was not shipped to the submitter. */
    NOT_SHIPPED_TO_RECEIVER,
    /** Voiding a shipment of an item that is not in transit from the submitter. */
    NOT_IN_TRANSIT,
    /** A shipping event whose destination maps to no organisation. */
    UNKNOWN_RECIPIENT,
    /** The item was dispensed, decommissioned or destroyed and cannot take part in this step. */
    ITEM_INACTIVE,
    /** Shipping an item on its own while it is packed in a container that is not shipped with it. */
    PACKED_IN_CONTAINER,
    /** An aggregation that would put a container inside itself, or unpack a child from a container it is not in. */
    INVALID_AGGREGATION,
    /** A query for an event hash the ledger does not hold. */
    EVENT_NOT_FOUND,
    /** A query for an EPC the ledger has never seen commissioned. */
    EPC_NOT_FOUND;

    /** The exception to throw: message prefixed with the code, payload = the code. */
    public ChaincodeException exception(String message) {
        return new ChaincodeException(name() + ": " + message, name());
    }
}
