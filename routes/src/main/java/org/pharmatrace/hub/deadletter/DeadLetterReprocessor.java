package org.pharmatrace.hub.deadletter;

import java.io.IOException;
import org.pharmatrace.hub.capture.CaptureJob;
import org.pharmatrace.hub.partner.TradingPartner;

/**
 * A channel's way of reprocessing its whole-document dead letters (an HL7 message, a serial CSV file, ...), which
 * the EPCIS capture path cannot read: {@code POST /dlq/{id}/reprocess} hands every such entry of {@link #channel()}
 * to it. Spring beans of this type are collected by {@link DeadLetterDesk}; entries of a channel without one (http,
 * unknown) are captured again as EPCIS documents. Event entries never come here: they are EPCIS events already.
 */
public interface DeadLetterReprocessor {

    /** The channel whose entries this reprocessor takes, as {@link DeadLetter#channel()} names it. */
    String channel();

    /**
     * Runs the payload through the channel's own mapping and the ingest path, as the entry's partner, with the checks
     * of today. The desk resolves the entry when the returned job accepted events.
     *
     * @param entry the open entry (its stage, reason, stored original ...)
     * @param partner the partner that sent it, still configured
     * @param payload the corrected payload sent with the call, else the entry's own
     * @return the finished capture job (also when some or all events were refused by the ingest path)
     * @throws ReprocessingRefusedException when the payload is refused as a whole again, with the reason
     */
    CaptureJob reprocess(DeadLetter entry, TradingPartner partner, DeadLetterPayload payload) throws IOException;
}
