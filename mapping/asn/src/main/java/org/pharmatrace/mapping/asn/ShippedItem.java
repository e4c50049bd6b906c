package org.pharmatrace.mapping.asn;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One line of a ship notice: a product, its lot and expiry, and either the serial numbers of the packs shipped or
 * just their quantity (class level).
 *
 * @param product the first usable product identifier of the line (GTIN preferred over NDC when both are sent)
 * @param lot batch/lot number, null when not sent
 * @param expiry expiration date, null when not sent
 * @param quantity quantity shipped, null when not sent
 * @param unit unit of the quantity as sent (X12 355, EDIFACT 6411), null when not sent
 * @param serials serial numbers in document order, empty for class-level lines
 * @param source the line segment (LIN)
 * @param quantitySource the segment of the quantity (SN1, QTY), null when none
 */
public record ShippedItem(ProductId product, String lot, LocalDate expiry, BigDecimal quantity, String unit,
                          List<String> serials, SegmentRef source, SegmentRef quantitySource) {

    public ShippedItem {
        serials = List.copyOf(serials);
    }

    public boolean isSerialised() {
        return !serials.isEmpty();
    }
}
