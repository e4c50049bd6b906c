package org.pharmatrace.chaincode.lifecycle;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pharmatrace.chaincode.TraceabilityError;
import org.pharmatrace.chaincode.TraceabilityLedger;
import org.pharmatrace.chaincode.lifecycle.EventOutcome.Touch;
import org.pharmatrace.chaincode.state.Alert;
import org.pharmatrace.chaincode.state.AlertReason;
import org.pharmatrace.chaincode.state.ItemState;
import org.pharmatrace.chaincode.state.ItemStatus;
import org.pharmatrace.chaincode.state.PartyRecord;
import org.pharmatrace.epcis.cbv.CbvVocabulary;
import org.pharmatrace.epcis.model.Action;
import org.pharmatrace.epcis.model.EpcisEvent;
import org.pharmatrace.epcis.model.EventType;
import org.pharmatrace.epcis.model.PersistentDisposition;
import org.pharmatrace.epcis.model.SourceDestination;

/**
 * The product lifecycle as the ledger enforces it, applied one event at a time for one submitting organisation.
 * A broken rule throws a {@link TraceabilityError} exception, which fails the whole transaction; a dispense that
 * should not have happened is recorded with alerts instead, because the fact happened and hiding it helps no one.
 */
public final class LifecycleEngine {

    /**
     * Destination type naming the recipient organisation by MSP id directly, for partners without registered
     * party GLNs.
     */
    public static final String MSP_DESTINATION_TYPE = "urn:pharmatrace:sdt:msp";

    private static final String RECALLED = "recalled";
    private static final List<String> RECIPIENT_TYPES = List.of(
            "owning_party", "possessing_party", "location");

    /** The lifecycle step an event stands for. */
    enum Step { COMMISSION, PACK, UNPACK, SHIP, VOID_SHIPMENT, RECEIVE, DISPENSE, DECOMMISSION, DESTROY, OBSERVE }

    private final TraceabilityLedger ledger;
    private final EpcResolver epcs;
    private final String submitter;

    /** @param submitter MSP id of the organisation submitting the batch */
    public LifecycleEngine(TraceabilityLedger ledger, EpcResolver epcs, String submitter) {
        this.ledger = ledger;
        this.epcs = epcs;
        this.submitter = submitter;
    }

    public EventOutcome apply(EventRef ref, EpcisEvent event) {
        Change change = new Change(ref);
        switch (step(event)) {
            case COMMISSION -> commission(change, event);
            case PACK -> pack(change, event);
            case UNPACK -> unpack(change, event);
            case SHIP -> ship(change, event);
            case VOID_SHIPMENT -> voidShipment(change, event);
            case RECEIVE -> receive(change, event);
            case DISPENSE -> dispense(change, event);
            case DECOMMISSION -> retire(change, event, ItemStatus.DECOMMISSIONED);
            case DESTROY -> retire(change, event, ItemStatus.DESTROYED);
            case OBSERVE -> observe(change, event);
        }
        applyRecallDisposition(change, event);
        return new EventOutcome(new ArrayList<>(change.touched.values()), change.alerts);
    }

    static Step step(EpcisEvent event) {
        String bizStep = CbvVocabulary.BIZ_STEP.bareName(event.getBizStep());
        if (event.getType() == EventType.AGGREGATION_EVENT && event.getAction() == Action.ADD) {
            return Step.PACK;
        }
        if (event.getType() == EventType.AGGREGATION_EVENT && event.getAction() == Action.DELETE) {
            return Step.UNPACK;
        }
        if (event.getType() == EventType.OBJECT_EVENT && event.getAction() == Action.ADD
                && (bizStep == null || bizStep.equals("commissioning"))) {
            return Step.COMMISSION;
        }
        if (bizStep == null) {
            return event.getType() == EventType.OBJECT_EVENT && event.getAction() == Action.DELETE
                    ? Step.DECOMMISSION : Step.OBSERVE;
        }
        return switch (bizStep) {
            case "shipping" -> Step.SHIP;
            case "void_shipping" -> Step.VOID_SHIPMENT;
            case "receiving" -> Step.RECEIVE;
            case "dispensing" -> Step.DISPENSE;
            case "decommissioning" -> Step.DECOMMISSION;
            case "destroying" -> Step.DESTROY;
            default -> Step.OBSERVE;
        };
    }

    // ---------------------------------------------------------------- steps

    private void commission(Change change, EpcisEvent event) {
        String lot;
        String expiry;
        try {
            lot = Ilmd.lot(event);
            expiry = Ilmd.expiry(event);
        } catch (IllegalArgumentException e) {
            throw TraceabilityError.MALFORMED_BATCH.exception(change.ref + ": " + e.getMessage());
        }
        for (Epc epc : resolveAll(change.ref, event.getEpcList())) {
            requireBrandOwner(change.ref, epc, "commission");
            if (ledger.item(epc.key()) != null) {
                throw TraceabilityError.ALREADY_COMMISSIONED.exception(change.ref + ": " + epc.key()
                        + " was commissioned before");
            }
            String itemLot = epc.container() ? null : lot;
            String itemExpiry = epc.container() ? null : expiry;
            ledger.putItem(ItemState.commissioned(epc.key(), epc.gtin(), itemLot, itemExpiry, submitter, change.ref.hash()));
            if (itemLot != null) {
                ledger.indexLotItem(epc.gtin(), itemLot, epc.key());
            }
            change.touch(epc.key(), null);
        }
    }

    private void pack(Change change, EpcisEvent event) {
        Epc parentEpc = requireParent(change.ref, event);
        ItemState container = ledger.item(parentEpc.key());
        if (container == null) {
            if (!parentEpc.container()) {
                throw TraceabilityError.NOT_COMMISSIONED.exception(change.ref + ": parent " + parentEpc.key()
                        + " was never commissioned");
            }
            // An SSCC comes into being when a pallet or case is built; building it is its commissioning.
            requireBrandOwner(change.ref, parentEpc, "create container");
            container = ItemState.commissioned(parentEpc.key(), null, null, null, submitter, change.ref.hash());
            ledger.putItem(container);
        }
        requireHeld(change.ref, container, "pack into");
        change.touch(container.epc(), null);
        for (Epc childEpc : resolveAll(change.ref, event.getChildEpcs())) {
            if (childEpc.key().equals(container.epc()) || isAncestor(childEpc.key(), container)) {
                throw TraceabilityError.INVALID_AGGREGATION.exception(change.ref + ": " + childEpc.key()
                        + " cannot be packed into " + container.epc() + ", which it contains");
            }
            ItemState child = requireItem(change.ref, childEpc);
            requireHeld(change.ref, child, "pack");
            if (child.parent() != null && !child.parent().equals(container.epc())) {
                ledger.removeChild(child.parent(), child.epc());
            }
            ledger.addChild(container.epc(), child.epc());
            ledger.putItem(child.withParent(container.epc(), ItemStatus.PACKED, change.ref.hash()));
            change.touch(child.epc(), null);
        }
    }

    private void unpack(Change change, EpcisEvent event) {
        Epc parentEpc = requireParent(change.ref, event);
        ItemState container = requireItem(change.ref, parentEpc);
        requireHeld(change.ref, container, "unpack");
        change.touch(container.epc(), null);
        List<String> childKeys = new ArrayList<>();
        if (event.getChildEpcs().isEmpty()) {
            // EPCIS: a DELETE without childEPCs disaggregates everything in the parent.
            childKeys.addAll(ledger.children(container.epc()));
        } else {
            resolveAll(change.ref, event.getChildEpcs()).forEach(e -> childKeys.add(e.key()));
        }
        for (String childKey : childKeys) {
            ItemState child = ledger.item(childKey);
            if (child == null || !container.epc().equals(child.parent())) {
                throw TraceabilityError.INVALID_AGGREGATION.exception(change.ref + ": " + childKey
                        + " is not packed in " + container.epc());
            }
            ledger.removeChild(container.epc(), childKey);
            ledger.putItem(child.withParent(null, child.looseStatus(), change.ref.hash()));
            change.touch(childKey, null);
        }
    }

    private void ship(Change change, EpcisEvent event) {
        List<Epc> shipped = resolveAll(change.ref, event.allInstanceEpcs());
        String recipient = recipient(change.ref, event);
        Set<String> named = new HashSet<>();
        shipped.forEach(e -> named.add(e.key()));
        List<ItemState> items = new ArrayList<>();
        for (Epc epc : shipped) {
            ItemState item = requireItem(change.ref, epc);
            requireHeld(change.ref, item, "ship");
            // Nested contents travel with any container above them that is shipped, not only the innermost one.
            if (item.parent() != null && !hasAncestorIn(item, named)) {
                throw TraceabilityError.PACKED_IN_CONTAINER.exception(change.ref + ": " + item.epc()
                        + " is packed in " + item.parent() + "; ship the container or unpack it first");
            }
            items.add(item);
        }
        for (ItemState item : items) {
            moveWithContents(change, item, null,
                    i -> submitter.equals(i.owner()) && !i.isInTransit() && !i.status().isTerminal(),
                    i -> i.shippedTo(recipient, change.ref.hash()));
        }
    }

    /**
     * The shipper cancels a shipment (CBV void_shipping): a wrong recipient or a shipment that never left. Without
     * it, goods shipped to the wrong party would be stuck in transit for good.
     */
    private void voidShipment(Change change, EpcisEvent event) {
        List<ItemState> items = new ArrayList<>();
        for (Epc epc : resolveAll(change.ref, event.allInstanceEpcs())) {
            ItemState item = requireItem(change.ref, epc);
            if (!item.isInTransit() || !submitter.equals(item.owner())) {
                throw TraceabilityError.NOT_IN_TRANSIT.exception(change.ref + ": " + item.epc()
                        + " is not in transit from " + submitter + " (it is " + item.status() + ", owned by "
                        + item.owner() + ")");
            }
            items.add(item);
        }
        for (ItemState item : items) {
            moveWithContents(change, item, null,
                    i -> i.isInTransit() && submitter.equals(i.owner()),
                    i -> i.shipmentVoided(change.ref.hash()));
        }
    }

    private void receive(Change change, EpcisEvent event) {
        List<ItemState> items = new ArrayList<>();
        for (Epc epc : resolveAll(change.ref, event.allInstanceEpcs())) {
            ItemState item = requireItem(change.ref, epc);
            if (!item.isInTransit() || !submitter.equals(item.inTransitTo())) {
                String where = item.isInTransit() ? "in transit to " + item.inTransitTo()
                        : item.status() + " at " + item.owner() + ", not in transit";
                throw TraceabilityError.NOT_SHIPPED_TO_RECEIVER.exception(change.ref + ": " + item.epc()
                        + " was not shipped to " + submitter + " (it is " + where + ")");
            }
            items.add(item);
        }
        for (ItemState item : items) {
            moveWithContents(change, item, null,
                    i -> i.isInTransit() && submitter.equals(i.inTransitTo()),
                    i -> i.receivedBy(submitter, change.ref.hash()));
        }
    }

    private void dispense(Change change, EpcisEvent event) {
        LocalDate dispensedOn = eventDate(change.ref, event);
        for (Epc epc : resolveAll(change.ref, event.allInstanceEpcs())) {
            change.touch(epc.key(), null);
            ItemState item = ledger.item(epc.key());
            if (item == null) {
                change.alert(epc.key(), AlertReason.NEVER_COMMISSIONED, "dispensed but never commissioned");
                continue;
            }
            if (ledger.isRecalled(item)) {
                change.alert(item.epc(), AlertReason.RECALLED, "dispensed while recalled"
                        + (item.lot() != null ? " (lot " + item.lot() + ")" : ""));
            }
            if (item.expiry() != null && LocalDate.parse(item.expiry()).isBefore(dispensedOn)) {
                change.alert(item.epc(), AlertReason.EXPIRED, "dispensed on " + dispensedOn
                        + " after its expiry " + item.expiry());
            }
            if (item.status() == ItemStatus.DISPENSED) {
                change.alert(item.epc(), AlertReason.ALREADY_DISPENSED, "dispensed again; first dispensed by event "
                        + item.lastEventHash());
            } else if (item.status().isTerminal()) {
                change.alert(item.epc(), AlertReason.INACTIVE, "dispensed after being " + item.status());
            }
            if (!submitter.equals(item.owner()) || item.isInTransit()) {
                change.alert(item.epc(), AlertReason.NOT_IN_POSSESSION, "dispensed by " + submitter
                        + " but " + (item.isInTransit() ? "in transit to " + item.inTransitTo() : "owned by " + item.owner()));
            }
            if (!item.status().isTerminal()) {
                if (item.parent() != null) {
                    ledger.removeChild(item.parent(), item.epc());
                }
                ledger.putItem(new ItemState(item.epc(), item.gtin(), item.lot(), item.expiry(), ItemStatus.DISPENSED,
                        item.recalled(), null, null, item.owner(), item.commissionedBy(), change.ref.hash()));
            }
        }
    }

    /** Decommissioning or destroying: the owner takes an item out of the supply chain. */
    private void retire(Change change, EpcisEvent event, ItemStatus to) {
        for (Epc epc : resolveAll(change.ref, event.allInstanceEpcs())) {
            ItemState item = requireItem(change.ref, epc);
            // Skipped only when already retired by this event (destroyed with a container named before it); what a
            // decommissioned container named before it set loose is still active and is retired here.
            if (item.status() == to && change.ref.hash().equals(item.lastEventHash())) {
                continue;
            }
            if (!submitter.equals(item.owner()) || item.isInTransit()) {
                throw notInPossession(change.ref, item);
            }
            boolean allowed = to == ItemStatus.DESTROYED
                    ? item.status() != ItemStatus.DISPENSED && item.status() != ItemStatus.DESTROYED
                    : !item.status().isTerminal();
            if (!allowed) {
                throw TraceabilityError.ITEM_INACTIVE.exception(change.ref + ": " + item.epc() + " is "
                        + item.status() + " and cannot be " + to);
            }
            if (item.parent() != null) {
                ledger.removeChild(item.parent(), item.epc());
            }
            ledger.putItem(item.withParent(null, to, change.ref.hash()));
            change.touchNamed(item.epc());
            for (String childKey : ledger.children(item.epc())) {
                ItemState child = ledger.item(childKey);
                if (to == ItemStatus.DESTROYED) {
                    // What is inside a destroyed case is destroyed with it; the links stay to show what it held.
                    moveWithContents(change, child, item.epc(), i -> !i.status().isTerminal(),
                            i -> i.withStatus(ItemStatus.DESTROYED, change.ref.hash()));
                } else {
                    // A decommissioned container no longer exists; what it held is loose again.
                    ledger.removeChild(item.epc(), childKey);
                    ledger.putItem(child.withParent(null, child.looseStatus(), change.ref.hash()));
                    change.touch(childKey, item.epc());
                }
            }
        }
    }

    /** Any other event changes no state, but belongs to the history of the items it names. */
    private void observe(Change change, EpcisEvent event) {
        for (Epc epc : resolveAll(change.ref, event.allInstanceEpcs())) {
            if (ledger.item(epc.key()) != null) {
                change.touch(epc.key(), null);
            }
        }
    }

    /**
     * A trading partner's own recall signal: disposition or persistent disposition {@code recalled} sets the item's
     * flag, unsetting the persistent disposition clears it. The owner or the brand owner may set it; only the brand
     * owner may clear it, or whoever holds a pack could lift a manufacturer's recall and dispense it without alert.
     */
    private void applyRecallDisposition(Change change, EpcisEvent event) {
        PersistentDisposition persistent = event.getPersistentDisposition();
        boolean set = RECALLED.equals(CbvVocabulary.DISPOSITION.bareName(event.getDisposition()))
                || (persistent != null && persistent.set().stream()
                        .anyMatch(d -> RECALLED.equals(CbvVocabulary.DISPOSITION.bareName(d))));
        boolean unset = persistent != null && persistent.unset().stream()
                .anyMatch(d -> RECALLED.equals(CbvVocabulary.DISPOSITION.bareName(d)));
        if (!set && !unset) {
            return;
        }
        for (Epc epc : resolveAll(change.ref, event.allInstanceEpcs())) {
            ItemState item = ledger.item(epc.key());
            if (item == null) {
                continue;
            }
            if (!submitter.equals(item.owner()) && !submitter.equals(epc.brandOwner())) {
                throw TraceabilityError.NOT_IN_POSSESSION.exception(change.ref + ": " + item.epc()
                        + " can be flagged recalled only by its owner " + item.owner() + " or its brand owner");
            }
            if (!set && item.recalled() && !submitter.equals(epc.brandOwner())) {
                throw TraceabilityError.NOT_GTIN_OWNER.exception(change.ref + ": " + item.epc() + " is flagged"
                        + " recalled; only its brand owner " + (epc.brandOwner() == null ? "(none registered)"
                        : epc.brandOwner()) + " can clear the flag, not " + submitter);
            }
            ledger.putItem(item.withRecalled(set, change.ref.hash()));
            change.touch(item.epc(), null);
        }
    }

    // ---------------------------------------------------------------- helpers

    private interface ItemFilter {
        boolean test(ItemState item);
    }

    private interface ItemUpdate {
        ItemState apply(ItemState item);
    }

    /** Updates an item and, recursively, what is packed in it: contents travel with their container. */
    private void moveWithContents(Change change, ItemState item, String via, ItemFilter contentFilter,
                                  ItemUpdate update) {
        if (change.touched.containsKey(item.epc())) {
            return;
        }
        ledger.putItem(update.apply(item));
        change.touch(item.epc(), via);
        String containerKey = via == null ? item.epc() : via;
        for (String childKey : ledger.children(item.epc())) {
            ItemState child = ledger.item(childKey);
            if (child != null && contentFilter.test(child)) {
                moveWithContents(change, child, containerKey, contentFilter, update);
            }
        }
    }

    /** The organisation a shipment goes to, from the destination list. */
    private String recipient(EventRef ref, EpcisEvent event) {
        for (String type : RECIPIENT_TYPES) {
            for (SourceDestination destination : event.getDestinationList()) {
                if (type.equals(CbvVocabulary.SOURCE_DESTINATION_TYPE.bareName(destination.type()))
                        && destination.value() != null && !destination.value().isBlank()) {
                    PartyRecord party = ledger.party(EpcResolver.partyKey(destination.value()));
                    if (party != null) {
                        return party.mspId();
                    }
                }
            }
        }
        for (SourceDestination destination : event.getDestinationList()) {
            if (MSP_DESTINATION_TYPE.equals(destination.type()) && destination.value() != null
                    && !destination.value().isBlank()) {
                return destination.value().trim();
            }
        }
        List<String> given = new ArrayList<>();
        event.getDestinationList().forEach(d -> given.add(d.value()));
        throw TraceabilityError.UNKNOWN_RECIPIENT.exception(ref + ": no destination maps to an organisation "
                + (given.isEmpty() ? "(the event has no destinationList)" : given.toString())
                + "; register the party or name the recipient MSP");
    }

    private void requireBrandOwner(EventRef ref, Epc epc, String doing) {
        if (epc.brandOwner() == null) {
            throw TraceabilityError.NOT_GTIN_OWNER.exception(ref + ": cannot " + doing + " " + epc.key()
                    + ": its company prefix is not registered to any organisation");
        }
        if (!epc.brandOwner().equals(submitter)) {
            throw TraceabilityError.NOT_GTIN_OWNER.exception(ref + ": cannot " + doing + " " + epc.key()
                    + ": company prefix " + epc.companyPrefix() + " belongs to " + epc.brandOwner()
                    + ", not " + submitter);
        }
    }

    private ItemState requireItem(EventRef ref, Epc epc) {
        ItemState item = ledger.item(epc.key());
        if (item == null) {
            throw TraceabilityError.NOT_COMMISSIONED.exception(ref + ": " + epc.key() + " was never commissioned");
        }
        return item;
    }

    /** The submitter owns the item, it is not in transit, and it is still in the supply chain. */
    private void requireHeld(EventRef ref, ItemState item, String doing) {
        if (!submitter.equals(item.owner()) || item.isInTransit()) {
            throw notInPossession(ref, item);
        }
        if (item.status().isTerminal()) {
            throw TraceabilityError.ITEM_INACTIVE.exception(ref + ": cannot " + doing + " " + item.epc()
                    + ": it is " + item.status());
        }
    }

    private RuntimeException notInPossession(EventRef ref, ItemState item) {
        String state = item.isInTransit()
                ? "in transit from " + item.owner() + " to " + item.inTransitTo()
                : "owned by " + item.owner();
        return TraceabilityError.NOT_IN_POSSESSION.exception(ref + ": " + item.epc() + " is not in the possession of "
                + submitter + " (" + state + ")");
    }

    private Epc requireParent(EventRef ref, EpcisEvent event) {
        if (event.getParentId() == null || event.getParentId().isBlank()) {
            throw TraceabilityError.MALFORMED_BATCH.exception(ref + ": AggregationEvent without parentID");
        }
        Epc parent = resolve(ref, event.getParentId());
        if (parent == null) {
            throw TraceabilityError.INVALID_AGGREGATION.exception(ref + ": parent " + event.getParentId()
                    + " is not an SSCC or SGTIN");
        }
        return parent;
    }

    private boolean isAncestor(String candidate, ItemState item) {
        return hasAncestorIn(item, Set.of(candidate));
    }

    /** Whether a container the item is packed in, at any depth, is one of the candidates. */
    private boolean hasAncestorIn(ItemState item, Set<String> candidates) {
        Set<String> seen = new HashSet<>();
        String parent = item.parent();
        while (parent != null && seen.add(parent)) {
            if (candidates.contains(parent)) {
                return true;
            }
            ItemState up = ledger.item(parent);
            parent = up == null ? null : up.parent();
        }
        return false;
    }

    private List<Epc> resolveAll(EventRef ref, List<String> uris) {
        Map<String, Epc> unique = new LinkedHashMap<>();
        for (String uri : uris) {
            Epc epc = resolve(ref, uri);
            if (epc != null) {
                unique.putIfAbsent(epc.key(), epc);
            }
        }
        return new ArrayList<>(unique.values());
    }

    private Epc resolve(EventRef ref, String uri) {
        try {
            return epcs.resolve(uri);
        } catch (IllegalArgumentException e) {
            throw TraceabilityError.INVALID_EPC.exception(ref + ": " + uri + ": " + e.getMessage());
        }
    }

    private static LocalDate eventDate(EventRef ref, EpcisEvent event) {
        String time = event.getEventTime();
        if (time == null) {
            throw TraceabilityError.MALFORMED_BATCH.exception(ref + ": no eventTime");
        }
        try {
            return OffsetDateTime.parse(time).toLocalDate();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(time).toLocalDate();
            } catch (DateTimeParseException e2) {
                throw TraceabilityError.MALFORMED_BATCH.exception(ref + ": eventTime '" + time + "' is not a date-time");
            }
        }
    }

    /** The state changes and alerts of one event. */
    private static final class Change {
        final EventRef ref;
        final Map<String, Touch> touched = new LinkedHashMap<>();
        final List<Alert> alerts = new ArrayList<>();

        Change(EventRef ref) {
            this.ref = ref;
        }

        void touch(String epc, String via) {
            touched.putIfAbsent(epc, new Touch(epc, via));
        }

        /** The event names the EPC itself: that wins over having reached it through a container before. */
        void touchNamed(String epc) {
            touched.put(epc, new Touch(epc, null));
        }

        void alert(String epc, AlertReason reason, String message) {
            alerts.add(new Alert(ref.hash(), epc, reason, ref + ": " + epc + " " + message));
        }
    }
}
