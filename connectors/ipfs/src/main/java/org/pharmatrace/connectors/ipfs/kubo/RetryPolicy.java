package org.pharmatrace.connectors.ipfs.kubo;

import java.time.Duration;

/**
 * How long the hub keeps trying a Kubo call that failed transiently (connection refused or reset, timeout, HTTP
 * 5xx): up to {@code maxAttempts} attempts, waiting {@code initialBackoff}, doubled each time up to {@code maxBackoff}.
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, RetryListener listener) {

  /** Told before each wait, e.g. to log or count; the test suite uses it to restart Kubo mid-call. */
  @FunctionalInterface
  public interface RetryListener {
    void beforeRetry(String operation, int failedAttempt, Duration wait, Exception failure);
  }

  /** About half a minute in all: long enough for a Kubo restart, short enough to surface a real outage. */
  public static RetryPolicy defaults() {
    return new RetryPolicy(8, Duration.ofMillis(250), Duration.ofSeconds(15), (operation, attempt, wait, failure) -> {
    });
  }

  public static RetryPolicy none() {
    return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, (operation, attempt, wait, failure) -> {
    });
  }

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("at least one attempt");
    }
  }

  public RetryPolicy withListener(RetryListener newListener) {
    return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, newListener);
  }

  /** The wait after the {@code failedAttempt}-th attempt (1-based). */
  public Duration backoff(int failedAttempt) {
    Duration wait = initialBackoff.multipliedBy(1L << Math.min(failedAttempt - 1, 30));
    return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
  }
}
