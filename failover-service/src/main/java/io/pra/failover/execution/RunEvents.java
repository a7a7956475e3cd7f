package io.pra.failover.execution;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.pra.events.failover.FailoverCompleted;
import io.pra.events.failover.FailoverFailed;
import io.pra.events.failover.FailoverPhase;
import io.pra.events.failover.FailoverStep;
import io.pra.events.failover.PhaseDuration;
import io.pra.events.failover.StepStatus;
import io.pra.failover.domain.RunMeasures;

/** The execution events of a run, built from what was recorded. */
final class RunEvents {

    private RunEvents() {
    }

    static FailoverStep started(RunContext run, FailoverPhase phase, Instant at) {
        return new FailoverStep(run.failoverId(), run.epoch(), run.sourceSite(), run.targetSite(), run.trigger(),
                phase, StepStatus.STARTED, at, null, null, null, List.of());
    }

    static FailoverStep ended(RunContext run, FailoverPhase phase, StepStatus status, Instant startedAt,
            Instant endedAt, String outcome, List<String> errors) {
        return new FailoverStep(run.failoverId(), run.epoch(), run.sourceSite(), run.targetSite(), run.trigger(),
                phase, status, startedAt, endedAt, Duration.between(startedAt, endedAt), outcome, errors);
    }

    static FailoverCompleted completed(RunContext run, Instant completedAt, List<PhaseDuration> phases,
            Duration rtoObjective, Duration rpoObjective) {
        return new FailoverCompleted(run.failoverId(), run.epoch(), run.sourceSite(), run.targetSite(),
                run.trigger(), run.disasterStartedAt(), run.decidedAt(), completedAt, run.backup(), phases,
                RunMeasures.rto(run.disasterStartedAt(), completedAt),
                RunMeasures.rpo(run.disasterStartedAt(), run.backup().startedAt()), rtoObjective, rpoObjective);
    }

    static FailoverFailed failed(RunContext run, FailoverPhase phase, Instant failedAt, String reason,
            List<String> errors, List<PhaseDuration> phases) {
        return new FailoverFailed(run.failoverId(), run.epoch(), run.sourceSite(), run.targetSite(), run.trigger(),
                phase, failedAt, reason, errors, phases);
    }
}
