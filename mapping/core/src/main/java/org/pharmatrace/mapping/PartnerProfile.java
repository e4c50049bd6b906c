package org.pharmatrace.mapping;

import java.util.Map;
import org.pharmatrace.gs1.CompanyPrefixLengths;
import org.pharmatrace.gs1.InMemoryNdcProductCatalog;
import org.pharmatrace.gs1.NdcProductCatalog;

/**
 * What the hub knows about a trading partner that its documents leave unsaid: who and where it is, how long GS1
 * company prefixes are, how 11-digit NDCs map to products, and the format conventions it follows. Mappings fall back
 * to the documented defaults (see the corpus README) for anything not configured.
 *
 * @param partnerId the partner's id in the hub's configuration
 * @param owningParty the partner's own party identifier (PGLN or SGLN URN), used as owning party/source; may be null
 * @param location the partner's default location (SGLN URN) for readPoint/bizLocation; may be null
 * @param eventTimeZoneOffset offset used when a format carries local times without a zone, e.g. "-05:00"
 * @param companyPrefixLengths company prefix lengths for GTINs, SSCCs and GLNs that arrive without them
 * @param ndcCatalog product master data: 11-digit NDC to GTIN
 * @param conventions format-specific settings (e.g. {@code x12.serialQualifier=SE}); keys are documented by each mapper
 */
public record PartnerProfile(String partnerId, String owningParty, String location, String eventTimeZoneOffset,
                             CompanyPrefixLengths companyPrefixLengths, NdcProductCatalog ndcCatalog,
                             Map<String, String> conventions) {

    public PartnerProfile {
        conventions = Map.copyOf(conventions);
    }

    /** The GS1 example company prefix of GS1's documentation and of this project's samples. */
    public static final String GS1_EXAMPLE_COMPANY_PREFIX = "0614141";

    /**
     * The documented defaults: no partner identity, UTC, an empty NDC catalog, and company prefix lengths for NDC-based
     * GTINs ("03" + 5-digit labeler) and for the GS1 example prefix 0614141 (7 digits). Real partners configure theirs.
     */
    public static PartnerProfile defaults() {
        return new PartnerProfile("default", null, null, "+00:00",
                CompanyPrefixLengths.defaults().with(GS1_EXAMPLE_COMPANY_PREFIX, GS1_EXAMPLE_COMPANY_PREFIX.length()),
                new InMemoryNdcProductCatalog(), Map.of());
    }

    public String convention(String key, String defaultValue) {
        return conventions.getOrDefault(key, defaultValue);
    }

    public PartnerProfile withConventions(Map<String, String> more) {
        Map<String, String> all = new java.util.HashMap<>(conventions);
        all.putAll(more);
        return new PartnerProfile(partnerId, owningParty, location, eventTimeZoneOffset, companyPrefixLengths, ndcCatalog, all);
    }
}
