package io.pra.failover.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.pra.events.failover.FailoverPhase;
import io.pra.events.failover.PhaseDuration;
import io.pra.events.failover.StepStatus;

class RunMeasuresTest {

    private static final Instant DISASTER = Instant.parse("2026-11-24T03:00:00Z");

    @Test
    void rtoRunsFromTheDisasterStartToTheEndOfTheCutover() {
        assertThat(RunMeasures.rto(DISASTER, DISASTER.plusSeconds(95))).isEqualTo(Duration.ofSeconds(95));
    }

    @Test
    void rpoRunsFromTheBackupStartToTheDisasterStartAndIsNeverNegative() {
        assertThat(RunMeasures.rpo(DISASTER, DISASTER.minus(Duration.ofMinutes(4)))).isEqualTo(Duration.ofMinutes(4));
        assertThat(RunMeasures.rpo(DISASTER, DISASTER.plusSeconds(5))).isZero();
    }

    @Test
    void phaseDurationsListTheFinishedPhasesInOrder() {
        List<PhaseRecord> phases = List.of(
                ended(FailoverPhase.FENCE_SOURCE, DISASTER, DISASTER.plusSeconds(2)),
                ended(FailoverPhase.RESTORE, DISASTER.plusSeconds(2), DISASTER.plusSeconds(40)),
                PhaseRecord.started(FailoverPhase.VERIFY, DISASTER.plusSeconds(40), "test"));

        assertThat(RunMeasures.phaseDurations(phases)).containsExactly(
                new PhaseDuration(FailoverPhase.FENCE_SOURCE, DISASTER, DISASTER.plusSeconds(2), Duration.ofSeconds(2)),
                new PhaseDuration(FailoverPhase.RESTORE, DISASTER.plusSeconds(2), DISASTER.plusSeconds(40),
                        Duration.ofSeconds(38)));
    }

    @Test
    void anObjectiveIsMetUpToItsBound() {
        assertThat(RunMeasures.meets(Duration.ofMinutes(15), Duration.ofMinutes(15))).isTrue();
        assertThat(RunMeasures.meets(Duration.ofMinutes(16), Duration.ofMinutes(15))).isFalse();
    }

    private static PhaseRecord ended(FailoverPhase phase, Instant start, Instant end) {
        return new PhaseRecord(phase, start, end, StepStatus.SUCCEEDED, "done", List.of(), "test");
    }
}
