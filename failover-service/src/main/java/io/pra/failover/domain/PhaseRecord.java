package io.pra.failover.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import io.pra.events.failover.FailoverPhase;
import io.pra.events.failover.StepStatus;

/**
 * One phase a run began: when, how it ended, what it did and which executor carried it out.
 *
 * @param phase     an executable phase (FENCE_SOURCE, RESTORE, VERIFY, CUTOVER)
 * @param startedAt when the executor began it
 * @param endedAt   when it ended, successfully or not; null while it runs
 * @param status    STARTED while it runs, then SUCCEEDED, SKIPPED or FAILED
 * @param detail    one line saying what the step did or why it failed; null while it runs
 * @param errors    detailed errors (Velero's, Kubernetes'); empty when none
 * @param executor  the executor instance that last recorded it
 */
public record PhaseRecord(FailoverPhase phase, Instant startedAt, Instant endedAt, StepStatus status, String detail,
        List<String> errors, String executor) {

    public PhaseRecord {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(status, "status");
        errors = errors == null ? List.of() : List.copyOf(errors);
        if ((endedAt == null) != (status == StepStatus.STARTED)) {
            throw new IllegalArgumentException("phase " + phase + " is " + status + " but "
                    + (endedAt == null ? "has no end" : "has ended"));
        }
    }

    /** A phase just begun. */
    public static PhaseRecord started(FailoverPhase phase, Instant at, String executor) {
        return new PhaseRecord(phase, at, null, StepStatus.STARTED, null, List.of(), executor);
    }

    public boolean isOpen() {
        return endedAt == null;
    }

    /** How long the phase took; null while it runs. */
    public Duration duration() {
        return endedAt == null ? null : Duration.between(startedAt, endedAt);
    }

    PhaseRecord ended(Instant end, StepVerdict verdict, String by) {
        StepStatus ending = switch (verdict.outcome()) {
            case SUCCEEDED -> StepStatus.SUCCEEDED;
            case SKIPPED -> StepStatus.SKIPPED;
            case FAILED -> StepStatus.FAILED;
        };
        return new PhaseRecord(phase, startedAt, end, ending, verdict.detail(), verdict.errors(), by);
    }
}
