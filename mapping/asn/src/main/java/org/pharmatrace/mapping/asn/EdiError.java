package org.pharmatrace.mapping.asn;

/**
 * One problem found in an interchange, located precisely enough for an acknowledgement to name it.
 *
 * @param code what is wrong
 * @param message the explanation, in words the partner can act on
 * @param groupControlNumber GS06 (or UNG 0048) of the group it is in, null outside a group
 * @param transactionControlNumber ST02 (or UNH 0062) of the transaction it is in, null outside a transaction
 * @param segmentTag the segment it is in (for a missing segment: the segment that is missing), null when unknown
 * @param segmentPosition in a transaction: counted from its header segment (ST, UNH = 1); outside: counted from
 *        the interchange header (ISA, UNB = 1); 0 when unknown
 * @param elementPosition the element position, 0 when the segment as a whole is meant
 * @param componentPosition the component position, 0 when none
 * @param elementReference the data element reference number when known, else null
 * @param badData a copy of the offending value when there is one, else null
 */
public record EdiError(AsnErrorCode code, String message, String groupControlNumber, String transactionControlNumber,
                       String segmentTag, int segmentPosition, int elementPosition, int componentPosition,
                       String elementReference, String badData) {

    /** Which envelope an error belongs to; it decides which acknowledgement segment reports it. */
    public enum Scope {
        /** ISA/IEA, UNA/UNB/UNZ, or the file itself (size, encoding, truncation). */
        INTERCHANGE,
        /** GS/GE, UNG/UNE. */
        GROUP,
        /** ST/SE, UNH/UNT, or the transaction as a whole. */
        TRANSACTION,
        /** A segment inside a transaction. */
        SEGMENT
    }

    /** An error at a segment (and element) of a ship notice's content. */
    public static EdiError at(SegmentRef ref, String groupControlNumber, AsnErrorCode code, String message, String badData) {
        return new EdiError(code, message, groupControlNumber, ref.transaction(), ref.tag(), ref.position(),
                ref.element(), ref.component(), ref.reference(), badData);
    }

    /** An error about the file as a whole (size, encoding, not EDI), located by byte offset in the message. */
    public static EdiError ofDocument(AsnErrorCode code, String message) {
        return new EdiError(code, message, null, null, null, 0, 0, 0, null, null);
    }

    public Scope scope() {
        if (segmentTag != null) {
            switch (segmentTag) {
                case "ISA", "IEA", "UNA", "UNB", "UNZ", "TA1":
                    return Scope.INTERCHANGE;
                case "GS", "GE", "UNG", "UNE":
                    return Scope.GROUP;
                case "ST", "SE", "UNH", "UNT":
                    return Scope.TRANSACTION;
                default:
                    return transactionControlNumber == null ? Scope.INTERCHANGE : Scope.SEGMENT;
            }
        }
        return transactionControlNumber == null ? Scope.INTERCHANGE : Scope.TRANSACTION;
    }

    /** Where, in words: "segment 18 (LIN), element 5 in transaction 0001", "interchange segment 37 (IEA), element 2", "transaction 0001". */
    public String location() {
        StringBuilder s = new StringBuilder();
        Scope scope = scope();
        if (segmentTag != null) {
            boolean inTransaction = scope == Scope.SEGMENT
                    || (transactionControlNumber != null && scope == Scope.TRANSACTION);
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
        } else if (transactionControlNumber != null) {
            s.append("transaction ").append(transactionControlNumber);
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
