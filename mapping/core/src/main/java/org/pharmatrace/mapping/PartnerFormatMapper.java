package org.pharmatrace.mapping;

import java.io.InputStream;

/**
 * Maps one partner document (an ASN, a dispense message, a serial file) to canonical EPCIS 2.0 events.
 * Implementations stream: events go to the sink as soon as they are complete.
 */
public interface PartnerFormatMapper {

    PartnerFormat format();

    /**
     * @return how many events were produced
     * @throws PartnerFormatException when the document is malformed or cannot be mapped; the message names the
     *         segment/line and what is wrong, and events already sent to the sink must be discarded by the caller
     */
    long map(InputStream document, PartnerProfile profile, EpcisEventSink sink);
}
