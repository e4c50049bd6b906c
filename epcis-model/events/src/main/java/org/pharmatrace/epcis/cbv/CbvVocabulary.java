package org.pharmatrace.epcis.cbv;

import java.util.Set;

/**
 * The CBV 2.0 code lists the hub uses, with the three spellings a term has in the wild: the bare JSON-LD name
 * ({@code shipping}), the URN of EPCIS XML ({@code urn:epcglobal:cbv:bizstep:shipping}) and the GS1 Web URI
 * ({@code https://ref.gs1.org/cbv/BizStep-shipping}). The model keeps URNs; JSON-LD uses bare names.
 */
public enum CbvVocabulary {
    BIZ_STEP("urn:epcglobal:cbv:bizstep:", "BizStep-", Set.of(
            "accepting", "arriving", "assembling", "collecting", "commissioning", "consigning",
            "creating_class_instance", "cycle_counting", "decommissioning", "departing", "destroying",
            "disassembling", "dispensing", "encoding", "entering_exiting", "holding", "inspecting", "installing",
            "killing", "loading", "other", "packing", "picking", "receiving", "removing", "repackaging", "repairing",
            "replacing", "reserving", "retail_selling", "sampling", "sensor_reporting", "shipping",
            "staging_outbound", "stock_taking", "stocking", "storing", "transporting", "unloading", "unpacking",
            "void_shipping")),
    DISPOSITION("urn:epcglobal:cbv:disp:", "Disp-", Set.of(
            "active", "available", "completeness_verified", "completeness_inferred", "conformant",
            "container_closed", "container_open", "damaged", "destroyed", "dispensed", "disposed", "encoded",
            "expired", "in_progress", "in_transit", "inactive", "mismatch_instance", "mismatch_class",
            "mismatch_quantity", "needs_replacement", "no_pedigree_match", "non_conformant", "non_sellable_other",
            "partially_dispensed", "recalled", "reserved", "retail_sold", "returned", "sellable_accessible",
            "sellable_not_accessible", "stolen", "unavailable", "unknown")),
    BIZ_TRANSACTION_TYPE("urn:epcglobal:cbv:btt:", "BTT-", Set.of(
            "bol", "cert", "desadv", "inv", "pedigree", "po", "poc", "prodorder", "recadv", "rma", "testprd",
            "testres", "upevt")),
    SOURCE_DESTINATION_TYPE("urn:epcglobal:cbv:sdt:", "SDT-", Set.of("owning_party", "possessing_party", "location")),
    ERROR_REASON("urn:epcglobal:cbv:er:", "ER-", Set.of("did_not_occur", "incorrect_data"));

    /** Base of the GS1 Web URIs of CBV terms, also the expansion of the {@code cbv:} prefix in JSON-LD. */
    public static final String WEB_URI_BASE = "https://ref.gs1.org/cbv/";

    private final String urnPrefix;
    private final String webPrefix;
    private final Set<String> terms;

    CbvVocabulary(String urnPrefix, String webTermPrefix, Set<String> terms) {
        this.urnPrefix = urnPrefix;
        this.webPrefix = WEB_URI_BASE + webTermPrefix;
        this.terms = terms;
    }

    public String urnPrefix() {
        return urnPrefix;
    }

    public String webUriPrefix() {
        return webPrefix;
    }

    public Set<String> terms() {
        return terms;
    }

    public boolean isStandardTerm(String bareName) {
        return terms.contains(bareName);
    }

    /**
     * The bare name of a standard term in any of its spellings (bare, URN, Web URI, {@code cbv:} CURIE), or
     * {@code null} when the value is not a term of this vocabulary.
     */
    public String bareName(String value) {
        if (value == null) {
            return null;
        }
        String name;
        if (value.startsWith(urnPrefix)) {
            name = value.substring(urnPrefix.length());
        } else if (value.startsWith(webPrefix)) {
            name = value.substring(webPrefix.length());
        } else if (value.startsWith("cbv:") && value.startsWith(webPrefix.substring(WEB_URI_BASE.length()), 4)) {
            name = value.substring(4 + webPrefix.length() - WEB_URI_BASE.length());
        } else {
            name = value;
        }
        return terms.contains(name) ? name : null;
    }

    /** The model's spelling: a standard term as URN; anything else (a custom URI) unchanged. */
    public String toUrn(String value) {
        String name = bareName(value);
        return name == null ? value : urnPrefix + name;
    }

    /** JSON-LD's spelling: a standard term as its bare name; anything else unchanged. */
    public String toBareName(String value) {
        String name = bareName(value);
        return name == null ? value : name;
    }

    /** The GS1 Web URI of a standard term (the Event Hash ID's canonical form); anything else unchanged. */
    public String toWebUri(String value) {
        String name = bareName(value);
        return name == null ? value : webPrefix + name;
    }
}
