package org.pharmatrace.mapping.asn;

/**
 * Where a value of a ship notice came from, so a mapping error can name the segment and element a partner must fix
 * and an acknowledgement can point at it (X12 AK3/AK4, EDIFACT UCS/UCD).
 *
 * @param transaction the control number of the transaction set or message (ST02, UNH 0062)
 * @param tag the segment tag, e.g. {@code LIN}
 * @param position the segment's position in its transaction, counting the header segment (ST, UNH) as 1
 * @param element the element position in the segment, 0 when the whole segment is meant
 * @param component the component position in a composite element, 0 when none
 * @param reference the data element reference number (X12 element number, EDIFACT data element tag), may be null
 */
public record SegmentRef(String transaction, String tag, int position, int element, int component, String reference) {

    /** The same segment, pointing at one element. */
    public SegmentRef element(int elementPosition, int componentPosition, String elementReference) {
        return new SegmentRef(transaction, tag, position, elementPosition, componentPosition, elementReference);
    }

    /** Human-readable, e.g. "segment 18 (LIN), element 5" or "segment 16 (LIN), element 3.1". */
    public String location() {
        StringBuilder s = new StringBuilder("segment ").append(position).append(" (").append(tag).append(')');
        if (element > 0) {
            s.append(", element ").append(element);
            if (component > 0) {
                s.append('.').append(component);
            }
        }
        return s.toString();
    }

    @Override
    public String toString() {
        return location();
    }
}
