package org.pharmatrace.epcis.cbv;

/** Namespace URIs of the EPCIS, SBDH and related standards, for readers and writers of both syntaxes. */
public final class EpcisNamespaces {
    public static final String EPCIS_2_0 = "urn:epcglobal:epcis:xsd:2";
    public static final String EPCIS_1_2 = "urn:epcglobal:epcis:xsd:1";
    public static final String EPCIS_QUERY_2_0 = "urn:epcglobal:epcis-query:xsd:2";
    public static final String EPCIS_QUERY_1_2 = "urn:epcglobal:epcis-query:xsd:1";
    public static final String EPCIS_MASTER_DATA_2_0 = "urn:epcglobal:epcis-masterdata:xsd:2";
    public static final String EPCIS_MASTER_DATA_1_2 = "urn:epcglobal:epcis-masterdata:xsd:1";
    public static final String SBDH = "http://www.unece.org/cefact/namespaces/StandardBusinessDocumentHeader";
    /** GS1 US Healthcare extensions carried by DSCSA files (transaction statements and the like). */
    public static final String GS1_US_HEALTHCARE = "http://epcis.gs1us.org/hc/ns";
    public static final String CBV_MASTER_DATA_ATTRIBUTES = "urn:epcglobal:cbv:mda";
    public static final String GS1_WEB_VOCABULARY = "https://gs1.org/voc/";
    public static final String EPCIS_JSONLD_CONTEXT = "https://ref.gs1.org/standards/epcis/epcis-context.jsonld";
    public static final String EPCIS_TERMS = "https://ref.gs1.org/epcis/";

    private EpcisNamespaces() {
    }
}
