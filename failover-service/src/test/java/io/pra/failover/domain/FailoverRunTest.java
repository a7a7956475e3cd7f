package io.pra.failover.domain;

import static io.pra.failover.domain.DomainFixtures.T0;
import static io.pra.failover.domain.DomainFixtures.manualRun;
import static io.pra.failover.domain.DomainFixtures.quorumRun;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.pra.events.failover.FailoverFailed;
import io.pra.events.failover.FailoverPhase;
import io.pra.events.failover.FailoverStep;
import io.pra.events.failover.StepStatus;

class FailoverRunTest {

    private static final StepVerdict DONE = StepVerdict.succeeded("done");

    private static Instant at(int seconds) {
        return T0.plusSeconds(seconds);
    }

    private static void runThrough(FailoverRun run, FailoverPhase last) {
        int t = 0;
        for (FailoverPhase phase : FailoverRun.EXECUTION_ORDER) {
            run.begin(phase, at(t++), "test");
            if (phase == last) {
                return;
            }
            run.finish(phase, DONE, at(t++), "test");
        }
    }

    @Test
    void phasesRunInOrderAndTheRunCompletesAfterCutover() {
        FailoverRun run = quorumRun(false);

        assertThat(run.nextPhase()).contains(FailoverPhase.FENCE_SOURCE);
        run.begin(FailoverPhase.FENCE_SOURCE, at(0), "test");
        assertThat(run.nextPhase()).isEmpty();
        run.finish(FailoverPhase.FENCE_SOURCE, DONE, at(2), "test");
        run.begin(FailoverPhase.RESTORE, at(2), "test");
        run.finish(FailoverPhase.RESTORE, DONE, at(40), "test");
        run.begin(FailoverPhase.VERIFY, at(40), "test");
        run.finish(FailoverPhase.VERIFY, DONE, at(55), "test");
        run.begin(FailoverPhase.CUTOVER, at(55), "test");
        run.finish(FailoverPhase.CUTOVER, DONE, at(57), "test");

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
        FailoverRun run = quorumRun(false);

        assertThatThrownBy(() -> run.begin(FailoverPhase.RESTORE, at(0), "test"))
                .isInstanceOf(RunTransitionRefused.class).hasMessageContaining("cannot begin RESTORE now (not started)");
        run.begin(FailoverPhase.FENCE_SOURCE, at(0), "test");
        assertThatThrownBy(() -> run.begin(FailoverPhase.FENCE_SOURCE, at(1), "test"))
                .isInstanceOf(RunTransitionRefused.class);
        assertThatThrownBy(() -> run.finish(FailoverPhase.RESTORE, DONE, at(1), "test"))
                .isInstanceOf(RunTransitionRefused.class).hasMessageContaining("is not in RESTORE (at FENCE_SOURCE)");
        assertThatThrownBy(() -> run.begin(FailoverPhase.COMPLETED, at(1), "test"))
                .isInstanceOf(RunTransitionRefused.class);
    }

    @Test
    void aRunWaitingForApprovalDoesNotStartUntilApproved() {
        FailoverRun run = quorumRun(true);

        assertThat(run.isAwaitingApproval()).isTrue();
        assertThat(run.nextPhase()).isEmpty();
        assertThatThrownBy(() -> run.begin(FailoverPhase.FENCE_SOURCE, at(0), "test"))
                .hasMessageContaining("waiting for approval");

        run.approve("alice", at(5));

        assertThat(run.isAwaitingApproval()).isFalse();
        assertThat(run.approvedBy()).isEqualTo("alice");
        assertThat(run.approvedAt()).isEqualTo(at(5));
        assertThat(run.nextPhase()).contains(FailoverPhase.FENCE_SOURCE);
    }

    @Test
    void anyOperatorMayApproveAQuorumRun() {
        FailoverRun run = quorumRun(true);

        run.approve("bob", at(1));

        assertThat(run.approvedBy()).isEqualTo("bob");
    }

    @Test
    void theRequesterCannotApproveTheirOwnManualFailover() {
        FailoverRun run = manualRun("alice");

        assertThatThrownBy(() -> run.approve("alice", at(1))).isInstanceOf(RunTransitionRefused.class)
                .hasMessageContaining("requester of a manual failover cannot approve it");
        assertThat(run.isAwaitingApproval()).isTrue();

        run.approve("bob", at(2));
        assertThat(run.approvedBy()).isEqualTo("bob");
    }

    @Test
    void approvingTwiceOrARunThatNeedsNoApprovalIsRefused() {
        FailoverRun approved = quorumRun(true);
        approved.approve("bob", at(1));

        assertThatThrownBy(() -> approved.approve("carol", at(2))).hasMessageContaining("not waiting for approval");
        assertThatThrownBy(() -> quorumRun(false).approve("bob", at(1)))
                .isInstanceOf(RunTransitionRefused.class);
    }

    @Test
    void abortWorksInEveryPhaseBeforeCutover() {
        for (FailoverPhase phase : FailoverRun.EXECUTION_ORDER.subList(0, 3)) {
            FailoverRun run = quorumRun(false);
            runThrough(run, phase);

            run.abort("alice", "operator changed their mind", at(100));

            assertThat(run.outcome()).isEqualTo(FailoverPhase.ABORTED);
            assertThat(run.endReason()).isEqualTo("operator changed their mind");
            assertThat(run.openPhase()).isEmpty();
            assertThat(run.phases()).last().extracting(PhaseRecord::endedAt).isEqualTo(at(100));
        }
    }

    @Test
    void aRunWaitingForApprovalCanBeAborted() {
        FailoverRun run = manualRun("alice");

        run.abort("alice", "not needed", at(3));

        assertThat(run.isAwaitingApproval()).isFalse();
        assertThat(run.outcome()).isEqualTo(FailoverPhase.ABORTED);
    }

    @Test
    void abortIsRefusedOnceCutoverHasBegun() {
        FailoverRun run = quorumRun(false);
        runThrough(run, FailoverPhase.CUTOVER);

        assertThatThrownBy(() -> run.abort("alice", "too late", at(100))).isInstanceOf(RunTransitionRefused.class)
                .hasMessageContaining("CUTOVER has begun");
        assertThat(run.isOver()).isFalse();
    }

    @Test
    void failureEndsTheRunAndClosesTheRunningPhase() {
        FailoverRun run = quorumRun(false);
        runThrough(run, FailoverPhase.RESTORE);

        run.finish(FailoverPhase.RESTORE, StepVerdict.failed("Velero restore Failed: 3 errors"), at(50), "test");

        assertThat(run.outcome()).isEqualTo(FailoverPhase.FAILED);
        assertThat(run.endReason()).isEqualTo("Velero restore Failed: 3 errors");
        assertThat(run.phases()).last().extracting(PhaseRecord::phase, PhaseRecord::endedAt)
                .containsExactly(FailoverPhase.RESTORE, at(50));
        assertThatThrownBy(() -> run.abort("alice", "after failure", at(51))).hasMessageContaining("it is FAILED");
        assertThatThrownBy(() -> run.finish(FailoverPhase.RESTORE, DONE, at(51), "test"))
                .isInstanceOf(RunTransitionRefused.class);
    }

    @Test
    void eachPhaseKeepsHowItEndedWhatItDidAndWhoRanIt() {
        FailoverRun run = quorumRun(false);
        run.begin(FailoverPhase.FENCE_SOURCE, at(0), "exec-1");
        assertThat(run.openPhase()).get().extracting(PhaseRecord::status, PhaseRecord::detail)
                .containsExactly(StepStatus.STARTED, null);

        run.finish(FailoverPhase.FENCE_SOURCE, StepVerdict.skipped("site a API did not answer"), at(1), "exec-2");
        run.begin(FailoverPhase.RESTORE, at(1), "exec-2");
        run.abort("alice", "site a is back", at(9));

        assertThat(run.phases()).extracting(PhaseRecord::status, PhaseRecord::detail, PhaseRecord::executor)
                .containsExactly(
                        tuple(StepStatus.SKIPPED, "site a API did not answer", "exec-2"),
                        tuple(StepStatus.FAILED, "aborted by alice: site a is back", "exec-2"));
        assertThat(run.outcome()).isEqualTo(FailoverPhase.ABORTED);
    }

    @Test
    void aFailedPhaseKeepsItsErrorsAndTheEventsSayWhatWasRecorded() {
        FailoverRun run = quorumRun(false);
        runThrough(run, FailoverPhase.RESTORE);
        run.finish(FailoverPhase.RESTORE, StepVerdict.failed("restore Failed", List.of("pod: quota")), at(9), "x");

        assertThat(RunEvents.step(run, FailoverPhase.RESTORE)).extracting(FailoverStep::status,
                FailoverStep::outcome, FailoverStep::errors, FailoverStep::endedAt)
                .containsExactly(StepStatus.FAILED, "restore Failed", List.of("pod: quota"), at(9));
        assertThat(RunEvents.failed(run)).extracting(FailoverFailed::phase, FailoverFailed::failureReason,
                FailoverFailed::errors).containsExactly(FailoverPhase.RESTORE, "restore Failed", List.of("pod: quota"));
    }

    @Test
    void aRunRebuiltFromItsRecordResumesWhereItStopped() {
        FailoverRun original = quorumRun(false);
        runThrough(original, FailoverPhase.VERIFY);
        original.finish(FailoverPhase.VERIFY, DONE, at(10), "test");

        FailoverRun rebuilt = new FailoverRun(original.decision(), null, null, null, original.phases(), null, null,
                null);

        assertThat(rebuilt.nextPhase()).contains(FailoverPhase.CUTOVER);
        assertThatThrownBy(() -> new FailoverRun(original.decision(), null, null, null, original.phases(),
                FailoverPhase.RESTORE, null, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
