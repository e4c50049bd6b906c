package org.pharmatrace.hub.capture;

import java.util.List;
import java.util.Map;
import org.pharmatrace.epcis.validation.ValidationReport;
import org.pharmatrace.hub.partner.TradingPartner;
import org.pharmatrace.hub.problem.EventProblem;

/**
 * A document on its way through capture, from its arrival to its capture job: what was sent, by whom, and what the
 * checks found. Lives in one exchange; the content is dropped once the job is open (the store keeps the original).
 */
public final class DocumentCapture {

    final String captureId;
    final TradingPartner partner;
    final String channel;
    final boolean singleEvent;
    byte[] content;
    final String sha256;
    final String mediaType;
    final String errorBehaviour;
    /** The dead-letter entry this capture reprocesses, or null. */
    final String reprocessing;
    String sourceDocument;
    /**
     * A multipart capture: content is the document of the part {@code epcisDocument} with its attachment references
     * linked, and sha256 the capture's fingerprint (document and files), not the SHA-256 of content.
     */
    boolean multipart;
    ValidationReport report;
    /** Problems of the events that will be dead-lettered while the rest is captured, by event index. */
    Map<Long, List<EventProblem>> invalidEvents = Map.of();

    DocumentCapture(String captureId, TradingPartner partner, String channel, boolean singleEvent, byte[] content,
                    String sha256, String mediaType, String errorBehaviour, String reprocessing, String sourceDocument) {
        this.captureId = captureId;
        this.partner = partner;
        this.channel = channel;
        this.singleEvent = singleEvent;
        this.content = content;
        this.sha256 = sha256;
        this.mediaType = mediaType;
        this.errorBehaviour = errorBehaviour;
        this.reprocessing = reprocessing;
        this.sourceDocument = sourceDocument;
    }

    public String captureId() { return captureId; }
    public TradingPartner partner() { return partner; }
    public String channel() { return channel; }
    public byte[] content() { return content; }
    public String sha256() { return sha256; }
    public String mediaType() { return mediaType; }
    public String sourceDocument() { return sourceDocument; }
    public String errorBehaviour() { return errorBehaviour; }
    public String reprocessing() { return reprocessing; }
}
