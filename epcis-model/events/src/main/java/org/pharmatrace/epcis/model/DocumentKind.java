package org.pharmatrace.epcis.model;

/** Whether a document carries captured events or the answer to a query. */
public enum DocumentKind {
    /** {@code EPCISDocument}: events being captured or exchanged. */
    EPCIS_DOCUMENT,
    /** {@code EPCISQueryDocument}: the result of an EPCIS query or subscription. */
    EPCIS_QUERY_DOCUMENT
}
