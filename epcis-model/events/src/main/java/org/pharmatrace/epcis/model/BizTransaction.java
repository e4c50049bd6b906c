package org.pharmatrace.epcis.model;

/**
 * A business transaction an event takes part in (purchase order, despatch advice, bill of lading, ...).
 *
 * @param type the transaction type (CBV URN such as {@code urn:epcglobal:cbv:btt:po}, or a custom URI); may be {@code null}
 * @param value the transaction identifier URI
 */
public record BizTransaction(String type, String value) {
}
