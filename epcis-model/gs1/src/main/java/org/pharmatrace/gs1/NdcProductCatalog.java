package org.pharmatrace.gs1;

import java.util.Optional;

/**
 * Product master data that turns an 11-digit billing NDC (5-4-2, one segment zero-padded) back into the real 10-digit
 * NDC: which segment was padded cannot be told from the digits, only from knowing the product.
 */
public interface NdcProductCatalog {

    /**
     * The 10-digit NDC (with its segmentation) whose billing form is {@code billingNdc}.
     *
     * @param billingNdc 11 digits, with or without hyphens (12345-6789-01)
     */
    Optional<Ndc> findByBillingNdc(String billingNdc);
}
