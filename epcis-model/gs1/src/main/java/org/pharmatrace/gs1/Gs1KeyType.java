package org.pharmatrace.gs1;

/**
 * The kinds of GS1 key an EPC can carry, each with its EPC scheme (Tag Data Standard) and the GS1 Application
 * Identifier of its primary key (GS1 General Specifications / Digital Link).
 */
public enum Gs1KeyType {
    /** Serialised GTIN: AI 01 + AI 21. */
    SGTIN("sgtin", "01", 1, 13),
    /** Serial Shipping Container Code: AI 00. */
    SSCC("sscc", "00", 1, 17),
    /** GLN of a physical location, with optional extension: AI 414 + AI 254. */
    SGLN("sgln", "414", 0, 12),
    /** GTIN + batch/lot, an EPC class: AI 01 + AI 10. */
    LGTIN("lgtin", "01", 1, 13),
    /** GTIN alone, an EPC class (product level, no serial or lot): AI 01. */
    GTIN("sgtin", "01", 1, 13),
    /** Global Returnable Asset Identifier: AI 8003 (asset type + optional serial). */
    GRAI("grai", "8003", 1, 12),
    /** Global Individual Asset Identifier: AI 8004. */
    GIAI("giai", "8004", 0, -1),
    /** GLN of a party: AI 417. */
    PGLN("pgln", "417", 0, 12),
    /** Global Document Type Identifier: AI 253 (document type + optional serial). */
    GDTI("gdti", "253", 0, 12),
    /** Global Service Relation Number, recipient: AI 8018. */
    GSRN("gsrn", "8018", 0, 17),
    /** Global Service Relation Number, provider: AI 8017. */
    GSRNP("gsrnp", "8017", 0, 17),
    /** Serialised Global Coupon Number: AI 255. */
    SGCN("sgcn", "255", 0, 12),
    /** Component / Part Identifier with serial: AI 8010 + AI 8011. */
    CPI("cpi", "8010", 0, -1),
    /** Global Identification Number for Consignment: AI 401. */
    GINC("ginc", "401", 0, -1),
    /** Global Shipment Identification Number: AI 402. */
    GSIN("gsin", "402", 0, 16),
    /** Individual Trade Item Piece: AI 8006 + AI 21. */
    ITIP("itip", "8006", 1, 13),
    /** Unit Pack Identifier: AI 01 + AI 235 (third-party controlled serial). */
    UPUI("upui", "01", 1, 13);

    private final String epcScheme;
    private final String primaryAi;
    private final int companyPrefixOffset;
    private final int companyPrefixAndReferenceDigits;

    Gs1KeyType(String epcScheme, String primaryAi, int companyPrefixOffset, int companyPrefixAndReferenceDigits) {
        this.epcScheme = epcScheme;
        this.primaryAi = primaryAi;
        this.companyPrefixOffset = companyPrefixOffset;
        this.companyPrefixAndReferenceDigits = companyPrefixAndReferenceDigits;
    }

    /** Scheme name in the EPC URN: "sgtin" (also in GTIN's id pattern urn:epc:idpat:sgtin:…), "lgtin", "sscc", … */
    public String epcScheme() {
        return epcScheme;
    }

    /** The Application Identifier of the primary key, e.g. "01" for GTIN-based types, "00" for SSCC. */
    public String primaryAi() {
        return primaryAi;
    }

    /** True for class-level identifiers (a product or lot, not an individual object). */
    public boolean isClassLevel() {
        return this == LGTIN || this == GTIN;
    }

    /** Position in the primary key value where the GS1 Company Prefix starts (after an indicator/extension digit). */
    int companyPrefixOffset() {
        return companyPrefixOffset;
    }

    /**
     * Digits that company prefix and reference together always have in the EPC URN (TDS partition tables);
     * -1 for types whose reference is variable-length alphanumeric (GIAI, CPI, GINC).
     */
    int companyPrefixAndReferenceDigits() {
        return companyPrefixAndReferenceDigits;
    }
}
