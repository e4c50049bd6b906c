package org.pharmatrace.hub.deadletter;

/** The pipeline stages a dead letter can come from; the DLQ record and the metrics name them. */
public final class Stage {

    /** The body could not be taken in (empty, not EPCIS at all). */
    public static final String RECEIVE = "receive";
    /** The original document could not be stored. */
    public static final String STORE = "store";
    /** Schema or EPCIS/CBV rules: the content is wrong. */
    public static final String VALIDATION = "validation";
    /** The partner may not claim what the document claims. */
    public static final String AUTHORISATION = "authorisation";
    /** An accepted document could not be read back or processed. */
    public static final String INGEST = "ingest";
    /** A canonical event could not be put on its topic. */
    public static final String PUBLISH = "publish";
    /** The chaincode refused the event (a lifecycle rule, ownership, a wrong hash). */
    public static final String LEDGER = "ledger";

    private Stage() {
    }
}
