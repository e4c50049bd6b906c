package org.pharmatrace.connectors.fabric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SubmitRetryPolicyTest {

  private final SubmitRetryPolicy policy = new SubmitRetryPolicy(8, Duration.ofMillis(100), Duration.ofSeconds(2),
      2.0);

  @Test
  void whenAttemptsFailThenTheCeilingDoublesUpToTheMaximum() {
    assertThat(policy.ceiling(1)).isEqualTo(Duration.ofMillis(100));
    assertThat(policy.ceiling(2)).isEqualTo(Duration.ofMillis(200));
    assertThat(policy.ceiling(3)).isEqualTo(Duration.ofMillis(400));
    assertThat(policy.ceiling(5)).isEqualTo(Duration.ofMillis(1600));
    assertThat(policy.ceiling(6)).isEqualTo(Duration.ofSeconds(2));
    assertThat(policy.ceiling(60)).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void whenJitterIsDrawnThenTheWaitStaysBetweenHalfAndAllOfTheCeiling() {
    Random random = new Random(42);
    for (int attempt = 1; attempt <= 10; attempt++) {
      Duration ceiling = policy.ceiling(attempt);
      for (int draw = 0; draw < 200; draw++) {
        Duration wait = policy.backoff(attempt, random::nextDouble);
        assertThat(wait).isBetween(ceiling.dividedBy(2), ceiling);
        assertThat(wait).isLessThanOrEqualTo(policy.maxBackoff());
      }
    }
  }

  @Test
  void whenTheDrawIsAtTheEdgesThenTheWaitIsExactlyHalfOrAll() {
    assertThat(policy.backoff(3, () -> 0.0)).isEqualTo(Duration.ofMillis(200));
    assertThat(policy.backoff(3, () -> 1.0)).isEqualTo(Duration.ofMillis(400));
    assertThat(policy.backoff(3, () -> 7.0)).isEqualTo(Duration.ofMillis(400));
  }

  @Test
  void whenTheDefaultsAreUsedThenTheWholeRetryBudgetStaysUnderFifteenSeconds() {
    SubmitRetryPolicy defaults = SubmitRetryPolicy.defaults();
    Duration worst = Duration.ZERO;
    for (int attempt = 1; attempt < defaults.maxAttempts(); attempt++) {
      worst = worst.plus(defaults.ceiling(attempt));
    }
    assertThat(worst).isLessThan(Duration.ofSeconds(15));
  }

  @Test
  void whenTheSettingsMakeNoSenseThenTheyAreRefused() {
    assertThatThrownBy(() -> new SubmitRetryPolicy(0, Duration.ZERO, Duration.ZERO, 2.0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SubmitRetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(1), 2.0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SubmitRetryPolicy(3, Duration.ZERO, Duration.ZERO, 0.5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> policy.ceiling(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
