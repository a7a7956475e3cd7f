package io.pra.notifier.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void backoffDoublesWithJitterBetweenHalfAndFull() {
        RetryPolicy lowest = new RetryPolicy(10, Duration.ofSeconds(1), Duration.ofMinutes(5), () -> 0.0);
        RetryPolicy highest = new RetryPolicy(10, Duration.ofSeconds(1), Duration.ofMinutes(5), () -> 0.999);

        assertThat(lowest.nextDelay(1, Optional.empty())).contains(Duration.ofMillis(500));
        assertThat(highest.nextDelay(1, Optional.empty())).contains(Duration.ofMillis(1000));
        assertThat(lowest.nextDelay(3, Optional.empty())).contains(Duration.ofMillis(2000));
        assertThat(highest.nextDelay(3, Optional.empty()).orElseThrow())
                .isBetween(Duration.ofMillis(3990), Duration.ofMillis(4000));
    }

    @Test
    void backoffIsCapped() {
        RetryPolicy policy = new RetryPolicy(100, Duration.ofSeconds(1), Duration.ofSeconds(30), () -> 0.999);
        assertThat(policy.nextDelay(60, Optional.empty()).orElseThrow())
                .isBetween(Duration.ofMillis(29_900), Duration.ofSeconds(30));
    }

    @Test
    void retryAfterReplacesTheBackoffWithinTheCap() {
        RetryPolicy policy = new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(30), () -> 0.0);
        assertThat(policy.nextDelay(1, Optional.of(Duration.ofSeconds(7)))).contains(Duration.ofSeconds(7));
        assertThat(policy.nextDelay(1, Optional.of(Duration.ofHours(1)))).contains(Duration.ofSeconds(30));
    }

    @Test
    void givesUpAfterTheBound() {
        RetryPolicy policy = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(30), () -> 0.5);
        assertThat(policy.nextDelay(2, Optional.empty())).isPresent();
        assertThat(policy.nextDelay(3, Optional.empty())).isEmpty();
        assertThat(policy.nextDelay(3, Optional.of(Duration.ofSeconds(1)))).isEmpty();
    }
}
