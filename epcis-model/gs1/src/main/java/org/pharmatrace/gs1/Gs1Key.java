package org.pharmatrace.gs1;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A parsed GS1 identifier (SGTIN, SSCC, SGLN, LGTIN, …) that converts between EPC URN, GS1 Digital Link and GS1
 * element string. Immutable. Kept in GS1 terms (the primary key value plus one qualifier such as serial, lot or GLN
 * extension); the company prefix length is only needed for the EPC URN and may be unknown.
 */
public final class Gs1Key {

    /** Domain of the canonical GS1 Digital Link. */
    public static final String CANONICAL_DIGITAL_LINK_BASE = "https://id.gs1.org";

    private final Gs1KeyType type;
    private final String keyValue;
    private final String qualifier;
    private final int companyPrefixLength;

    private Gs1Key(Gs1KeyType type, String keyValue, String qualifier, int companyPrefixLength) {
        this.type = type;
        this.keyValue = keyValue;
        this.qualifier = qualifier;
        this.companyPrefixLength = companyPrefixLength;
    }

    // ---------------------------------------------------------------- parsing

    /**
     * Parses an EPC pure-identity URN (urn:epc:id:…), EPC class URN (urn:epc:class:lgtin:…), EPC id pattern for a
     * class (urn:epc:idpat:sgtin:CP.IR.*), or a GS1 Digital Link URI on any domain. For Digital Links the company
     * prefix length comes from {@link CompanyPrefixLengths#defaults()} (i.e. known only for NDC-based "03" keys).
     *
     * @throws Gs1IdentifierException when the input is not a valid GS1 identifier
     */
    public static Gs1Key parse(String uri) {
        return parse(uri, CompanyPrefixLengths.defaults());
    }

    /** As {@link #parse(String)}, resolving the company prefix of Digital Links with the given lengths. */
    public static Gs1Key parse(String uri, CompanyPrefixLengths lengths) {
        Objects.requireNonNull(lengths, "lengths");
        if (uri == null || uri.isBlank()) {
            throw new Gs1IdentifierException("GS1 identifier", String.valueOf(uri), "empty");
        }
        String trimmed = uri.trim();
        if (EpcUrn.isEpcUrn(trimmed)) {
            return EpcUrn.parse(trimmed);
        }
        if (DigitalLink.isHttpUri(trimmed)) {
            return DigitalLink.parse(trimmed, lengths);
        }
        throw new Gs1IdentifierException("GS1 identifier " + uri, uri,
                "neither an EPC URN (urn:epc:id:…, urn:epc:class:…, urn:epc:idpat:…) nor a GS1 Digital Link (https://…/01/…)");
    }

    /** Parses when the input is a valid GS1 identifier (see {@link #parse(String)}), else empty; never throws for bad input. */
    public static Optional<Gs1Key> tryParse(String uri) {
        if (!isGs1Uri(uri)) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse(uri));
        } catch (Gs1IdentifierException e) {
            return Optional.empty();
        }
    }

    /**
     * Quick test: looks like an EPC URN or a GS1 Digital Link. A Digital Link on {@code id.gs1.org} needs only a
     * primary key AI with a value; on any other domain the value must also have the key's format (e.g. 13 digits
     * after /414/ or /party/), so that ordinary web addresses are not taken for keys. Check digits are not verified.
     */
    public static boolean isGs1Uri(String uri) {
        if (uri == null) {
            return false;
        }
        String trimmed = uri.trim();
        return EpcUrn.isEpcUrn(trimmed) || DigitalLink.looksLikeDigitalLink(trimmed);
    }

    /**
     * Whether the URI is a GS1 Digital Link or an EPC URN of a scheme this module parses, so that {@link #parse}
     * failing on it means the identifier is wrong. EPC schemes outside GS1 keys (ADI, USDoD) and class patterns of
     * keys without a class form are not, and are left to other checks.
     */
    public static boolean isSupportedGs1Uri(String uri) {
        if (uri == null) {
            return false;
        }
        String trimmed = uri.trim();
        return DigitalLink.looksLikeDigitalLink(trimmed) || EpcUrn.isEpcUrn(trimmed) && EpcUrn.hasSupportedScheme(trimmed);
    }

    /** Longest serial (AI 21) and batch/lot (AI 10) GS1 allows. */
    public static final int MAX_SERIAL_OR_LOT_LENGTH = 20;

    /** Whether the value is a GS1 serial number (AI 21): 1 to 20 characters of set 82. */
    public static boolean isValidSerial(String serial) {
        return isSet82Text(serial);
    }

    /** Whether the value is a GS1 batch/lot (AI 10): 1 to 20 characters of set 82. */
    public static boolean isValidBatchLot(String lot) {
        return isSet82Text(lot);
    }

    private static boolean isSet82Text(String value) {
        return value != null && !value.isEmpty() && value.length() <= MAX_SERIAL_OR_LOT_LENGTH
                && Gs1Characters.isSet82(value);
    }

    // ---------------------------------------------------------------- factories

    /** SGTIN from a GTIN-14 (check digit verified) and a serial (AI 21). */
    public static Gs1Key sgtin(String gtin14, String serial, int companyPrefixLength) {
        return of(Gs1KeyType.SGTIN, gtin14, serial, companyPrefixLength);
    }

    /** LGTIN (GTIN + lot, an EPC class) from a GTIN-14 and a batch/lot (AI 10). */
    public static Gs1Key lgtin(String gtin14, String lot, int companyPrefixLength) {
        return of(Gs1KeyType.LGTIN, gtin14, lot, companyPrefixLength);
    }

    /** Product-level GTIN (an EPC class without serial or lot). */
    public static Gs1Key gtin(String gtin14, int companyPrefixLength) {
        return of(Gs1KeyType.GTIN, gtin14, null, companyPrefixLength);
    }

    /** SSCC from its 18 digits (check digit verified). */
    public static Gs1Key sscc(String sscc18, int companyPrefixLength) {
        return of(Gs1KeyType.SSCC, sscc18, null, companyPrefixLength);
    }

    /** SGLN from a 13-digit GLN and an optional extension (AI 254); null or "0" means no extension. */
    public static Gs1Key sgln(String gln13, String extension, int companyPrefixLength) {
        return of(Gs1KeyType.SGLN, gln13, extension, companyPrefixLength);
    }

    /** Party GLN (AI 417). */
    public static Gs1Key pgln(String gln13, int companyPrefixLength) {
        return of(Gs1KeyType.PGLN, gln13, null, companyPrefixLength);
    }

    /**
     * Any key type from its primary AI value and qualifier (AI 21 for SGTIN/ITIP, 10 for LGTIN, 254 for SGLN,
     * 8011 for CPI, 235 for UPUI; null for the others). A company prefix length of 0 means unknown.
     *
     * @throws Gs1IdentifierException when a value breaks the GS1 rules (check digit, length, character set)
     */
    public static Gs1Key of(Gs1KeyType type, String keyValue, String qualifier, int companyPrefixLength) {
        Objects.requireNonNull(type, "type");
        String subject = type.name() + " " + elementString(type, keyValue, qualifier);
        return create(type, keyValue, qualifier, companyPrefixLength, subject);
    }

    /**
     * Same key with the company prefix length taken from {@code lengths} when it is not known yet; a configured length
     * that cannot fit this key (too long, or over non-digits) leaves it unknown.
     */
    public Gs1Key withCompanyPrefixLengths(CompanyPrefixLengths lengths) {
        if (companyPrefixLength > 0) {
            return this;
        }
        OptionalInt length = lengths.lengthFor(keyValue.substring(type.companyPrefixOffset()));
        if (length.isEmpty() || !Gs1KeyRules.companyPrefixFits(type, keyValue, length.getAsInt())) {
            return this;
        }
        return new Gs1Key(type, keyValue, qualifier, length.getAsInt());
    }

    /** Same key with the given company prefix length (validated against the key). */
    public Gs1Key withCompanyPrefixLength(int length) {
        return of(type, keyValue, qualifier, length);
    }

    static Gs1Key create(Gs1KeyType type, String keyValue, String qualifier, int companyPrefixLength, String subject) {
        String normalisedQualifier = Gs1KeyRules.validate(type, keyValue, qualifier, companyPrefixLength, subject);
        return new Gs1Key(type, keyValue, normalisedQualifier, companyPrefixLength);
    }

    // ---------------------------------------------------------------- representations

    /** EPC URN: pure identity (urn:epc:id:…), class URN for LGTIN, id pattern for GTIN / serial-less GRAI, GDTI, SGCN. */
    public String toEpcUri() {
        return EpcUrn.format(this);
    }

    /** Canonical GS1 Digital Link on id.gs1.org, e.g. https://id.gs1.org/01/10614141073464/21/2017. */
    public String toDigitalLink() {
        return DigitalLink.format(this, CANONICAL_DIGITAL_LINK_BASE);
    }

    /** GS1 Digital Link on a domain (and optional path) of one's own, e.g. "https://example.com/products". */
    public String toDigitalLink(String base) {
        Objects.requireNonNull(base, "base");
        return DigitalLink.format(this, base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
    }

    /** Human-readable element string with AIs in parentheses, e.g. (01)00312345678906(21)ABC. */
    public String toElementString() {
        return elementString(type, keyValue, qualifier);
    }

    /** The AIs of this key and their values, in element-string order. */
    public Map<String, String> aiValues() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(type.primaryAi(), keyValue);
        String qualifierAi = qualifierAi(type);
        if (qualifierAi != null && qualifier != null) {
            values.put(qualifierAi, qualifier);
        }
        return Collections.unmodifiableMap(values);
    }

    private static String elementString(Gs1KeyType type, String keyValue, String qualifier) {
        StringBuilder s = new StringBuilder().append('(').append(type.primaryAi()).append(')').append(keyValue);
        String qualifierAi = qualifierAi(type);
        if (qualifierAi != null && qualifier != null && !(type == Gs1KeyType.SGLN && "0".equals(qualifier))) {
            s.append('(').append(qualifierAi).append(')').append(qualifier);
        }
        return s.toString();
    }

    /** The AI of the qualifier a key type carries, or null when it has none. */
    static String qualifierAi(Gs1KeyType type) {
        switch (type) {
            case SGTIN:
            case ITIP:
                return "21";
            case LGTIN:
                return "10";
            case SGLN:
                return "254";
            case CPI:
                return "8011";
            case UPUI:
                return "235";
            default:
                return null;
        }
    }

    // ---------------------------------------------------------------- accessors

    public Gs1KeyType type() {
        return type;
    }

    /** The primary key as in its AI: GTIN-14, SSCC-18, GLN-13, the AI 8003 GRAI (with serial), AI 8004 GIAI, … */
    public String gs1KeyValue() {
        return keyValue;
    }

    /** The GS1 Company Prefix, or null when its length is unknown (Digital Link or element string without configuration). */
    public String companyPrefix() {
        if (companyPrefixLength == 0) {
            return null;
        }
        int offset = type.companyPrefixOffset();
        return keyValue.substring(offset, offset + companyPrefixLength);
    }

    /** Length of the company prefix, 0 when unknown. */
    public int companyPrefixLength() {
        return companyPrefixLength;
    }

    /** Serial number: AI 21 (SGTIN, ITIP), 8011 (CPI), 235 (UPUI) or the serial part of GRAI, GDTI, SGCN; else null. */
    public String serial() {
        switch (type) {
            case SGTIN:
            case ITIP:
            case CPI:
            case UPUI:
                return qualifier;
            case GRAI:
                return keyValue.length() > 14 ? keyValue.substring(14) : null;
            case GDTI:
            case SGCN:
                return keyValue.length() > 13 ? keyValue.substring(13) : null;
            default:
                return null;
        }
    }

    /** Batch/lot (AI 10) of an LGTIN, else null. */
    public String lot() {
        return type == Gs1KeyType.LGTIN ? qualifier : null;
    }

    /** GLN extension (AI 254) of an SGLN, null when there is none (EPC extension "0"). */
    public String glnExtension() {
        return type == Gs1KeyType.SGLN ? qualifier : null;
    }

    /** GTIN-14 for SGTIN, LGTIN, GTIN, UPUI and ITIP (its first 14 digits), else null. */
    public String gtin() {
        switch (type) {
            case SGTIN:
            case LGTIN:
            case GTIN:
            case UPUI:
                return keyValue;
            case ITIP:
                return keyValue.substring(0, 14);
            default:
                return null;
        }
    }

    /** The qualifier value (serial, lot, extension, …) as stored, or null. */
    String qualifier() {
        return qualifier;
    }

    /** Equal when type, key and qualifier are equal; the company prefix length is derived knowledge and not compared. */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Gs1Key)) {
            return false;
        }
        Gs1Key other = (Gs1Key) o;
        return type == other.type && keyValue.equals(other.keyValue) && Objects.equals(qualifier, other.qualifier);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, keyValue, qualifier);
    }

    @Override
    public String toString() {
        return type + " " + toElementString();
    }
}
