package org.pharmatrace.epcis.io;

/** The syntaxes the hub reads and writes. */
public enum EpcisFormat {
    /** EPCIS 2.0 XML, namespace {@code urn:epcglobal:epcis:xsd:2}. */
    XML_2_0,
    /** EPCIS 1.2 XML, namespace {@code urn:epcglobal:epcis:xsd:1}, as DSCSA partners exchange it. */
    XML_1_2,
    /** EPCIS 2.0 JSON-LD. */
    JSON_LD
}
