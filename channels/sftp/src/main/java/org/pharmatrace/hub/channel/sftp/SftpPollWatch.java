package org.pharmatrace.hub.channel.sftp;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.spi.ExceptionHandler;
import org.apache.camel.spi.PollingConsumerPollStrategy;
import org.apache.camel.spi.RouteIdAware;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Watches every poll of every partner folder (Camel's poll strategy of the SFTP consumers): a folder that could
 * not be polled (server unreachable, host key not the known one, key refused) is logged once per change in words
 * an operator can act on, and reported by the health indicator {@code sftpChannel} (DOWN while any folder fails).
 * It is also the consumers' exception handler, so a failed poll is not logged again with a stack trace every poll.
 */
@Component(SftpPollWatch.BEAN)
public class SftpPollWatch implements PollingConsumerPollStrategy, ExceptionHandler, HealthIndicator {

    public static final String BEAN = "sftpChannel";
    private static final Logger LOG = LoggerFactory.getLogger(SftpPollWatch.class);

    /** The last poll of one partner folder. */
    public record PollOutcome(boolean up, Instant at, String problem) {
    }

    private final PartnerFolders folders;
    private final Map<String, PollOutcome> outcomes = new ConcurrentHashMap<>();

    public SftpPollWatch(PartnerFolders folders) {
        this.folders = folders;
    }

    @Override
    public boolean begin(Consumer consumer, Endpoint endpoint) {
        return true;
    }

    @Override
    public void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
        String partner = partnerOf(consumer);
        PollOutcome before = record(partner, new PollOutcome(true, Instant.now(), null));
        if (before != null && !before.up()) {
            LOG.info("SFTP folder of partner {} is reachable again: {}", partner, location(partner));
        }
    }

    @Override
    public boolean rollback(Consumer consumer, Endpoint endpoint, int retryCounter, Exception cause) {
        String partner = partnerOf(consumer);
        String problem = describe(partner, cause);
        PollOutcome before = record(partner, new PollOutcome(false, Instant.now(), problem));
        if (before == null || before.up() || !problem.equals(before.problem())) {
            LOG.error("SFTP folder of partner {} not polled: {}", partner, problem);
        }
        return false; // the next scheduled poll tries again
    }

    @Override
    public void handleException(Throwable exception) {
        handleException(null, null, exception);
    }

    @Override
    public void handleException(String message, Throwable exception) {
        handleException(message, null, exception);
    }

    /** Failed polls were reported by {@link #rollback}; anything else a consumer could not handle is logged here. */
    @Override
    public void handleException(String message, Exchange exchange, Throwable exception) {
        if (message != null && message.startsWith("Failed polling endpoint")) {
            LOG.debug("{}", message, exception);
        } else {
            LOG.warn("SFTP consumer: {}", message != null ? message : String.valueOf(exception), exception);
        }
    }

    /** The last outcome for this partner's folder, or null before its first poll. */
    public PollOutcome outcome(String partner) {
        return outcomes.get(partner);
    }

    /** Waits (for tests and start-up checks) until the partner's last poll satisfies the condition. */
    public synchronized PollOutcome await(String partner, Predicate<PollOutcome> condition, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        PollOutcome outcome = outcomes.get(partner);
        while (outcome == null || !condition.test(outcome)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return outcome;
            }
            wait(Math.max(1, left / 1_000_000));
            outcome = outcomes.get(partner);
        }
        return outcome;
    }

    @Override
    public Health health() {
        Map<String, Object> details = new LinkedHashMap<>();
        boolean up = true;
        for (PartnerFolders.Setup folder : folders.all()) {
            PollOutcome outcome = outcomes.get(folder.partnerId());
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("folder", folder.location());
            if (outcome == null) {
                detail.put("status", "not polled yet");
            } else {
                detail.put("status", outcome.up() ? "UP" : "DOWN");
                detail.put("lastPoll", outcome.at().toString());
                if (outcome.problem() != null) {
                    detail.put("problem", outcome.problem());
                }
                up &= outcome.up();
            }
            details.put(folder.partnerId(), detail);
        }
        return (up ? Health.up() : Health.down()).withDetails(details).build();
    }

    private synchronized PollOutcome record(String partner, PollOutcome outcome) {
        PollOutcome before = outcomes.put(partner, outcome);
        notifyAll();
        return before;
    }

    private String describe(String partner, Exception cause) {
        String where = location(partner);
        String chain = chain(cause);
        String lower = chain.toLowerCase(java.util.Locale.ROOT);
        String knownHosts = folders.of(partner).map(f -> String.valueOf(f.knownHostsFile())).orElse("?");
        if (lower.contains("hostkey has been changed") || lower.contains("reject hostkey")
                || lower.contains("unknownhostkey")) {
            return "refusing to connect to " + where + ": the server's host key is not the one trusted for it in "
                    + knownHosts + " (" + chain + "); nothing is read until the known_hosts entry is confirmed";
        }
        if (lower.contains("auth fail") || lower.contains("auth cancel")) {
            return "the server " + where + " refused the hub's key (" + chain + ")";
        }
        return "cannot poll " + where + ": " + chain;
    }

    private String location(String partner) {
        return folders.of(partner).map(PartnerFolders.Setup::location).orElse(partner);
    }

    private static String partnerOf(Consumer consumer) {
        String routeId = consumer instanceof RouteIdAware aware ? aware.getRouteId() : null;
        return routeId != null && routeId.startsWith("sftp-poll-") ? routeId.substring("sftp-poll-".length())
                : String.valueOf(routeId);
    }

    private static String chain(Throwable cause) {
        StringBuilder s = new StringBuilder();
        for (Throwable t = cause; t != null && s.length() < 600; t = t.getCause() == t ? null : t.getCause()) {
            if (!s.isEmpty()) {
                s.append(" <- ");
            }
            s.append(t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName());
        }
        return s.toString();
    }
}
