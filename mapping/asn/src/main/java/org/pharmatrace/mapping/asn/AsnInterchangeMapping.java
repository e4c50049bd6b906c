package org.pharmatrace.mapping.asn;

import java.util.ArrayList;
import java.util.List;
import org.pharmatrace.mapping.EpcisEventSink;
import org.pharmatrace.mapping.PartnerProfile;
import org.pharmatrace.mapping.asn.EdiInterchange.FunctionalGroup;
import org.pharmatrace.mapping.asn.EdiInterchange.Transaction;

/** Maps every notice of an interchange that was read without errors, whichever syntax it came in. */
final class AsnInterchangeMapping {

    private AsnInterchangeMapping() {
    }

    static long map(EdiInterchange interchange, PartnerProfile profile, EpcisEventSink sink) {
        if (interchange.hasErrors()) {
            throw interchange.toException();
        }
        AsnToEpcis mapping = new AsnToEpcis(profile);
        List<EdiError> errors = new ArrayList<>();
        long count = 0;
        for (FunctionalGroup group : interchange.groups()) {
            for (Transaction transaction : group.transactions()) {
                if (transaction.notice() == null) {
                    continue;
                }
                try {
                    // after a failure the rest is still checked, so one acknowledgement can name every problem
                    count += mapping.map(transaction.notice(), errors.isEmpty() ? sink : event -> { });
                } catch (AsnFormatException e) {
                    e.errors().forEach(err -> errors.add(group.controlNumber() == null ? err : err.inGroup(group.controlNumber())));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw interchange.withErrors(errors).toException();
        }
        return count;
    }
}
