package org.pharmatrace.epcis.model;

import java.math.BigDecimal;

/**
 * A class-level quantity: an EPC class (e.g. an LGTIN or GTIN class URI) and, optionally, how much of it.
 *
 * @param epcClass the EPC class URI as given (EPC pure-identity URN or GS1 Digital Link)
 * @param quantity the quantity, {@code null} when the source gives none
 * @param uom the UN/ECE Rec 20 unit code, {@code null} for a count of instances
 */
public record QuantityElement(String epcClass, BigDecimal quantity, String uom) {
}
