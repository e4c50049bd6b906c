package org.pharmatrace.hub.deadletter;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pharmatrace.hub.HubProperties;
import org.pharmatrace.hub.kafka.CompactedTopicView;
import org.pharmatrace.hub.kafka.KafkaClients;
import org.pharmatrace.hub.partner.Caller;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The dead-letter queue: the compacted topic {@code hub.dlq} (key: entry id) and its view. Entry ids are derived
 * from the capture and event index, so a capture that is resumed after a restart rewrites its entries instead of
 * adding duplicates.
 */
@Component
public class DeadLetters implements DisposableBean {

    private final CompactedTopicView<DeadLetter> view;

    public DeadLetters(KafkaClients kafka, HubProperties properties, ObjectMapper json) {
        this.view = new CompactedTopicView<>(kafka, properties.kafka().topics().deadLetters(), DeadLetter.class, json,
                DeadLetter::version, (old, entry) -> { });
    }

    /** Open entries, by partner and stage: the DLQ size ({@code hub_dead_letters_open}) that someone must work off. */
    public Map<List<String>, Long> openByPartnerAndStage() {
        return view.values().stream().filter(DeadLetter::isOpen).collect(java.util.stream.Collectors.groupingBy(
                e -> List.of(String.valueOf(e.partner()), String.valueOf(e.stage())),
                java.util.stream.Collectors.counting()));
    }

    public static String documentEntryId(String captureId) {
        return captureId;
    }

    public static String eventEntryId(String captureId, long eventIndex) {
        return captureId + "-e" + eventIndex;
    }

    /** Publishes (or rewrites) an entry and waits until Kafka has it. */
    public DeadLetter publish(DeadLetter entry) {
        long next = view.get(entry.id()).map(e -> e.version() + 1).orElse(1L);
        DeadLetter versioned = entry.withVersion(Math.max(next, entry.version() + 1));
        view.put(versioned.id(), versioned);
        return versioned;
    }

    public Optional<DeadLetter> find(String id) {
        return view.get(id);
    }

    /** The entry, if the caller may see it (its own, or any for an operator). */
    public Optional<DeadLetter> find(String id, Caller caller) {
        return find(id).filter(e -> caller.mayHandle(e.partner()));
    }

    /**
     * The caller's entries, newest first.
     *
     * @param status {@code open}, {@code reprocessed}, {@code discarded} or {@code all}
     * @param partner for operators: only this partner's entries ({@code null}: everyone's)
     */
    public List<DeadLetter> list(Caller caller, String status, String partner, String captureId, int limit) {
        return view.values().stream()
                .filter(e -> caller.mayHandle(e.partner()))
                .filter(e -> "all".equals(status) || e.status().equals(status))
                .filter(e -> partner == null || partner.equals(e.partner()))
                .filter(e -> captureId == null || captureId.equals(e.captureId()))
                .sorted(Comparator.comparing(DeadLetter::createdAt).reversed().thenComparing(DeadLetter::id))
                .limit(limit).toList();
    }

    @Override
    public void destroy() {
        view.close();
    }
}
