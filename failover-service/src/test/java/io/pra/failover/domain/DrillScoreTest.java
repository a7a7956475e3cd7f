package io.pra.failover.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class DrillScoreTest {

    private static final Duration RTO = Duration.ofHours(2);
    private static final Duration RPO = Duration.ofMinutes(15);

    @Test
    void aDrillWithinBothObjectivesPassesWithFullMarks() {
        DrillScore score = DrillScore.of(null, Duration.ofSeconds(40), RTO, Duration.ofMinutes(3), RPO);

        assertThat(score).isEqualTo(new DrillScore(true, 100, List.of()));
    }

    @Test
    void eachMissedObjectiveCostsHalfTheScoreAndIsNamed() {
        DrillScore slow = DrillScore.of(null, Duration.ofHours(3), RTO, Duration.ofMinutes(3), RPO);
        DrillScore both = DrillScore.of(null, Duration.ofHours(3), RTO, Duration.ofMinutes(20), RPO);

        assertThat(slow.passed()).isFalse();
        assertThat(slow.score()).isEqualTo(50);
        assertThat(slow.findings()).containsExactly("RTO PT3H is over the objective PT2H");
        assertThat(both.score()).isZero();
        assertThat(both.findings()).hasSize(2).last().asString().startsWith("RPO PT20M");
    }

    @Test
    void aDrillThatCouldNotFinishScoresZeroWithItsReason() {
        DrillScore score = DrillScore.of("pre-empted by failover 42", null, RTO, Duration.ofMinutes(3), RPO);

        assertThat(score).isEqualTo(new DrillScore(false, 0, List.of("pre-empted by failover 42")));
    }

    @Test
    void drillNamespacesArePrefixedAndKeptWithinKubernetesLimits() {
        String longName = "n".repeat(63);

        assertThat(DrillScore.namespaceMapping(List.of("shop", longName))).containsExactly(
                Map.entry("shop", "drill-shop"), Map.entry(longName, "drill-" + "n".repeat(57)));
    }
}
