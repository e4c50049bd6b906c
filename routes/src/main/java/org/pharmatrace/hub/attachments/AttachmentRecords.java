package org.pharmatrace.hub.attachments;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.pharmatrace.hub.HubProperties;
import org.pharmatrace.hub.kafka.CompactedTopicView;
import org.pharmatrace.hub.kafka.KafkaClients;
import org.pharmatrace.hub.partner.Caller;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The attachment records, kept in the compacted topic {@code hub.attachments} (key: the attachment's id) and read
 * back on start-up, so that who may read an attachment survives restarts.
 */
@Component
public class AttachmentRecords implements DisposableBean {

    private final CompactedTopicView<Attachment> view;

    public AttachmentRecords(KafkaClients kafka, HubProperties properties, ObjectMapper json) {
        this.view = new CompactedTopicView<>(kafka, properties.kafka().topics().attachments(), Attachment.class, json,
                Attachment::version, (old, attachment) -> { });
    }

    public Optional<Attachment> find(String id) {
        return view.get(id);
    }

    /** The attachment, if it exists and the caller may read it. */
    Optional<Attachment> find(String id, Caller caller) {
        return find(id).filter(attachment -> attachment.mayBeReadBy(caller));
    }

    /**
     * Records an attachment just stored and waits until Kafka has it. Content the store already had (the local
     * store keeps equal bytes once) keeps its record; the organisation that sent it again may read it too.
     */
    synchronized Attachment record(Attachment stored) {
        Optional<Attachment> existing = view.get(stored.id());
        Attachment next = existing.map(a -> a.sentAlsoBy(stored.organisations().get(0))).orElse(stored);
        if (existing.isPresent() && existing.get() == next) {
            return next;
        }
        return save(next);
    }

    /** Writes the record (its version is taken care of) and waits until Kafka has it. */
    public Attachment save(Attachment attachment) {
        long next = view.get(attachment.id()).map(a -> a.version() + 1).orElse(1L);
        Attachment versioned = attachment.withVersion(Math.max(next, attachment.version() + 1));
        view.put(versioned.id(), versioned);
        return versioned;
    }

    /** The caller's attachments (a capture's, when captureId is given), newest first. */
    List<Attachment> list(Caller caller, String captureId, int limit) {
        return view.values().stream().filter(a -> a.mayBeReadBy(caller))
                .filter(a -> captureId == null || captureId.equals(a.captureId()))
                .sorted(Comparator.comparing(Attachment::createdAt).reversed()).limit(limit).toList();
    }

    @Override
    public void destroy() {
        view.close();
    }
}
