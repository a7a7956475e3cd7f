package io.pra.failover.domain;

import static io.pra.failover.domain.DomainFixtures.DEADLINE;
import static io.pra.failover.domain.DomainFixtures.T0;
import static io.pra.failover.domain.DomainFixtures.run;
import static io.pra.failover.domain.DomainFixtures.quorumRun;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.pra.events.failover.ApprovalTimeoutAction;
import io.pra.events.failover.FailoverPhase;
import io.pra.events.failover.Trigger;

class ApprovalPolicyTest {

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
        FailoverRun run = quorumRun(true);

        assertThat(ApprovalPolicy.applyIfDue(run, DEADLINE.minusMillis(1))).isEmpty();
        assertThat(run.isAwaitingApproval()).isTrue();
    }

    @Test
    void proceedApprovesAsTheSystemEvenAManualRun() {
        FailoverRun run = run(Trigger.MANUAL, "alice", ApprovalTimeoutAction.PROCEED);

        assertThat(ApprovalPolicy.applyIfDue(run, DEADLINE)).contains(ApprovalTimeoutAction.PROCEED);

        assertThat(run.approvedBy()).isEqualTo(ApprovalPolicy.SYSTEM_ACTOR);
        assertThat(run.approvedAt()).isEqualTo(DEADLINE);
        assertThat(run.nextPhase()).contains(FailoverPhase.FENCE_SOURCE);
    }

    @Test
    void abortEndsTheRunSayingWhy() {
        FailoverRun run = quorumRun(true);

        assertThat(ApprovalPolicy.applyIfDue(run, DEADLINE.plusSeconds(1))).contains(ApprovalTimeoutAction.ABORT);

        assertThat(run.outcome()).isEqualTo(FailoverPhase.ABORTED);
        assertThat(run.endReason()).contains("deadline");
    }

    @Test
    void aRunNoLongerWaitingIsLeftAlone() {
        FailoverRun approved = quorumRun(true);
        approved.approve("bob", T0);
        FailoverRun automatic = quorumRun(false);

        assertThat(ApprovalPolicy.applyIfDue(approved, DEADLINE)).isEmpty();
        assertThat(ApprovalPolicy.applyIfDue(automatic, DEADLINE)).isEmpty();
        assertThat(approved.outcome()).isNull();
        assertThat(automatic.outcome()).isNull();
    }
}
