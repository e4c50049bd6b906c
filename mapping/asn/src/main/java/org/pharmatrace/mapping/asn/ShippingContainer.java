package org.pharmatrace.mapping.asn;

import java.util.List;

/**
 * A logistic unit identified by an SSCC (pallet, case, tote) with what it holds: other containers and items.
 *
 * @param sscc the SSCC as sent (18 digits, an "00" AI prefix already removed), not yet validated
 * @param packaging the packaging level or type as sent (X12 HL03 such as T or P, EDIFACT PAC 7065 such as 201 or CT)
 * @param children containers packed directly inside this one
 * @param items lines packed directly inside this one
 * @param source the segment carrying the SSCC (MAN, GIN), pointing at the SSCC element
 */
public record ShippingContainer(String sscc, String packaging, List<ShippingContainer> children,
                                List<ShippedItem> items, SegmentRef source) {

    public ShippingContainer {
        children = List.copyOf(children);
        items = List.copyOf(items);
    }

    public boolean isEmpty() {
        return children.isEmpty() && items.isEmpty();
    }
}
