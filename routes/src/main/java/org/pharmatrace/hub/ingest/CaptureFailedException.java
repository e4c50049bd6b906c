package org.pharmatrace.hub.ingest;

import org.pharmatrace.hub.capture.CaptureJob;

/**
 * A channel capture that failed as a whole inside the ingest path (Kafka failing mid-capture, the channel's event
 * source breaking): the hub's problem, not the partner's. The job is closed with the failure and dead-lettered, and
 * its document is free again, so the partner's resend is ingested anew.
 */
public class CaptureFailedException extends IllegalStateException {

    private final transient CaptureJob job;

    public CaptureFailedException(CaptureJob job, String reason) {
        super("capture " + job.captureId() + " failed: " + reason);
        this.job = job;
    }

    public CaptureJob job() {
        return job;
    }
}
