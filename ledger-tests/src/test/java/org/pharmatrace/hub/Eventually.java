package org.pharmatrace.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waiting for what the hub does in the background: a capture job, the index. Patience is a bound, not a figure. */
final class Eventually {

    private Eventually() {
    }

    /**
     * Asks {@code probe} until {@code done} holds; a probe that throws (a hub still starting) counts as not yet.
     *
     * @throws AssertionError after {@code patience}, naming {@code what} and the last answer
     */
    static JsonNode until(Supplier<JsonNode> probe, Predicate<JsonNode> done, String what, Duration patience)
            throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            try {
                last = probe.get();
                if (last != null && done.test(last)) {
                    return last;
                }
            } catch (RuntimeException notYet) {
                // not answering yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("waited " + patience + " for " + what + "; last answer: "
                + (last == null ? "none" : withoutEvents(last)));
    }

    /** The capture job as {@code acme} sees it, once {@code done} holds. */
    static JsonNode captureJob(HubClient hub, String captureId, Predicate<JsonNode> done, Duration patience)
            throws InterruptedException {
        return until(() -> {
            HubClient.Answer answer = hub.get("/capture/" + captureId, HubClient.User.ACME);
            return answer.status() == 200 ? answer.json() : null;
        }, done, "capture " + captureId, patience);
    }

    /** The capture job once every accepted event is committed or rejected. */
    static JsonNode captureFinished(HubClient hub, String captureId, Duration patience) throws InterruptedException {
        return captureJob(hub, captureId, job -> !job.path("running").asBoolean(true), patience);
    }

    /** A job without its (possibly 20,000) events, for messages. */
    static String withoutEvents(JsonNode node) {
        JsonNode copy = node.deepCopy();
        if (copy instanceof ObjectNode object) {
            object.remove("events");
        }
        return copy.toPrettyString();
    }
}
