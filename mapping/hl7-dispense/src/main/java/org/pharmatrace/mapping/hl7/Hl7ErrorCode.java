package org.pharmatrace.mapping.hl7;

/**
 * Why an HL7 dispense message was not mapped: the {@link org.pharmatrace.mapping.PartnerFormatException#code()} of
 * this module's errors, with the acknowledgement each one earns. AR (application reject) is for messages the hub
 * cannot read or does not take at all — encoding, MSH, message type, version, size; AE (application error) is for
 * readable dispense messages whose content is wrong. The HL7 error code is from HL7 table 0357.
 */
public enum Hl7ErrorCode {
    EMPTY_MESSAGE(true, 100, "Segment sequence error"),
    MESSAGE_TOO_LARGE(true, 207, "Application internal error"),
    WRONG_ENCODING(true, 207, "Application internal error"),
    BAD_MSH(true, 100, "Segment sequence error"),
    UNSUPPORTED_MESSAGE_TYPE(true, 200, "Unsupported message type"),
    UNSUPPORTED_VERSION(true, 203, "Unsupported version id"),
    UNPARSEABLE(true, 100, "Segment sequence error"),
    MISSING_SEGMENT(false, 100, "Segment sequence error"),
    MISSING_FIELD(false, 101, "Required field missing"),
    UNSUPPORTED_CODE_SYSTEM(false, 103, "Table value not found"),
    BAD_NDC(false, 102, "Data type error"),
    UNKNOWN_NDC(false, 204, "Unknown key identifier"),
    BAD_GTIN(false, 102, "Data type error"),
    BAD_CHECK_DIGIT(false, 102, "Data type error"),
    UNKNOWN_COMPANY_PREFIX(false, 207, "Application internal error"),
    BAD_TIMESTAMP(false, 102, "Data type error"),
    BAD_DATE(false, 102, "Data type error"),
    BAD_QUANTITY(false, 102, "Data type error"),
    BAD_BARCODE(false, 102, "Data type error"),
    MISSING_LOT(false, 101, "Required field missing"),
    BAD_LOT(false, 102, "Data type error"),
    PRODUCT_MISMATCH(false, 207, "Application internal error"),
    LOT_MISMATCH(false, 207, "Application internal error"),
    EXPIRY_MISMATCH(false, 207, "Application internal error"),
    DUPLICATE_PACK(false, 205, "Duplicate key identifier"),
    BAD_CONFIGURATION(false, 207, "Application internal error");

    private final boolean reject;
    private final int hl7ErrorCode;
    private final String hl7ErrorText;

    Hl7ErrorCode(boolean reject, int hl7ErrorCode, String hl7ErrorText) {
        this.reject = reject;
        this.hl7ErrorCode = hl7ErrorCode;
        this.hl7ErrorText = hl7ErrorText;
    }

    /** MSA-1 for this error: AR when the message is refused unread, AE when its content is in error. */
    public String acknowledgementCode() {
        return reject ? "AR" : "AE";
    }

    /** The HL7 table 0357 code (ERR-3 in v2.5+, the error code of ERR-1 before). */
    public int hl7ErrorCode() {
        return hl7ErrorCode;
    }

    public String hl7ErrorText() {
        return hl7ErrorText;
    }

    /** The enum constant for a {@code PartnerFormatException} code, or null for codes of other modules. */
    public static Hl7ErrorCode of(String code) {
        if (code == null) {
            return null;
        }
        for (Hl7ErrorCode c : values()) {
            if (c.name().equals(code)) {
                return c;
            }
        }
        return null;
    }
}
