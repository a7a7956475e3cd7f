package io.pra.failover.domain;

import static io.pra.failover.domain.DomainFixtures.T0;
import static io.pra.failover.domain.DomainFixtures.backup;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.pra.events.failover.Trigger;
import io.pra.failover.domain.GuardVerdict.Guard;

class FailoverGuardsTest {

    private static final Duration COOLDOWN = Duration.ofMinutes(30);
    private static final Duration BUDGET = Duration.ofMinutes(15);
    private static final BackupCandidate FRESH = backup("daily-1", T0.minus(Duration.ofMinutes(5)), true);

    private static DecisionRequest quorum(Optional<BackupCandidate> backup) {
        return new DecisionRequest(Trigger.QUORUM, T0.plusSeconds(10), T0, false, null, null, backup);
    }

    @Test
    void autoModeWithinBudgetDecidesWithoutApproval() {
        GuardVerdict verdict = new FailoverGuards(SiteMode.AUTO, COOLDOWN, BUDGET).evaluate(quorum(Optional.of(FRESH)));

        assertThat(verdict).isInstanceOfSatisfying(GuardVerdict.Decided.class, decided -> {
            assertThat(decided.approvalRequired()).isFalse();
            assertThat(decided.expectedDataLoss()).isEqualTo(Duration.ofMinutes(5));
            assertThat(decided.backup()).isEqualTo(FRESH);
        });
    }

    @Test
    void manualModeWaitsForApproval() {
        GuardVerdict verdict = new FailoverGuards(SiteMode.MANUAL, COOLDOWN, BUDGET).evaluate(quorum(Optional.of(FRESH)));

        assertThat(verdict).isInstanceOfSatisfying(GuardVerdict.Decided.class,
                decided -> assertThat(decided.approvalReasons()).containsExactly("site mode is MANUAL"));
    }

    @Test
    void lossOverBudgetWaitsForApproval() {
        BackupCandidate old = backup("daily-0", T0.minus(Duration.ofMinutes(16)), true);

        GuardVerdict verdict = new FailoverGuards(SiteMode.AUTO, COOLDOWN, BUDGET).evaluate(quorum(Optional.of(old)));

        assertThat(verdict).isInstanceOfSatisfying(GuardVerdict.Decided.class, decided -> {
            assertThat(decided.expectedDataLoss()).isEqualTo(Duration.ofMinutes(16));
            assertThat(decided.approvalReasons()).singleElement().asString().contains("exceeds the budget PT15M");
        });
    }

    @Test
    void lossExactlyAtTheBudgetIsWithinIt() {
        BackupCandidate atBudget = backup("daily-0", T0.minus(BUDGET), true);

        GuardVerdict verdict = new FailoverGuards(SiteMode.AUTO, COOLDOWN, BUDGET).evaluate(quorum(Optional.of(atBudget)));

        assertThat(((GuardVerdict.Decided) verdict).approvalRequired()).isFalse();
    }

    @Test
    void aManualFailoverAlwaysNeedsASecondOperator() {
        DecisionRequest manual = new DecisionRequest(Trigger.MANUAL, T0, T0, false, null, null, Optional.of(FRESH));

        GuardVerdict verdict = new FailoverGuards(SiteMode.AUTO, COOLDOWN, BUDGET).evaluate(manual);

        assertThat(verdict).isInstanceOfSatisfying(GuardVerdict.Decided.class,
                decided -> assertThat(decided.approvalReasons()).containsExactly("a manual failover needs a second operator"));
    }

    @Test
    void offModeRefuses() {
        assertThat(new FailoverGuards(SiteMode.OFF, COOLDOWN, BUDGET).evaluate(quorum(Optional.of(FRESH))))
                .isEqualTo(new GuardVerdict.Refused(Guard.MODE_OFF, "site mode is OFF"));
    }

    @Test
    void anActiveRunRefuses() {
        DecisionRequest request = new DecisionRequest(Trigger.QUORUM, T0, T0, true, null, null, Optional.of(FRESH));

        assertThat(new FailoverGuards(SiteMode.AUTO, COOLDOWN, BUDGET).evaluate(request))
                .isEqualTo(new GuardVerdict.Refused(Guard.ACTIVE_RUN, "the site already has an active run"));
    }

    @Test
    void theCooldownRefusesUntilItIsOver() {
        Instant lastEnded = T0.minus(Duration.ofMinutes(20));
        FailoverGuards guards = new FailoverGuards(SiteMode.AUTO, COOLDOWN, BUDGET);

        GuardVerdict during = guards.evaluate(new DecisionRequest(Trigger.QUORUM, T0, T0, false, lastEnded, lastEnded,
                Optional.of(FRESH)));
        GuardVerdict manualDuring = guards.evaluate(new DecisionRequest(Trigger.MANUAL, T0, T0, false, lastEnded,
                lastEnded, Optional.of(FRESH)));
        GuardVerdict after = guards.evaluate(new DecisionRequest(Trigger.QUORUM, T0.plus(Duration.ofMinutes(10)), T0,
                false, lastEnded, lastEnded, Optional.of(FRESH)));

        assertThat(during).isEqualTo(new GuardVerdict.Refused(Guard.COOLDOWN,
                "cooldown until " + lastEnded.plus(COOLDOWN)));
        assertThat(manualDuring).isEqualTo(during);
        assertThat(after).isInstanceOf(GuardVerdict.Decided.class);
    }

    @Test
    void afterAFailedOrAbortedRunAnOperatorMayFailOverButTheQuorumWaits() {
        Instant failedAt = T0.minus(Duration.ofMinutes(5));
        FailoverGuards guards = new FailoverGuards(SiteMode.AUTO, COOLDOWN, BUDGET);

        GuardVerdict manual = guards.evaluate(new DecisionRequest(Trigger.MANUAL, T0, T0, false, null, failedAt,
                Optional.of(FRESH)));
        GuardVerdict quorum = guards.evaluate(new DecisionRequest(Trigger.QUORUM, T0, T0, false, null, failedAt,
                Optional.of(FRESH)));

        assertThat(manual).isInstanceOf(GuardVerdict.Decided.class);
        assertThat(quorum).isEqualTo(new GuardVerdict.Refused(Guard.COOLDOWN,
                "cooldown until " + failedAt.plus(COOLDOWN)));
    }

    @Test
    void noBackupOnTheTargetRefuses() {
        assertThat(new FailoverGuards(SiteMode.AUTO, COOLDOWN, BUDGET).evaluate(quorum(Optional.empty())))
                .isEqualTo(new GuardVerdict.Refused(Guard.NO_RESTORABLE_BACKUP, "no completed backup is visible on the target site"));
    }

    @Test
    void aDrillIsNeverDecidedAsAFailover() {
        DecisionRequest drill = new DecisionRequest(Trigger.DRILL, T0, T0, false, null, null, Optional.of(FRESH));

        assertThat(new FailoverGuards(SiteMode.AUTO, COOLDOWN, BUDGET).evaluate(drill))
                .isInstanceOfSatisfying(GuardVerdict.Refused.class,
                        refused -> assertThat(refused.guard()).isEqualTo(Guard.NOT_A_FAILOVER));
    }
}
