package org.pharmatrace.mapping.hl7;

/**
 * Where in an HL7 v2 message something is: segment, which occurrence of it, field, field repetition and component,
 * as an ACK's ERR segment reports them (ERL in v2.5+, ELD before). Never carries a value.
 *
 * @param segment the segment ID, e.g. "OBX"; "MSH" for message-level problems
 * @param occurrence which occurrence of the segment in the message, from 1
 * @param field the field number, 0 when the whole segment is meant
 * @param repetition the field repetition, from 1; 0 when not specific
 * @param component the component, from 1; 0 when not specific
 */
public record Hl7Location(String segment, int occurrence, int field, int repetition, int component) {

    public static Hl7Location segment(String segment, int occurrence) {
        return new Hl7Location(segment, occurrence, 0, 0, 0);
    }

    public static Hl7Location field(String segment, int occurrence, int field) {
        return new Hl7Location(segment, occurrence, field, 0, 0);
    }

    public Hl7Location repetition(int repetition) {
        return new Hl7Location(segment, occurrence, field, repetition, component);
    }

    public Hl7Location component(int component) {
        return new Hl7Location(segment, occurrence, field, repetition, component);
    }

    /** As people write it: "RXD-2", "OBX-5 (repetition 2)", "OBX-5 (segment 3, repetition 1)", "RXD (segment 2)". */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(segment);
        if (field > 0) {
            s.append('-').append(field);
            if (component > 0) {
                s.append('.').append(component);
            }
        }
        String qualifiers = (occurrence > 1 ? "segment " + occurrence : "")
                + (occurrence > 1 && repetition > 0 ? ", " : "")
                + (repetition > 0 ? "repetition " + repetition : "");
        if (!qualifiers.isEmpty()) {
            s.append(" (").append(qualifiers).append(')');
        }
        return s.toString();
    }
}
