package org.pharmatrace.mapping.asn;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.pharmatrace.mapping.asn.AsnParty.PartyRole;

/**
 * An advance ship notice as the hub understands it, whatever syntax it came in (X12 856, EDIFACT DESADV): the
 * shipment, its parties and references, and the packing hierarchy pallets → cases → items. {@link AsnToEpcis} maps
 * it to EPCIS events.
 *
 * @param noticeNumber the shipment/despatch advice number (BSN02, BGM 1004)
 * @param shipDate the ship date (DTM*011, DTM+11; the document date when the notice has none)
 * @param shipTime the ship time, null when the notice gives none
 * @param shipTimeOffset the offset of the ship time when the notice says (X12 DTM04 time code), else null: the
 *        partner profile's offset applies
 * @param purchaseOrders purchase order numbers (PRF01, RFF+ON), without duplicates, in document order
 * @param billOfLading the bill of lading number (REF*BM, RFF+BM), null when none
 * @param parties the parties named (N1, NAD), in document order
 * @param containers the top-level containers (those in no other container)
 * @param looseItems lines not packed in any identified container
 * @param source the beginning segment (BSN, BGM)
 */
public record AdvanceShipNotice(String noticeNumber, LocalDate shipDate, LocalTime shipTime, ZoneOffset shipTimeOffset,
                                List<String> purchaseOrders, String billOfLading, List<AsnParty> parties,
                                List<ShippingContainer> containers, List<ShippedItem> looseItems, SegmentRef source) {

    public AdvanceShipNotice {
        purchaseOrders = List.copyOf(purchaseOrders);
        parties = List.copyOf(parties);
        containers = List.copyOf(containers);
        looseItems = List.copyOf(looseItems);
    }

    /** The first party with one of these roles, trying the roles in the order given. */
    public Optional<AsnParty> party(PartyRole... roles) {
        for (PartyRole role : roles) {
            for (AsnParty p : parties) {
                if (p.role() == role) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }
}
