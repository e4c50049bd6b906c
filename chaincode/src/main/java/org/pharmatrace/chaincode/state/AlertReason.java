package org.pharmatrace.chaincode.state;

/** Why a dispense was flagged. The event is still recorded: the dispense happened, the ledger says it should not have. */
public enum AlertReason {
    /** The item, its GTIN or its lot is recalled. */
    RECALLED,
    /** The item's expiry date is before the dispensing date. */
    EXPIRED,
    /** The item was dispensed before. */
    ALREADY_DISPENSED,
    /** The ledger has never seen the item commissioned. */
    NEVER_COMMISSIONED,
    /** The dispenser does not own the item (it belongs to another organisation or is still in transit). */
    NOT_IN_POSSESSION,
    /** The item was decommissioned or destroyed. */
    INACTIVE
}
