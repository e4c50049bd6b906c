package org.pharmatrace.mapping.asn;

/**
 * Why a ship notice was refused, with the codes the acknowledgements use for it: X12 AK3-04 (segment syntax error),
 * AK4-03 (element syntax error), AK5-02 (transaction set), AK9-05 (functional group), TA1-05 (interchange note) and
 * the EDIFACT syntax error code (0085) of CONTRL. The constant's name is the {@code PartnerFormatException} code.
 */
public enum AsnErrorCode {
    // Structure, found by StAEDI against the hub's schemas.
    UNKNOWN_SEGMENT("6", null, "5", null, "022", "15"),
    UNEXPECTED_SEGMENT("2", null, "5", null, "022", "15"),
    SEGMENT_OUT_OF_SEQUENCE("7", null, "5", null, "022", "15"),
    MANDATORY_SEGMENT_MISSING("3", null, "5", "3", "022", "13"),
    LOOP_OVER_MAXIMUM("4", null, "5", null, "022", "36"),
    SEGMENT_OVER_MAXIMUM("5", null, "5", null, "022", "35"),
    MANDATORY_ELEMENT_MISSING("8", "1", "5", "1", "022", "13"),
    CONDITIONAL_ELEMENT_MISSING("8", "2", "5", "1", "022", "13"),
    TOO_MANY_ELEMENTS("8", "3", "5", "1", "022", "16"),
    TOO_MANY_COMPONENTS("8", "3", "5", "1", "022", "16"),
    EXCLUSION_VIOLATED("8", "10", "5", "1", "022", "12"),
    ELEMENT_TOO_SHORT("8", "4", "5", "1", "022", "40"),
    ELEMENT_TOO_LONG("8", "5", "5", "1", "022", "39"),
    INVALID_CHARACTER("8", "6", "5", "1", "022", "21"),
    INVALID_CODE("8", "7", "5", "1", "022", "12"),
    INVALID_DATE("8", "8", "5", "1", "014", "12"),
    INVALID_TIME("8", "9", "5", "1", "015", "12"),
    // Envelopes and counts.
    SEGMENT_COUNT_MISMATCH(null, null, "4", null, null, "29"),
    CONTROL_NUMBER_MISMATCH(null, null, "3", "4", "001", "28"),
    CONTROL_COUNT_MISMATCH(null, null, null, "5", "021", "29"),
    TRUNCATED(null, null, "2", "3", "023", "18"),
    DOCUMENT_TOO_LARGE(null, null, "5", "1", "024", "18"),
    NOT_EDI(null, null, null, null, "022", "18"),
    UNSUPPORTED_TRANSACTION(null, null, "1", null, null, "17"),
    UNSUPPORTED_VERSION(null, null, "1", "2", null, "17"),
    // Content the hub could not map, found while reading or mapping.
    BAD_HIERARCHY("8", "7", "5", null, null, "12"),
    AMBIGUOUS_PACKAGING("8", null, "5", null, null, "18"),
    BAD_CHECK_DIGIT("8", "7", "5", null, null, "12"),
    INVALID_IDENTIFIER("8", "7", "5", null, null, "12"),
    UNKNOWN_NDC("8", "7", "5", null, null, "12"),
    UNKNOWN_COMPANY_PREFIX("8", "7", "5", null, null, "12"),
    MISSING_PRODUCT("8", "1", "5", null, null, "13"),
    MISSING_LOT("8", "2", "5", null, null, "13"),
    MISSING_SHIP_DATE("3", null, "5", null, null, "13"),
    INVALID_SERIAL("8", "7", "5", null, null, "12"),
    SERIAL_COUNT_MISMATCH("8", "7", "5", null, null, "12"),
    UNSUPPORTED_UNIT("8", "7", "5", null, null, "12"),
    LINE_COUNT_MISMATCH("8", "7", "5", null, null, "12"),
    /** A refusal raised outside this module (e.g. EPCIS validation of the mapped events). */
    MAPPING_FAILED(null, null, "5", null, null, "18");

    private final String x12SegmentCode;
    private final String x12ElementCode;
    private final String x12TransactionCode;
    private final String x12GroupCode;
    private final String ta1NoteCode;
    private final String edifactCode;

    AsnErrorCode(String x12SegmentCode, String x12ElementCode, String x12TransactionCode, String x12GroupCode,
                 String ta1NoteCode, String edifactCode) {
        this.x12SegmentCode = x12SegmentCode;
        this.x12ElementCode = x12ElementCode;
        this.x12TransactionCode = x12TransactionCode;
        this.x12GroupCode = x12GroupCode;
        this.ta1NoteCode = ta1NoteCode;
        this.edifactCode = edifactCode;
    }

    /** AK3-04 / IK3-04 when the error is in a segment of a transaction set, else null. */
    public String x12SegmentCode() {
        return x12SegmentCode;
    }

    /** AK4-03 / IK4-03 when the error is in one element, else null. */
    public String x12ElementCode() {
        return x12ElementCode;
    }

    /** AK5-02 / IK5-02: why the transaction set was rejected ("5" = one or more segments in error). */
    public String x12TransactionCode() {
        return x12TransactionCode;
    }

    /** AK9-05 when the error is in the functional group envelope (GS/GE), else null. */
    public String x12GroupCode() {
        return x12GroupCode;
    }

    /** TA1-05 when the error is in the interchange envelope (ISA/IEA), else null. */
    public String ta1NoteCode() {
        return ta1NoteCode;
    }

    /** EDIFACT syntax error, coded (0085) for UCI, UCM, UCS and UCD. */
    public String edifactCode() {
        return edifactCode;
    }
}
