package org.pharmatrace.connectors.fabric;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * How often and how patiently a batch is tried again after a transient failure (read conflict, endorsement timeout,
 * gateway unavailable): at most {@code maxAttempts} attempts, waiting an exponentially growing back-off capped at
 * {@code maxBackoff}, of which a random part is taken ("equal jitter": between half and all of it) so that
 * organisations conflicting on the same keys do not retry in lockstep.
 */
public record SubmitRetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, double multiplier) {

  /** Five attempts, 200 ms doubling up to 5 s: about ten seconds in all, a few block intervals. */
  public static SubmitRetryPolicy defaults() {
    return new SubmitRetryPolicy(5, Duration.ofMillis(200), Duration.ofSeconds(5), 2.0);
  }

  public SubmitRetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("at least one attempt");
    }
    if (initialBackoff == null || maxBackoff == null || initialBackoff.isNegative()
        || maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException("back-off must satisfy 0 <= initialBackoff <= maxBackoff");
    }
    if (!(multiplier >= 1.0)) {
      throw new IllegalArgumentException("multiplier must be at least 1");
    }
  }

  /** The back-off ceiling after the {@code failedAttempt}-th attempt (1-based), before jitter. */
  public Duration ceiling(int failedAttempt) {
    if (failedAttempt < 1) {
      throw new IllegalArgumentException("attempts count from 1");
    }
    double millis = initialBackoff.toMillis() * Math.pow(multiplier, failedAttempt - 1);
    return millis >= maxBackoff.toMillis() ? maxBackoff : Duration.ofMillis((long) millis);
  }

  /** The wait after the {@code failedAttempt}-th attempt: in [ceiling / 2, ceiling], {@code unitRandom} in [0, 1). */
  public Duration backoff(int failedAttempt, DoubleSupplier unitRandom) {
    long ceiling = ceiling(failedAttempt).toMillis();
    double draw = Math.min(Math.max(unitRandom.getAsDouble(), 0.0), 1.0);
    long half = ceiling / 2;
    return Duration.ofMillis(half + Math.round((ceiling - half) * draw));
  }
}
