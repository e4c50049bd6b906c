package org.pharmatrace.hub;

/** Names of the exchange properties the hub's routes pass between their steps. */
public final class HubExchange {

    /** The {@link org.pharmatrace.hub.capture.DocumentCapture} being decided. */
    public static final String CAPTURE = "hub.capture";
    /** The {@link org.pharmatrace.hub.ingest.CaptureProgress} of the job being ingested. */
    public static final String PROGRESS = "hub.progress";
    /** Position of the current event in its document. */
    public static final String EVENT_INDEX = "hub.eventIndex";
    /** What is wrong with the current event (empty when nothing). */
    public static final String EVENT_PROBLEMS = "hub.eventProblems";
    /** The stage the exchange is in, for dead letters made from failures. */
    public static final String STAGE = "hub.stage";
    /** The eventID the partner gave the current event. */
    public static final String ORIGINAL_EVENT_ID = "hub.originalEventId";
    /** The current event's Event Hash ID. */
    public static final String EVENT_HASH_ID = "hub.eventHashId";
    /** The dead-letter entry just written for the current event or document. */
    public static final String DEAD_LETTER = "hub.deadLetter";
    /** The dead-letter entry a DLQ API call is about. */
    public static final String DEAD_LETTER_ENTRY = "hub.deadLetterEntry";
    /** The capture job an earlier capture of the same document got, when this one is a duplicate. */
    public static final String EARLIER_JOB = "hub.earlierJob";

    /** Logging context (MDC) keys. */
    public static final String MDC_CAPTURE_ID = "captureId";
    public static final String MDC_PARTNER = "partner";

    private HubExchange() {
    }
}
