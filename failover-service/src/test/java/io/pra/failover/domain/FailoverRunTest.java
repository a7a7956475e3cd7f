package io.pra.failover.domain;

import static io.pra.failover.domain.DomainFixtures.T0;
import static io.pra.failover.domain.DomainFixtures.manualRun;
import static io.pra.failover.domain.DomainFixtures.quorumRun;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.pra.events.failover.FailoverPhase;

class FailoverRunTest {

    private static Instant at(int seconds) {
        return T0.plusSeconds(seconds);
    }

    private static void runThrough(FailoverRun run, FailoverPhase last) {
        int t = 0;
        for (FailoverPhase phase : FailoverRun.EXECUTION_ORDER) {
            run.begin(phase, at(t++));
            if (phase == last) {
                return;
            }
            run.finish(phase, at(t++));
        }
    }

    @Test
    void phasesRunInOrderAndTheRunCompletesAfterCutover() {
        FailoverRun run = FailoverRun.decided(quorumRun(), false);

        assertThat(run.nextPhase()).contains(FailoverPhase.FENCE_SOURCE);
        run.begin(FailoverPhase.FENCE_SOURCE, at(0));
        assertThat(run.nextPhase()).isEmpty();
        run.finish(FailoverPhase.FENCE_SOURCE, at(2));
        run.begin(FailoverPhase.RESTORE, at(2));
        run.finish(FailoverPhase.RESTORE, at(40));
        run.begin(FailoverPhase.VERIFY, at(40));
        run.finish(FailoverPhase.VERIFY, at(55));
        run.begin(FailoverPhase.CUTOVER, at(55));
        run.finish(FailoverPhase.CUTOVER, at(57));

        assertThat(run.outcome()).isEqualTo(FailoverPhase.COMPLETED);
        assertThat(run.currentPhase()).isEqualTo(FailoverPhase.COMPLETED);
        assertThat(run.endedAt()).isEqualTo(at(57));
        assertThat(run.phases()).extracting(PhaseRecord::phase).containsExactlyElementsOf(FailoverRun.EXECUTION_ORDER);
        assertThat(run.phases()).extracting(PhaseRecord::duration).containsExactly(
                Duration.ofSeconds(2), Duration.ofSeconds(38), Duration.ofSeconds(15), Duration.ofSeconds(2));
        assertThat(run.nextPhase()).isEmpty();
    }

    @Test
    void phasesCannotBeSkippedRepeatedOrEndedOutOfTurn() {
        FailoverRun run = FailoverRun.decided(quorumRun(), false);

        assertThatThrownBy(() -> run.begin(FailoverPhase.RESTORE, at(0))).isInstanceOf(RunTransitionRefused.class)
                .hasMessageContaining("cannot begin RESTORE now (not started)");
        run.begin(FailoverPhase.FENCE_SOURCE, at(0));
        assertThatThrownBy(() -> run.begin(FailoverPhase.FENCE_SOURCE, at(1))).isInstanceOf(RunTransitionRefused.class);
        assertThatThrownBy(() -> run.finish(FailoverPhase.RESTORE, at(1))).isInstanceOf(RunTransitionRefused.class)
                .hasMessageContaining("is not in RESTORE (at FENCE_SOURCE)");
        assertThatThrownBy(() -> run.begin(FailoverPhase.COMPLETED, at(1))).isInstanceOf(RunTransitionRefused.class);
    }

    @Test
    void aRunWaitingForApprovalDoesNotStartUntilApproved() {
        FailoverRun run = FailoverRun.decided(quorumRun(), true);

        assertThat(run.isAwaitingApproval()).isTrue();
        assertThat(run.nextPhase()).isEmpty();
        assertThatThrownBy(() -> run.begin(FailoverPhase.FENCE_SOURCE, at(0)))
                .hasMessageContaining("waiting for approval");

        run.approve("alice", at(5));

        assertThat(run.isAwaitingApproval()).isFalse();
        assertThat(run.approvedBy()).isEqualTo("alice");
        assertThat(run.approvedAt()).isEqualTo(at(5));
        assertThat(run.nextPhase()).contains(FailoverPhase.FENCE_SOURCE);
    }

    @Test
    void anyOperatorMayApproveAQuorumRun() {
        FailoverRun run = FailoverRun.decided(quorumRun(), true);

        run.approve("bob", at(1));

        assertThat(run.approvedBy()).isEqualTo("bob");
    }

    @Test
    void theRequesterCannotApproveTheirOwnManualFailover() {
        FailoverRun run = FailoverRun.decided(manualRun("alice"), true);

        assertThatThrownBy(() -> run.approve("alice", at(1))).isInstanceOf(RunTransitionRefused.class)
                .hasMessageContaining("requester of a manual failover cannot approve it");
        assertThat(run.isAwaitingApproval()).isTrue();

        run.approve("bob", at(2));
        assertThat(run.approvedBy()).isEqualTo("bob");
    }

    @Test
    void approvingTwiceOrARunThatNeedsNoApprovalIsRefused() {
        FailoverRun approved = FailoverRun.decided(quorumRun(), true);
        approved.approve("bob", at(1));

        assertThatThrownBy(() -> approved.approve("carol", at(2))).hasMessageContaining("not waiting for approval");
        assertThatThrownBy(() -> FailoverRun.decided(quorumRun(), false).approve("bob", at(1)))
                .isInstanceOf(RunTransitionRefused.class);
    }

    @Test
    void abortWorksInEveryPhaseBeforeCutover() {
        for (FailoverPhase phase : FailoverRun.EXECUTION_ORDER.subList(0, 3)) {
            FailoverRun run = FailoverRun.decided(quorumRun(), false);
            runThrough(run, phase);

            run.abort("operator changed their mind", at(100));

            assertThat(run.outcome()).isEqualTo(FailoverPhase.ABORTED);
            assertThat(run.endReason()).isEqualTo("operator changed their mind");
            assertThat(run.openPhase()).isEmpty();
            assertThat(run.phases()).last().extracting(PhaseRecord::endedAt).isEqualTo(at(100));
        }
    }

    @Test
    void aRunWaitingForApprovalCanBeAborted() {
        FailoverRun run = FailoverRun.decided(manualRun("alice"), true);

        run.abort("not needed", at(3));

        assertThat(run.isAwaitingApproval()).isFalse();
        assertThat(run.outcome()).isEqualTo(FailoverPhase.ABORTED);
    }

    @Test
    void abortIsRefusedOnceCutoverHasBegun() {
        FailoverRun run = FailoverRun.decided(quorumRun(), false);
        runThrough(run, FailoverPhase.CUTOVER);

        assertThatThrownBy(() -> run.abort("too late", at(100))).isInstanceOf(RunTransitionRefused.class)
                .hasMessageContaining("CUTOVER has begun");
        assertThat(run.isOver()).isFalse();
    }

    @Test
    void failureEndsTheRunAndClosesTheRunningPhase() {
        FailoverRun run = FailoverRun.decided(quorumRun(), false);
        runThrough(run, FailoverPhase.RESTORE);

        run.fail("Velero restore Failed: 3 errors", at(50));

        assertThat(run.outcome()).isEqualTo(FailoverPhase.FAILED);
        assertThat(run.endReason()).isEqualTo("Velero restore Failed: 3 errors");
        assertThat(run.phases()).last().extracting(PhaseRecord::phase, PhaseRecord::endedAt)
                .containsExactly(FailoverPhase.RESTORE, at(50));
        assertThatThrownBy(() -> run.abort("after failure", at(51))).hasMessageContaining("it is FAILED");
        assertThatThrownBy(() -> run.fail("again", at(51))).isInstanceOf(RunTransitionRefused.class);
    }

    @Test
    void aRunRebuiltFromItsRecordResumesWhereItStopped() {
        FailoverRun original = FailoverRun.decided(quorumRun(), false);
        runThrough(original, FailoverPhase.VERIFY);
        original.finish(FailoverPhase.VERIFY, at(10));

        FailoverRun rebuilt = new FailoverRun(original.identity(), false, null, null, original.phases(), null, null, null);

        assertThat(rebuilt.nextPhase()).contains(FailoverPhase.CUTOVER);
        assertThatThrownBy(() -> new FailoverRun(original.identity(), false, null, null, original.phases(),
                FailoverPhase.RESTORE, null, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
