package io.pra.health.domain;

import static io.pra.health.domain.DomainFixtures.at;
import static io.pra.health.domain.DomainFixtures.check;
import static io.pra.health.domain.DomainFixtures.failed;
import static io.pra.health.domain.DomainFixtures.passed;
import static org.assertj.core.api.Assertions.assertThat;

import io.pra.events.health.Severity;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CheckTrackerTest {

    private final CheckTracker tracker = new CheckTracker(check("web", Severity.CRITICAL, 3, 2));

    @Test
    void failuresBelowTheThresholdChangeNothing() {
        assertThat(tracker.record(failed(), at(0))).isEmpty();
        assertThat(tracker.record(failed(), at(1))).isEmpty();
        assertThat(tracker.record(passed(), at(2))).isEmpty();
        assertThat(tracker.record(failed(), at(3))).isEmpty();
        assertThat(tracker.record(failed(), at(4))).isEmpty();
        assertThat(tracker.status()).isEqualTo(CheckStatus.HEALTHY);
        assertThat(tracker.snapshot().consecutiveFailures()).isEqualTo(2);
        assertThat(tracker.snapshot().firstFailedAt()).isEqualTo(at(3));
    }

    @Test
    void theThresholdDegradesOnceWithTheStreakStart() {
        tracker.record(failed(), at(0));
        tracker.record(failed(), at(1));
        Optional<CheckTransition> degraded = tracker.record(failed(), at(2));
        assertThat(degraded).hasValueSatisfying(change -> {
            assertThat(change.to()).isEqualTo(CheckStatus.DEGRADED);
            assertThat(change.consecutive()).isEqualTo(3);
            assertThat(change.firstFailedAt()).isEqualTo(at(0));
            assertThat(change.observedAt()).isEqualTo(at(2));
            assertThat(change.evidence().statusCode()).isEqualTo(500);
        });
        assertThat(tracker.record(failed(), at(3))).isEmpty();
        assertThat(tracker.snapshot().consecutiveFailures()).isEqualTo(4);
    }

    @Test
    void recoveryNeedsTheSuccessThresholdAndReportsTheStreakItEnds() {
        for (int second = 0; second < 3; second++) {
            tracker.record(failed(), at(second));
        }
        assertThat(tracker.record(passed(), at(3))).isEmpty();
        assertThat(tracker.record(failed(), at(4))).as("a failure resets the success count").isEmpty();
        assertThat(tracker.record(passed(), at(5))).isEmpty();
        assertThat(tracker.record(passed(), at(6))).hasValueSatisfying(change -> {
            assertThat(change.to()).isEqualTo(CheckStatus.HEALTHY);
            assertThat(change.consecutive()).isEqualTo(2);
            assertThat(change.firstFailedAt()).isEqualTo(at(0));
        });
        assertThat(tracker.record(passed(), at(7))).isEmpty();
        assertThat(tracker.degradedSince()).isNull();
    }

    @Test
    void alternatingOutcomesNeverDegradeAThresholdOfTwo() {
        CheckTracker flapping = new CheckTracker(check("web", Severity.CRITICAL, 2, 1));
        for (int second = 0; second < 20; second++) {
            assertThat(flapping.record(second % 2 == 0 ? failed() : passed(), at(second))).isEmpty();
        }
        assertThat(flapping.snapshot().probes()).isEqualTo(20);
    }
}
