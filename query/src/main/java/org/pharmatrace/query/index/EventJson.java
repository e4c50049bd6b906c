package org.pharmatrace.query.index;

import java.io.StringReader;
import org.pharmatrace.epcis.io.EpcisFormatException;
import org.pharmatrace.epcis.jsonld.EpcisJsonLdReader;
import org.pharmatrace.epcis.jsonld.JsonLdReaderOptions;
import org.pharmatrace.epcis.model.EpcisEvent;

/** Reads the JSON-LD event objects the ledger holds into the canonical model. */
public final class EventJson {

    private EventJson() {
    }

    /**
     * The event of one JSON-LD event object (with or without an {@code @context} of its own).
     *
     * @throws EpcisFormatException when it is not a readable EPCIS event
     */
    public static EpcisEvent read(String eventJson) {
        try (EpcisJsonLdReader reader = new EpcisJsonLdReader(new StringReader(eventJson), JsonLdReaderOptions.DEFAULTS)) {
            if (!reader.hasNext()) {
                throw new EpcisFormatException("not an EPCIS event object");
            }
            return reader.next();
        }
    }
}
