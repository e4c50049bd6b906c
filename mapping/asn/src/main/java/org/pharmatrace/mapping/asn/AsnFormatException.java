package org.pharmatrace.mapping.asn;

import java.util.List;
import org.pharmatrace.mapping.PartnerFormatException;

/**
 * A ship notice that cannot be mapped, with every problem found (the first one gives the location, code and message)
 * and, when the interchange could be read, the interchange itself so an acknowledgement can reject it.
 */
public class AsnFormatException extends PartnerFormatException {

    private static final long serialVersionUID = 1L;

    private final transient EdiInterchange interchange;
    private final transient List<EdiError> errors;

    public AsnFormatException(EdiInterchange interchange, List<EdiError> errors) {
        super(errors.get(0).location(), errors.get(0).code().name(), describe(errors));
        this.interchange = interchange;
        this.errors = List.copyOf(errors);
    }

    /** The interchange as read, its errors included; null when the exception was raised outside a reader. */
    public EdiInterchange interchange() {
        return interchange;
    }

    public List<EdiError> errors() {
        return errors;
    }

    private static String describe(List<EdiError> errors) {
        String first = errors.get(0).message();
        return errors.size() == 1 ? first : first + " (and " + (errors.size() - 1) + " more: " + errors.get(1) + (errors.size() > 2 ? ", ..." : "") + ")";
    }
}
