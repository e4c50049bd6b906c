package org.pharmatrace.gs1;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** An {@link NdcProductCatalog} held in memory, filled from product master data (e.g. EPCIS EPCClass master data). */
public final class InMemoryNdcProductCatalog implements NdcProductCatalog {

    private final Map<String, Ndc> byBillingNdc = new ConcurrentHashMap<>();

    /** Registers a product's NDC (its segmentation must be known); returns this catalog for chaining. */
    public InMemoryNdcProductCatalog add(Ndc ndc) {
        byBillingNdc.put(ndc.toBillingNdc(), ndc);
        return this;
    }

    /** Registers a hyphenated 10-digit NDC such as "12345-6789-0". */
    public InMemoryNdcProductCatalog add(String hyphenatedNdc) {
        return add(Ndc.parse(hyphenatedNdc));
    }

    @Override
    public Optional<Ndc> findByBillingNdc(String billingNdc) {
        if (billingNdc == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(byBillingNdc.get(billingNdc.replace("-", "").strip()));
    }

    /** Number of registered products. */
    public int size() {
        return byBillingNdc.size();
    }
}
