package io.pra.backup.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class RpoPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private final RpoPolicy policy = new RpoPolicy(Duration.ofMinutes(10), 0.8);

    @Test
    void exposureRunsFromTheNewestVerifiedBackupStart() {
        assertThat(RpoPolicy.exposure(NOW, NOW.minusSeconds(90), NOW.minusSeconds(3600)))
                .isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void withoutAVerifiedBackupExposureRunsFromWhenTheGroupWasFirstTracked() {
        assertThat(RpoPolicy.exposure(NOW, null, NOW.minusSeconds(300))).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void exposureIsNeverNegative() {
        assertThat(RpoPolicy.exposure(NOW, NOW.plusSeconds(5), NOW)).isZero();
    }

    @Test
    void levelsFollowTheWarningFractionAndTheObjective() {
        assertThat(policy.warningThreshold()).isEqualTo(Duration.ofMinutes(8));
        assertThat(policy.level(Duration.ofSeconds(479))).isEqualTo(RpoLevel.OK);
        assertThat(policy.level(Duration.ofMinutes(8))).isEqualTo(RpoLevel.WARNING);
        assertThat(policy.level(Duration.ofMinutes(10))).isEqualTo(RpoLevel.WARNING);
        assertThat(policy.level(Duration.ofSeconds(601))).isEqualTo(RpoLevel.BREACHED);
    }

    @Test
    void worseningIsAnnouncedAtWarningAndAgainAtBreach() {
        assertThat(RpoPolicy.transition(RpoLevel.OK, RpoLevel.WARNING)).isEqualTo(RpoTransition.WARNING);
        assertThat(RpoPolicy.transition(RpoLevel.WARNING, RpoLevel.BREACHED)).isEqualTo(RpoTransition.BREACHED);
        assertThat(RpoPolicy.transition(RpoLevel.OK, RpoLevel.BREACHED)).isEqualTo(RpoTransition.BREACHED);
        assertThat(RpoPolicy.transition(RpoLevel.WARNING, RpoLevel.WARNING)).isEqualTo(RpoTransition.NONE);
        assertThat(RpoPolicy.transition(RpoLevel.BREACHED, RpoLevel.BREACHED)).isEqualTo(RpoTransition.NONE);
    }

    @Test
    void onlyAReturnToOkIsARecovery() {
        assertThat(RpoPolicy.transition(RpoLevel.BREACHED, RpoLevel.OK)).isEqualTo(RpoTransition.RECOVERED);
        assertThat(RpoPolicy.transition(RpoLevel.WARNING, RpoLevel.OK)).isEqualTo(RpoTransition.RECOVERED);
        assertThat(RpoPolicy.transition(RpoLevel.BREACHED, RpoLevel.WARNING)).isEqualTo(RpoTransition.NONE);
        assertThat(RpoPolicy.transition(RpoLevel.OK, RpoLevel.OK)).isEqualTo(RpoTransition.NONE);
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> new RpoPolicy(Duration.ZERO, 0.8)).hasMessageContaining("objective");
        assertThatThrownBy(() -> new RpoPolicy(Duration.ofMinutes(1), 1.5)).hasMessageContaining("fraction");
    }
}
