package io.pra.failover.domain;

import java.time.Duration;
import java.util.List;

import io.pra.events.failover.FailoverAborted;
import io.pra.events.failover.FailoverApproved;
import io.pra.events.failover.FailoverAwaitingApproval;
import io.pra.events.failover.FailoverCompleted;
import io.pra.events.failover.FailoverFailed;
import io.pra.events.failover.FailoverPhase;
import io.pra.events.failover.FailoverStep;
import io.pra.events.failover.PhaseDuration;

/** The events of a run, built from what the run recorded: nothing is copied by hand elsewhere. */
public final class RunEvents {

    private RunEvents() {
    }

    /** The run waits for an operator, on the terms it was decided with. */
    public static FailoverAwaitingApproval awaitingApproval(FailoverRun run) {
        FailoverRun.ApprovalTerms terms = run.approval().orElseThrow();
        return new FailoverAwaitingApproval(run.failoverId(), run.epoch(), run.sourceSite(), run.targetSite(),
                run.trigger(), terms.reason(), run.decision().requestedBy(), run.decision().chosenBackup(),
                run.decision().expectedDataLoss(), run.decision().dataLossBudget(), terms.deadline(),
                terms.onTimeout());
    }

    /** The run was approved; {@code byTimeout} when its timeout policy approved it. */
    public static FailoverApproved approved(FailoverRun run, boolean byTimeout, String comment) {
        return new FailoverApproved(run.failoverId(), run.epoch(), run.sourceSite(), run.targetSite(),
                run.trigger(), run.approvedBy(), run.approvedAt(), byTimeout, run.decision().requestedBy(), comment);
    }

    /** The run was aborted in {@code phase} (null before any phase). */
    public static FailoverAborted aborted(FailoverRun run, FailoverPhase phase, String operator) {
        return new FailoverAborted(run.failoverId(), run.epoch(), run.sourceSite(), run.targetSite(),
                run.trigger(), phase, run.endedAt(), operator, run.endReason(), durations(run));
    }

    /** {@code phase} began, or ended as the run recorded it. */
    public static FailoverStep step(FailoverRun run, FailoverPhase phase) {
        PhaseRecord record = run.phase(phase).orElseThrow(
                () -> new IllegalArgumentException("run " + run.failoverId() + " has not begun " + phase));
        return new FailoverStep(run.failoverId(), run.epoch(), run.sourceSite(), run.targetSite(), run.trigger(),
                phase, record.status(), record.startedAt(), record.endedAt(), record.duration(), record.detail(),
                record.errors());
    }

    /** The run completed: measured RTO and RPO against the objectives. */
    public static FailoverCompleted completed(FailoverRun run, Duration rtoObjective, Duration rpoObjective) {
        var decision = run.decision();
        return new FailoverCompleted(run.failoverId(), run.epoch(), run.sourceSite(), run.targetSite(),
                run.trigger(), decision.disasterStartedAt(), decision.decidedAt(), run.endedAt(),
                decision.chosenBackup(), durations(run),
                RunMeasures.rto(decision.disasterStartedAt(), run.endedAt()),
                RunMeasures.rpo(decision.disasterStartedAt(), decision.chosenBackup().startedAt()), rtoObjective,
                rpoObjective);
    }

    /** The run failed in its last phase. */
    public static FailoverFailed failed(FailoverRun run) {
        PhaseRecord last = run.phases().get(run.phases().size() - 1);
        return new FailoverFailed(run.failoverId(), run.epoch(), run.sourceSite(), run.targetSite(), run.trigger(),
                last.phase(), run.endedAt(), run.endReason(), last.errors(), durations(run));
    }

    private static List<PhaseDuration> durations(FailoverRun run) {
        return RunMeasures.phaseDurations(run.phases());
    }
}
