package io.pra.failover.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import io.pra.events.failover.FailoverPhase;

/**
 * One executed phase of a run: when it started and, once over, when it ended.
 *
 * @param phase     an executable phase (FENCE_SOURCE, RESTORE, VERIFY, CUTOVER)
 * @param startedAt when the executor began it
 * @param endedAt   when it ended, successfully or not; null while it runs
 */
public record PhaseRecord(FailoverPhase phase, Instant startedAt, Instant endedAt) {

    public PhaseRecord {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(startedAt, "startedAt");
    }

    public boolean isOpen() {
        return endedAt == null;
    }

    /** How long the phase took; null while it runs. */
    public Duration duration() {
        return endedAt == null ? null : Duration.between(startedAt, endedAt);
    }

    PhaseRecord endedAt(Instant end) {
        return new PhaseRecord(phase, startedAt, end);
    }
}
