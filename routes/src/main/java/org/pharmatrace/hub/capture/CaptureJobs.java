package org.pharmatrace.hub.capture;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.pharmatrace.hub.HubProperties;
import org.pharmatrace.hub.kafka.CompactedTopicView;
import org.pharmatrace.hub.kafka.KafkaClients;
import org.pharmatrace.hub.partner.Caller;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The capture jobs, kept in the compacted topic {@code hub.capture-jobs} (key: captureID) and read back on start-up,
 * so jobs survive restarts. Also the capture-level dedupe: a partner's document is known by its SHA-256, and the
 * same document captured again gets the first capture's job (unless that was a channel capture that failed as a
 * whole: then the document is free again).
 */
@Component
public class CaptureJobs implements DisposableBean {

    private final CompactedTopicView<CaptureJob> view;
    /** partner + SHA-256 of an accepted document -> its captureID, first capture wins. */
    private final Map<String, String> byDocument = new ConcurrentHashMap<>();
    /** The same, for documents whose capture is being decided right now. */
    private final Map<String, String> claims = new ConcurrentHashMap<>();

    public CaptureJobs(KafkaClients kafka, HubProperties properties, ObjectMapper json) {
        this.view = new CompactedTopicView<>(kafka, properties.kafka().topics().captureJobs(), CaptureJob.class, json,
                CaptureJob::version, (old, job) -> {
                    if (job != null && job.documentSha256() != null) {
                        String key = documentKey(job.partner(), job.documentSha256());
                        if (isReleased(job)) {
                            byDocument.remove(key, job.captureId());
                        } else {
                            byDocument.putIfAbsent(key, job.captureId());
                        }
                    }
                });
    }

    public Optional<CaptureJob> find(String captureId) {
        return view.get(captureId);
    }

    /** The job of this caller's capture, empty when there is none or it is another partner's. */
    public Optional<CaptureJob> find(String captureId, Caller caller) {
        return find(captureId).filter(job -> caller.mayHandle(job.partner()));
    }

    /**
     * Reserves a document for a capture. Empty when this capture may go on; else the captureID that already has
     * (or is about to have) the document, whose job the caller should get instead.
     */
    public Optional<String> claim(String partner, String sha256, String captureId) {
        String key = documentKey(partner, sha256);
        String accepted = byDocument.get(key);
        if (accepted != null) {
            return Optional.of(accepted);
        }
        String claimed = claims.putIfAbsent(key, captureId);
        return claimed == null || claimed.equals(captureId) ? Optional.empty() : Optional.of(claimed);
    }

    /** Lets the document be captured again: the capture that claimed it was refused. */
    public void release(String partner, String sha256, String captureId) {
        claims.remove(documentKey(partner, sha256), captureId);
    }

    /** Writes the job (its version is taken care of) and waits until Kafka has it. */
    public CaptureJob save(CaptureJob job) {
        long next = view.get(job.captureId()).map(j -> j.version() + 1).orElse(1L);
        CaptureJob versioned = job.withVersion(Math.max(next, job.version() + 1));
        view.put(versioned.captureId(), versioned);
        if (versioned.documentSha256() != null) {
            claims.remove(documentKey(versioned.partner(), versioned.documentSha256()), versioned.captureId());
        }
        return versioned;
    }

    /** The caller's jobs, newest first. */
    public List<CaptureJob> list(Caller caller, int limit) {
        return view.values().stream().filter(job -> caller.mayHandle(job.partner()))
                .sorted(Comparator.comparing(CaptureJob::createdAt).reversed()).limit(limit).toList();
    }

    /** Jobs of EPCIS documents still marked running: the hub stopped while ingesting them. */
    public List<CaptureJob> interrupted() {
        return view.values().stream().filter(job -> job.running() && job.format() != null && job.sourceDocument() != null)
                .sorted(Comparator.comparing(CaptureJob::createdAt)).toList();
    }

    /**
     * A channel capture that failed as a whole gives its document up: the channel told its partner to send it again
     * (no MDN, file left in place, HL7 AR), and the resend must be ingested, not answered with the failed job. An
     * HTTP capture keeps it: its partner has the 202 and the job, and reprocessing resumes it from the original.
     */
    private static boolean isReleased(CaptureJob job) {
        return job.failedAsAWhole() && !CaptureReception.CHANNEL.equals(job.channel());
    }

    private static String documentKey(String partner, String sha256) {
        return partner + '\n' + sha256;
    }

    @Override
    public void destroy() {
        view.close();
    }
}
