package org.pharmatrace.gs1;

import java.util.Collections;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * How long the GS1 Company Prefix is when the identifier itself does not say (Digital Link, element strings, NDC-based
 * GTINs): the EPC URN needs it, GS1 keys do not carry it. Immutable; {@code with…} methods return a changed copy.
 *
 * <p>Resolution order: the longest configured prefix that the digits start with; then the US NDC rule (GS1 US assigns
 * "03" + FDA labeler code as company prefix, so digits starting "03" get the configured NDC length, 7 by default =
 * 03 + a 5-digit labeler); then the default length, if one is set.
 */
public final class CompanyPrefixLengths {

    /** 03 + 5-digit labeler code, the most common labeler length (see domain notes). */
    public static final int DEFAULT_NDC_COMPANY_PREFIX_LENGTH = 7;

    private static final String NDC_PREFIX = "03";

    private final Map<String, Integer> lengthByPrefix;
    private final int ndcCompanyPrefixLength;
    private final int defaultLength;

    private CompanyPrefixLengths(Map<String, Integer> lengthByPrefix, int ndcCompanyPrefixLength, int defaultLength) {
        this.lengthByPrefix = lengthByPrefix;
        this.ndcCompanyPrefixLength = ndcCompanyPrefixLength;
        this.defaultLength = defaultLength;
    }

    /** No configured prefixes, the NDC rule with 7 digits, no default. */
    public static CompanyPrefixLengths defaults() {
        return new CompanyPrefixLengths(Map.of(), DEFAULT_NDC_COMPANY_PREFIX_LENGTH, 0);
    }

    /** Knows nothing: every lookup is unknown. */
    public static CompanyPrefixLengths none() {
        return new CompanyPrefixLengths(Map.of(), 0, 0);
    }

    /** Adds (or replaces) an entry: identifiers whose company-prefix position starts with {@code prefix} have a prefix of {@code length} digits. */
    public CompanyPrefixLengths with(String prefix, int length) {
        if (prefix == null || !CheckDigit.isDigits(prefix)) {
            throw new IllegalArgumentException("company prefix entry '" + prefix + "' must be digits");
        }
        requireValidLength(length, "company prefix length for " + prefix);
        TreeMap<String, Integer> copy = new TreeMap<>(lengthByPrefix);
        copy.put(prefix, length);
        return new CompanyPrefixLengths(Collections.unmodifiableMap(copy), ndcCompanyPrefixLength, defaultLength);
    }

    /** Sets the company prefix length used for "03" (NDC-based) prefixes: 6, 7 or 8 for 4-, 5- or 6-digit labeler codes; 0 disables the rule. */
    public CompanyPrefixLengths withNdcCompanyPrefixLength(int length) {
        if (length != 0) {
            requireValidLength(length, "NDC company prefix length");
        }
        return new CompanyPrefixLengths(lengthByPrefix, length, defaultLength);
    }

    /** Sets the length used when nothing else matches; 0 means unknown. */
    public CompanyPrefixLengths withDefault(int length) {
        if (length != 0) {
            requireValidLength(length, "default company prefix length");
        }
        return new CompanyPrefixLengths(lengthByPrefix, ndcCompanyPrefixLength, length);
    }

    /**
     * The company prefix length for digits that start where the company prefix starts (i.e. after a GTIN indicator
     * or SSCC extension digit), or empty when unknown.
     */
    public OptionalInt lengthFor(String digitsFromCompanyPrefix) {
        if (digitsFromCompanyPrefix == null || digitsFromCompanyPrefix.isEmpty()) {
            return OptionalInt.empty();
        }
        String best = null;
        for (String prefix : lengthByPrefix.keySet()) {
            if (digitsFromCompanyPrefix.startsWith(prefix) && (best == null || prefix.length() > best.length())) {
                best = prefix;
            }
        }
        if (best != null) {
            return OptionalInt.of(lengthByPrefix.get(best));
        }
        if (ndcCompanyPrefixLength > 0 && digitsFromCompanyPrefix.startsWith(NDC_PREFIX)) {
            return OptionalInt.of(ndcCompanyPrefixLength);
        }
        return defaultLength > 0 ? OptionalInt.of(defaultLength) : OptionalInt.empty();
    }

    /** Length used for "03" (NDC-based) prefixes, 0 when the rule is off. */
    public int ndcCompanyPrefixLength() {
        return ndcCompanyPrefixLength;
    }

    private static void requireValidLength(int length, String what) {
        if (length < 6 || length > 12) {
            throw new IllegalArgumentException(what + " must be 6 to 12 digits, was " + length);
        }
    }

    @Override
    public String toString() {
        return "CompanyPrefixLengths" + lengthByPrefix + ", ndc=" + ndcCompanyPrefixLength + ", default=" + defaultLength;
    }
}
