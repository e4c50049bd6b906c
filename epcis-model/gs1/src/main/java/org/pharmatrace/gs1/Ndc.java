package org.pharmatrace.gs1;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A US National Drug Code: 10 digits (labeler + product + package) in one of the formats 4-4-2, 5-3-2 or 5-4-1.
 * The GTIN of an NDC-coded pack is indicator + "03" + the 10 digits + check digit, so NDC 12345-6789-0 is GTIN
 * 00312345678906. The segmentation is unknown when the NDC came as 10 plain digits or from a GTIN; the 11-digit
 * billing form (5-4-2) can only be mapped back with product master data ({@link NdcProductCatalog}).
 */
public final class Ndc {

    private static final String GS1_US_NDC_PREFIX = "03";

    private final String digits;
    private final NdcFormat format;
    /** Labeler length known from a company prefix even when product/package are not (5-3-2 vs 5-4-1); 0 when unknown. */
    private final int labelerDigits;

    private Ndc(String digits, NdcFormat format, int labelerDigits) {
        this.digits = digits;
        this.format = format;
        this.labelerDigits = format != null ? format.labelerDigits() : labelerDigits;
    }

    /**
     * Parses a hyphenated 10-digit NDC (1234-5678-90, 12345-678-90, 12345-6789-0) or 10 plain digits (segmentation
     * then unknown). An 11-digit billing NDC is rejected here; use {@link #parse(String, NdcProductCatalog)}.
     */
    public static Ndc parse(String text) {
        return parse(text, null);
    }

    /** As {@link #parse(String)}, also accepting the 11-digit billing form (5-4-2) when the catalog knows the product. */
    public static Ndc parse(String text, NdcProductCatalog catalog) {
        if (text == null || text.isBlank()) {
            throw new Gs1IdentifierException("NDC", String.valueOf(text), "empty");
        }
        String ndc = text.strip();
        String subject = "NDC " + ndc;
        String plain = ndc.replace("-", "");
        if (!CheckDigit.isDigits(plain)) {
            throw new Gs1IdentifierException(subject, ndc, "must be digits and hyphens");
        }
        if (plain.length() == 11) {
            if (catalog == null) {
                throw new Gs1IdentifierException(subject, ndc, "is an 11-digit billing NDC (5-4-2); which segment is "
                        + "zero-padded cannot be told from the digits, so it needs a product catalog");
            }
            return catalog.findByBillingNdc(plain).orElseThrow(() -> new Gs1IdentifierException(subject, ndc,
                    "11-digit billing NDC is not in the product catalog"));
        }
        if (plain.length() != 10) {
            throw new Gs1IdentifierException(subject, ndc, "must have 10 digits (or 11 in billing form), has " + plain.length());
        }
        if (!ndc.contains("-")) {
            return new Ndc(plain, null, 0);
        }
        String[] segments = ndc.split("-", -1);
        NdcFormat format = segments.length == 3
                ? NdcFormat.of(segments[0].length(), segments[1].length(), segments[2].length())
                : null;
        if (format == null) {
            throw new Gs1IdentifierException(subject, ndc, "hyphenation must be 4-4-2, 5-3-2 or 5-4-1");
        }
        return new Ndc(plain, format, 0);
    }

    /** An NDC from 10 digits and a known segmentation. */
    public static Ndc of(String tenDigits, NdcFormat format) {
        Objects.requireNonNull(format, "format");
        if (tenDigits == null || tenDigits.length() != 10 || !CheckDigit.isDigits(tenDigits)) {
            throw new Gs1IdentifierException("NDC " + tenDigits, tenDigits, "must be 10 digits");
        }
        return new Ndc(tenDigits, format, 0);
    }

    /**
     * The NDC inside an NDC-based GTIN-14 (digits 2-3 are "03"); its segmentation is unknown.
     *
     * @throws Gs1IdentifierException when the GTIN is invalid or not NDC-based
     */
    public static Ndc fromGtin14(String gtin) {
        return new Ndc(ndcDigitsOf(gtin), null, 0);
    }

    /**
     * As {@link #fromGtin14(String)}, with the labeler length taken from the company prefix length ("03" + labeler):
     * a 4-digit labeler fixes the format 4-4-2; a 5-digit labeler leaves 5-3-2 and 5-4-1 open.
     */
    public static Ndc fromGtin14(String gtin, int companyPrefixLength) {
        String digits = ndcDigitsOf(gtin);
        int labeler = companyPrefixLength - GS1_US_NDC_PREFIX.length();
        if (labeler != 4 && labeler != 5) {
            throw new Gs1IdentifierException("NDC GTIN " + gtin, gtin, "company prefix length " + companyPrefixLength
                    + " does not give a 4- or 5-digit labeler code (03 + labeler)");
        }
        return new Ndc(digits, labeler == 4 ? NdcFormat.FORMAT_4_4_2 : null, labeler);
    }

    /** As {@link #fromGtin14(String)} with a format known from product master data. */
    public static Ndc fromGtin14(String gtin, NdcFormat format) {
        return of(ndcDigitsOf(gtin), format);
    }

    /** The NDC of a GS1 key carrying an NDC-based GTIN, using its company prefix length when known. */
    public static Ndc fromGs1Key(Gs1Key key) {
        String gtin = key.gtin();
        if (gtin == null) {
            throw new Gs1IdentifierException(key.type() + " " + key.toElementString(), key.toElementString(), "carries no GTIN");
        }
        return key.companyPrefixLength() == 0 ? fromGtin14(gtin) : fromGtin14(gtin, key.companyPrefixLength());
    }

    /** True when a GTIN-14 is NDC-based: valid check digit and "03" in digits 2-3. */
    public static boolean isNdcGtin(String gtin) {
        return gtin != null && gtin.length() == 14 && CheckDigit.isValid(gtin) && gtin.startsWith(GS1_US_NDC_PREFIX, 1);
    }

    /**
     * Every 10-digit NDC whose billing form is {@code billingNdc}: one per segment that starts with a padding zero.
     * More than one means product master data must decide.
     */
    public static List<Ndc> candidatesForBillingNdc(String billingNdc) {
        String plain = billingNdc == null ? "" : billingNdc.replace("-", "").strip();
        if (plain.length() != 11 || !CheckDigit.isDigits(plain)) {
            throw new Gs1IdentifierException("NDC " + billingNdc, billingNdc, "a billing NDC must be 11 digits (5-4-2)");
        }
        List<Ndc> candidates = new ArrayList<>();
        if (plain.charAt(0) == '0') {
            candidates.add(new Ndc(plain.substring(1), NdcFormat.FORMAT_4_4_2, 0));
        }
        if (plain.charAt(5) == '0') {
            candidates.add(new Ndc(plain.substring(0, 5) + plain.substring(6), NdcFormat.FORMAT_5_3_2, 0));
        }
        if (plain.charAt(9) == '0') {
            candidates.add(new Ndc(plain.substring(0, 9) + plain.substring(10), NdcFormat.FORMAT_5_4_1, 0));
        }
        return candidates;
    }

    private static String ndcDigitsOf(String gtin) {
        if (gtin == null || gtin.length() != 14 || !CheckDigit.isDigits(gtin)) {
            throw new Gs1IdentifierException("NDC GTIN " + gtin, gtin, "GTIN must be 14 digits");
        }
        if (!CheckDigit.isValid(gtin)) {
            throw new Gs1IdentifierException("NDC GTIN " + gtin, gtin, "GTIN check digit is " + gtin.charAt(13)
                    + ", expected " + CheckDigit.compute(gtin.substring(0, 13)));
        }
        if (!gtin.startsWith(GS1_US_NDC_PREFIX, 1)) {
            throw new Gs1IdentifierException("NDC GTIN " + gtin, gtin,
                    "is not NDC-based: digits 2-3 are '" + gtin.substring(1, 3) + "', expected '03'");
        }
        return gtin.substring(3, 13);
    }

    // ---------------------------------------------------------------- conversions

    /** GTIN-14 with indicator 0 (the unit of sale). */
    public String toGtin14() {
        return toGtin14('0');
    }

    /** GTIN-14 with the given packaging indicator digit (0-8; 9 is for variable measure and has no NDC use). */
    public String toGtin14(char indicator) {
        if (indicator < '0' || indicator > '8') {
            throw new Gs1IdentifierException("NDC " + this, toString(), "indicator digit must be 0-8, was '" + indicator + "'");
        }
        return CheckDigit.append(indicator + GS1_US_NDC_PREFIX + digits);
    }

    /** The GS1 company prefix "03" + labeler code, or null when the labeler length is unknown. */
    public String companyPrefix() {
        return labelerDigits == 0 ? null : GS1_US_NDC_PREFIX + digits.substring(0, labelerDigits);
    }

    /** Company prefix length (2 + labeler digits), 0 when unknown. */
    public int companyPrefixLength() {
        return labelerDigits == 0 ? 0 : GS1_US_NDC_PREFIX.length() + labelerDigits;
    }

    /** The SGTIN of one serialised pack of this product. */
    public Gs1Key toSgtin(char indicator, String serial) {
        return Gs1Key.of(Gs1KeyType.SGTIN, toGtin14(indicator), serial, companyPrefixLength());
    }

    /**
     * 11-digit billing form 5-4-2 (the short segment zero-padded).
     *
     * @throws Gs1IdentifierException when the segmentation is unknown
     */
    public String toBillingNdc() {
        NdcFormat f = requireFormat();
        return "0".repeat(5 - f.labelerDigits()) + labeler()
                + "0".repeat(4 - f.productDigits()) + productCode()
                + "0".repeat(2 - f.packageDigits()) + packageCode();
    }

    /** Hyphenated form such as 12345-6789-0; throws when the segmentation is unknown. */
    public String hyphenated() {
        requireFormat();
        return labeler() + "-" + productCode() + "-" + packageCode();
    }

    /** The ten digits without hyphens. */
    public String digits() {
        return digits;
    }

    /** The segmentation, or null when unknown. */
    public NdcFormat format() {
        return format;
    }

    /** Same digits with a segmentation from master data. */
    public Ndc withFormat(NdcFormat newFormat) {
        if (labelerDigits != 0 && newFormat.labelerDigits() != labelerDigits) {
            throw new Gs1IdentifierException("NDC " + this, toString(), "format " + newFormat + " contradicts the known "
                    + labelerDigits + "-digit labeler code");
        }
        return new Ndc(digits, newFormat, 0);
    }

    /** Labeler code (FDA-assigned), or null when its length is unknown. */
    public String labeler() {
        return labelerDigits == 0 ? null : digits.substring(0, labelerDigits);
    }

    /** Product code, or null when the segmentation is unknown. */
    public String productCode() {
        return format == null ? null : digits.substring(format.labelerDigits(), format.labelerDigits() + format.productDigits());
    }

    /** Package code, or null when the segmentation is unknown. */
    public String packageCode() {
        return format == null ? null : digits.substring(10 - format.packageDigits());
    }

    private NdcFormat requireFormat() {
        if (format == null) {
            throw new Gs1IdentifierException("NDC " + digits, digits,
                    "segmentation (4-4-2, 5-3-2 or 5-4-1) is unknown; it comes from product master data");
        }
        return format;
    }

    /** Equal when the ten digits are equal (the same NDC, however it was written). */
    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof Ndc && digits.equals(((Ndc) o).digits));
    }

    @Override
    public int hashCode() {
        return digits.hashCode();
    }

    /** Hyphenated when the segmentation is known, else the ten digits. */
    @Override
    public String toString() {
        return format == null ? digits : hyphenated();
    }
}
