package org.pharmatrace.chaincode.state;

/** Where a serialised item or container is in its life, as the ledger has seen it. */
public enum ItemStatus {
    /** Serialised by the brand owner (or an SSCC created by the packer), not yet packed or shipped. */
    COMMISSIONED,
    /** Packed into a container by its owner, not shipped since. */
    PACKED,
    /** Shipped; owned by the shipper until the recipient in {@code inTransitTo} receives it. */
    IN_TRANSIT,
    /** Received by its current owner. */
    RECEIVED,
    /** Dispensed to a patient: the end of a pack's saleable life. */
    DISPENSED,
    /** Taken out of the supply chain (identifier retired) without being destroyed. */
    DECOMMISSIONED,
    /** Physically destroyed. */
    DESTROYED;

    /** No further supply-chain step (pack, ship, receive) is allowed from here. */
    public boolean isTerminal() {
        return this == DISPENSED || this == DECOMMISSIONED || this == DESTROYED;
    }
}
