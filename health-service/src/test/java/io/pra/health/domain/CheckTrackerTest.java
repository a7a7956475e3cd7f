package io.pra.health.domain;

import static io.pra.health.domain.DomainFixtures.at;
import static io.pra.health.domain.DomainFixtures.check;
import static io.pra.health.domain.DomainFixtures.failed;
import static io.pra.health.domain.DomainFixtures.passed;
import static org.assertj.core.api.Assertions.assertThat;

import io.pra.events.health.Severity;
import java.time.Duration;
import java.util.List;
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
    void failuresInTheStartupGraceAreCountedButNeitherDegradeNorVote() {
        CheckTracker warming = new CheckTracker(check("web", Severity.CRITICAL, 3, 2), grace(30));
        for (int second = 0; second < 30; second += 2) {
            assertThat(warming.record(failed(), at(second))).isEmpty();
        }
        CheckSnapshot inGrace = warming.snapshot();
        assertThat(inGrace.status()).isEqualTo(CheckStatus.PENDING);
        assertThat(inGrace.warmingUp()).isTrue();
        assertThat(inGrace.consecutiveFailures()).isEqualTo(15);
        assertThat(inGrace.firstFailedAt()).isEqualTo(at(0));
        assertThat(DownRule.atLeast(1).isDown(List.of(inGrace))).isFalse();
        assertThat(DownRule.atLeast(1).heldSince(List.of(inGrace))).as("no say in the outage start").isEmpty();
    }

    @Test
    void aCheckFailingSinceStartDegradesAtItsFirstProbeAfterTheGraceWithItsFirstFailure() {
        CheckTracker down = new CheckTracker(check("web", Severity.CRITICAL, 3, 2), grace(30));
        for (int second = 0; second < 30; second += 2) {
            down.record(failed(), at(second));
        }
        Optional<CheckTransition> degraded = down.record(failed(), at(30));
        assertThat(degraded).hasValueSatisfying(change -> {
            assertThat(change.to()).isEqualTo(CheckStatus.DEGRADED);
            assertThat(change.consecutive()).isEqualTo(16);
            assertThat(change.firstFailedAt()).as("its first failed probe, not the grace end").isEqualTo(at(0));
            assertThat(change.observedAt()).isEqualTo(at(30));
        });
        assertThat(down.warmingUp()).isFalse();
        assertThat(down.record(failed(), at(32))).isEmpty();
    }

    @Test
    void aFirstPassEndsTheGraceAndFailuresCountAsUsualFromThen() {
        CheckTracker warmed = new CheckTracker(check("web", Severity.CRITICAL, 2, 2), grace(30));
        warmed.record(failed(), at(0));
        warmed.record(failed(), at(2));
        warmed.record(passed(), at(4));
        assertThat(warmed.warmingUp()).isFalse();
        assertThat(warmed.status()).isEqualTo(CheckStatus.HEALTHY);
        assertThat(warmed.snapshot().firstFailedAt()).as("the warm-up streak is over").isNull();
        assertThat(warmed.record(failed(), at(6))).isEmpty();
        assertThat(warmed.record(failed(), at(8))).hasValueSatisfying(change ->
                assertThat(change.firstFailedAt()).isEqualTo(at(6)));
    }

    @Test
    void aCheckThatRecoversJustAsTheGraceEndsNeverDegrades() {
        CheckTracker late = new CheckTracker(check("web", Severity.CRITICAL, 2, 2), grace(10));
        for (int second = 0; second < 10; second++) {
            late.record(failed(), at(second));
        }
        assertThat(late.record(passed(), at(10))).isEmpty();
        assertThat(late.status()).isEqualTo(CheckStatus.HEALTHY);
        assertThat(late.snapshot().consecutiveFailures()).isZero();
    }

    @Test
    void withoutGraceTheFirstFailuresCountAtOnce() {
        CheckTracker plain = new CheckTracker(check("web", Severity.CRITICAL, 2, 2), StartupGrace.none());
        assertThat(plain.warmingUp()).isFalse();
        plain.record(failed(), at(0));
        assertThat(plain.record(failed(), at(1))).isPresent();
        CheckTracker zero = new CheckTracker(check("web", Severity.CRITICAL, 2, 2),
                new StartupGrace(at(0), Duration.ZERO));
        assertThat(zero.warmingUp()).isFalse();
        zero.record(failed(), at(0));
        assertThat(zero.record(failed(), at(1))).isPresent();
    }

    private static StartupGrace grace(int seconds) {
        return new StartupGrace(at(0), Duration.ofSeconds(seconds));
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
