package io.pra.failover.domain;

import static io.pra.failover.domain.DomainFixtures.T0;
import static io.pra.failover.domain.DomainFixtures.manualRun;
import static io.pra.failover.domain.DomainFixtures.quorumRun;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.pra.events.failover.ApprovalTimeoutAction;
import io.pra.events.failover.FailoverPhase;

class ApprovalPolicyTest {

    private static final Instant DEADLINE = T0.plus(Duration.ofMinutes(30));

    @Test
    void theDeadlineIsTheDecisionPlusTheTimeout() {
        ApprovalPolicy policy = new ApprovalPolicy(Duration.ofMinutes(30), ApprovalTimeoutAction.ABORT);

        assertThat(policy.deadline(T0)).isEqualTo(DEADLINE);
    }

    @Test
    void aTimeoutMustBePositive() {
        assertThatThrownBy(() -> new ApprovalPolicy(Duration.ZERO, ApprovalTimeoutAction.ABORT))
                .hasMessageContaining("positive");
    }

    @Test
    void nothingHappensBeforeTheDeadline() {
        FailoverRun run = FailoverRun.decided(quorumRun(), true);

        assertThat(ApprovalPolicy.applyIfDue(run, DEADLINE, ApprovalTimeoutAction.ABORT, DEADLINE.minusMillis(1)))
                .isFalse();
        assertThat(run.isAwaitingApproval()).isTrue();
    }

    @Test
    void proceedApprovesAsTheSystemEvenAManualRun() {
        FailoverRun run = FailoverRun.decided(manualRun("alice"), true);

        assertThat(ApprovalPolicy.applyIfDue(run, DEADLINE, ApprovalTimeoutAction.PROCEED, DEADLINE)).isTrue();

        assertThat(run.approvedBy()).isEqualTo(ApprovalPolicy.SYSTEM_ACTOR);
        assertThat(run.approvedAt()).isEqualTo(DEADLINE);
        assertThat(run.nextPhase()).contains(FailoverPhase.FENCE_SOURCE);
    }

    @Test
    void abortEndsTheRunSayingWhy() {
        FailoverRun run = FailoverRun.decided(quorumRun(), true);

        assertThat(ApprovalPolicy.applyIfDue(run, DEADLINE, ApprovalTimeoutAction.ABORT, DEADLINE.plusSeconds(1)))
                .isTrue();

        assertThat(run.outcome()).isEqualTo(FailoverPhase.ABORTED);
        assertThat(run.endReason()).contains("deadline");
    }

    @Test
    void aRunNoLongerWaitingIsLeftAlone() {
        FailoverRun approved = FailoverRun.decided(quorumRun(), true);
        approved.approve("bob", T0);
        FailoverRun automatic = FailoverRun.decided(quorumRun(), false);

        assertThat(ApprovalPolicy.applyIfDue(approved, DEADLINE, ApprovalTimeoutAction.ABORT, DEADLINE)).isFalse();
        assertThat(ApprovalPolicy.applyIfDue(automatic, DEADLINE, ApprovalTimeoutAction.ABORT, DEADLINE)).isFalse();
        assertThat(approved.outcome()).isNull();
        assertThat(automatic.outcome()).isNull();
    }
}
