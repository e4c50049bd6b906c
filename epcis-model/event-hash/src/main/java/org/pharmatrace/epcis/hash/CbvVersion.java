package org.pharmatrace.epcis.hash;

/**
 * The revision of the CBV Event Hash ID algorithm a hash is computed with; it is named in the hash itself
 * ({@code ?ver=CBV2.0}). The two revisions share the procedure and differ only where listed on each constant.
 */
public enum CbvVersion {

    /**
     * CBV 2.0, as the GS1 reference implementation computes it (RalphTro/epcis-event-hash-generator, whose test
     * vectors are the published expectations for {@code ?ver=CBV2.0}):
     * <ul>
     *   <li>{@code certificationInfo} is hashed, right after {@code eventTimeZoneOffset};</li>
     *   <li>{@code parentID} comes before {@code epcList};</li>
     *   <li>{@code bizTransactionList}, {@code sourceList}, {@code destinationList}, {@code ilmd} and the event-level
     *       user extensions come after {@code sensorElementList}, all sorted together as strings (so
     *       {@code destinationList} precedes {@code ilmd}, which precedes {@code sourceList});</li>
     *   <li>a sensorMetadata or sensorReport attribute without namespace that the standard does not define there
     *       (e.g. {@code bizRules} on a report) joins that sorted tail inside a second {@code sensorElementList};</li>
     *   <li>numbers are read as IEEE doubles and written as Python writes them: more than 15 significant digits are
     *       rounded to the nearest double, values below 0.0001 take exponent form ({@code 1e-05});</li>
     *   <li>the {@code gs1:} prefix and the bare sensor vocabulary expand to {@code https://gs1.org/voc/}.</li>
     * </ul>
     * The reference implementation has since revised its CBV 2.0 output (no {@code sensorElementList} name,
     * extensions of {@code readPoint} and the like moved to a trailing block, {@code certificationInfo} left out,
     * lists in canonical order); hashes of events with such content then differ from the published vectors, which this
     * constant follows.
     */
    CBV2_0("CBV2.0", true, false, false, "https://gs1.org/voc/"),

    /**
     * CBV 2.1 (draft), as the current reference implementation states it:
     * <ul>
     *   <li>{@code certificationInfo} is not hashed;</li>
     *   <li>the canonical property order is followed throughout: {@code epcList} before {@code parentID}, and
     *       {@code bizTransactionList}, {@code sourceList}, {@code destinationList} between {@code bizLocation} and
     *       {@code sensorElementList}, followed by {@code ilmd}, then the user extensions;</li>
     *   <li>unknown sensor attributes without namespace stay in their element, sorted with its extension
     *       attributes;</li>
     *   <li>numbers keep their exact decimal value, written positionally;</li>
     *   <li>the GS1 Web Vocabulary is {@code https://ref.gs1.org/voc/} ({@code gs1:} prefix, bare sensor terms, and
     *       {@code https://gs1.org/voc/} URIs are all written that way).</li>
     * </ul>
     * Both revisions round a fourth fraction digit of a timestamp half-up (2.1 states it, the 2.0 vectors already
     * do it), name the {@code sensorElementList} before its elements, and keep extensions of {@code readPoint},
     * {@code bizLocation} and the sensor elements inline after their parent's standard fields.
     */
    CBV2_1("CBV2.1", false, true, true, "https://ref.gs1.org/voc/");

    private final String label;
    private final boolean hashesCertificationInfo;
    private final boolean standardOrder;
    private final boolean exactNumbers;
    private final String gs1VocabularyBase;

    CbvVersion(String label, boolean hashesCertificationInfo, boolean standardOrder, boolean exactNumbers,
               String gs1VocabularyBase) {
        this.label = label;
        this.hashesCertificationInfo = hashesCertificationInfo;
        this.standardOrder = standardOrder;
        this.exactNumbers = exactNumbers;
        this.gs1VocabularyBase = gs1VocabularyBase;
    }

    /** The version as written in the hash: {@code CBV2.0}, {@code CBV2.1}. */
    public String label() {
        return label;
    }

    boolean hashesCertificationInfo() {
        return hashesCertificationInfo;
    }

    /**
     * Whether lists, ILMD and unknown sensor attributes follow the canonical property order instead of the 2.0
     * reference's sorted tail.
     */
    boolean standardOrder() {
        return standardOrder;
    }

    /** Whether numbers keep their exact decimal value rather than going through a double. */
    boolean exactNumbers() {
        return exactNumbers;
    }

    /** Base of GS1 Web Vocabulary terms such as sensor types ({@code Temperature}). */
    String gs1VocabularyBase() {
        return gs1VocabularyBase;
    }
}
