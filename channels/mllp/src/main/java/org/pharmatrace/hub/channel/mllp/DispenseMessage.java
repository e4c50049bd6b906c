package org.pharmatrace.hub.channel.mllp;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.pharmatrace.epcis.model.EpcisEvent;
import org.pharmatrace.hub.capture.CaptureJob;
import org.pharmatrace.hub.ingest.ChannelIngest;

/**
 * One HL7 message on its way through the channel, from its arrival to its ACK; lives in one exchange. The received
 * bytes are mapped and acknowledged but never kept: only the redacted copy is.
 */
final class DispenseMessage {

    /** The exchange property that holds it. */
    static final String PROPERTY = "hub.mllp.message";

    final byte[] received;
    /** Null when the bytes do not begin with an MSH. */
    final MessageHeader header;
    /** Null when the sender is not one of ours (or the message is unreadable). */
    PharmacySender sender;
    /** The message with patient segments emptied ({@link PatientSegments}); null until made. */
    byte[] redacted;
    ChannelIngest.StoredOriginal original;
    List<EpcisEvent> events;
    CaptureJob job;

    DispenseMessage(byte[] received) {
        this.received = received;
        this.header = MessageHeader.read(received).orElse(null);
    }

    /** MSH-10, for logs; MSH never carries patient data. */
    String controlId() {
        return header == null || header.controlId().isEmpty() ? "(no control id)" : header.controlId();
    }

    /** The character set of the ACK: the message's, when it names ISO 8859-1, else UTF-8 (ASCII is a subset). */
    Charset acknowledgementCharset() {
        return header != null && "8859/1".equalsIgnoreCase(header.characterSet().strip()) ? StandardCharsets.ISO_8859_1
                : StandardCharsets.UTF_8;
    }
}
