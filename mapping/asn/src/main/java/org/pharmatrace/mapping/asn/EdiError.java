package org.pharmatrace.mapping.asn;

/**
 * One problem found in an interchange, located precisely enough for an acknowledgement to name it.
 *
 * @param code what is wrong
 * @param message the explanation, in words the partner can act on
 * @param scope which envelope the problem belongs to; it decides which acknowledgement segment reports it
 * @param groupControlNumber GS06 (or UNG 0048) of the group it is in, null outside a group
 * @param transactionControlNumber ST02 (or UNH 0062) of the transaction it is in, null outside a transaction
 * @param segmentTag the segment it is in (for a missing segment: the segment that is missing), null when none
 * @param segmentPosition in a transaction: counted from its header segment (ST, UNH = 1); outside: counted from
 *        the interchange header (ISA, UNB = 1); 0 when none
 * @param elementPosition the element position, 0 when the segment as a whole is meant
 * @param componentPosition the component position, 0 when none
 * @param elementReference the data element reference number when known, else null
 * @param badData a copy of the offending value when there is one, else null
 * @param byteOffset for problems of the file itself (size, encoding, truncation): where in the file, else -1
 */
public record EdiError(AsnErrorCode code, String message, Scope scope, String groupControlNumber,
                       String transactionControlNumber, String segmentTag, int segmentPosition, int elementPosition,
                       int componentPosition, String elementReference, String badData, long byteOffset) {

    /** Which envelope an error belongs to. */
    public enum Scope {
        /** ISA/IEA, UNA/UNB/UNZ, or the file itself (size, encoding, truncation): X12 TA1, EDIFACT UCI. */
        INTERCHANGE,
        /** GS/GE, UNG/UNE: X12 AK9. */
        GROUP,
        /** ST/SE, UNH/UNT, or the transaction as a whole: X12 AK5, EDIFACT UCM. */
        TRANSACTION,
        /** A segment inside a transaction: X12 AK3/AK4, EDIFACT UCS/UCD. */
        SEGMENT
    }

    /** An error at a segment (and element) of a ship notice's content. */
    public static EdiError at(SegmentRef ref, AsnErrorCode code, String message, String badData) {
        return new EdiError(code, message, Scope.SEGMENT, null, ref.transaction(), ref.tag(), ref.position(),
                ref.element(), ref.component(), ref.reference(), badData, -1);
    }

    /** An error about the file as a whole, at a byte offset. */
    public static EdiError ofDocument(AsnErrorCode code, String message, long byteOffset) {
        return new EdiError(code, message, Scope.INTERCHANGE, null, null, null, 0, 0, 0, null, null, byteOffset);
    }

    /** The same error, inside the group with this control number. */
    public EdiError inGroup(String controlNumber) {
        return new EdiError(code, message, scope, controlNumber, transactionControlNumber, segmentTag, segmentPosition,
                elementPosition, componentPosition, elementReference, badData, byteOffset);
    }

    /**
     * Where, in words: "segment 18 (LIN), element 5 in transaction 0001", "interchange segment 37 (IEA), element 2",
     * "transaction 0001", "byte 400".
     */
    public String location() {
        StringBuilder s = new StringBuilder();
        boolean inTransaction = transactionControlNumber != null && (scope == Scope.SEGMENT || scope == Scope.TRANSACTION);
        if (segmentTag != null) {
            s.append(inTransaction ? "segment " : "interchange segment ");
            if (segmentPosition > 0) {
                s.append(segmentPosition).append(' ');
            }
            s.append('(').append(segmentTag).append(')');
            if (elementPosition > 0) {
                s.append(", element ").append(elementPosition);
                if (componentPosition > 0) {
                    s.append('.').append(componentPosition);
                }
            }
            if (inTransaction) {
                s.append(" in transaction ").append(transactionControlNumber);
            }
        } else if (inTransaction) {
            s.append("transaction ").append(transactionControlNumber);
        } else if (byteOffset >= 0) {
            s.append("byte ").append(byteOffset);
        } else {
            s.append("document");
        }
        return s.toString();
    }

    @Override
    public String toString() {
        return location() + ": " + code + ": " + message;
    }
}
