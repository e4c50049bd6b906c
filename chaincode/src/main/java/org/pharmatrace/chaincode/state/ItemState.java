package org.pharmatrace.chaincode.state;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.hyperledger.fabric.contract.annotation.DataType;
import org.hyperledger.fabric.contract.annotation.Property;

/**
 * The ledger's view of one serialised item (SGTIN) or container (SSCC), stored under its EPC URN. Immutable: every
 * change is a new value written back by the event that caused it.
 *
 * @param epc the EPC URN, the state key
 * @param gtin the GTIN-14 of an SGTIN; {@code null} for a container
 * @param lot batch/lot from the commissioning event's ILMD, if given
 * @param expiry expiry date (yyyy-MM-dd) from the commissioning event's ILMD, if given
 * @param status lifecycle status
 * @param recalled set by a trading partner's recall event on this item; regulator recalls of the GTIN or lot are
 *     separate records, combined with this flag when the state is read
 * @param parent the container this item is packed in, or {@code null}
 * @param inTransitTo MSP id of the organisation an in-transit item was shipped to
 * @param owner MSP id of the organisation that owns (and, unless in transit, holds) the item
 * @param commissionedBy MSP id of the organisation that commissioned the item
 * @param lastEventHash Event Hash ID of the last event that changed this state
 */
@DataType
public record ItemState(
        @Property String epc,
        @Property String gtin,
        @Property String lot,
        @Property String expiry,
        @Property ItemStatus status,
        @Property boolean recalled,
        @Property String parent,
        @Property String inTransitTo,
        @Property String owner,
        @Property String commissionedBy,
        @Property String lastEventHash) {

    public static ItemState commissioned(String epc, String gtin, String lot, String expiry, String mspId, String eventHash) {
        return new ItemState(epc, gtin, lot, expiry, ItemStatus.COMMISSIONED, false, null, null, mspId, mspId, eventHash);
    }

    public ItemState withStatus(ItemStatus newStatus, String eventHash) {
        return new ItemState(epc, gtin, lot, expiry, newStatus, recalled, parent, inTransitTo, owner, commissionedBy, eventHash);
    }

    public ItemState withParent(String newParent, ItemStatus newStatus, String eventHash) {
        return new ItemState(epc, gtin, lot, expiry, newStatus, recalled, newParent, inTransitTo, owner, commissionedBy, eventHash);
    }

    public ItemState shippedTo(String recipientMspId, String eventHash) {
        return new ItemState(epc, gtin, lot, expiry, ItemStatus.IN_TRANSIT, recalled, parent, recipientMspId, owner,
                commissionedBy, eventHash);
    }

    public ItemState receivedBy(String receiverMspId, String eventHash) {
        return new ItemState(epc, gtin, lot, expiry, ItemStatus.RECEIVED, recalled, parent, null, receiverMspId,
                commissionedBy, eventHash);
    }

    /** A voided shipment: the goods never left, so the item is back where it was, with its shipper. */
    public ItemState shipmentVoided(String eventHash) {
        ItemStatus back = parent != null ? ItemStatus.PACKED : looseStatus();
        return new ItemState(epc, gtin, lot, expiry, back, recalled, parent, null, owner, commissionedBy, eventHash);
    }

    /**
     * The status of an item in stock and not packed: {@link ItemStatus#COMMISSIONED} while still with the
     * organisation that commissioned it, {@link ItemStatus#RECEIVED} once it has changed hands. Terminal statuses
     * stay.
     */
    public ItemStatus looseStatus() {
        if (status.isTerminal()) {
            return status;
        }
        return owner.equals(commissionedBy) ? ItemStatus.COMMISSIONED : ItemStatus.RECEIVED;
    }

    public ItemState withRecalled(boolean flag, String eventHash) {
        return new ItemState(epc, gtin, lot, expiry, status, flag, parent, inTransitTo, owner, commissionedBy, eventHash);
    }

    @JsonIgnore
    public boolean isInTransit() {
        return status == ItemStatus.IN_TRANSIT;
    }
}
