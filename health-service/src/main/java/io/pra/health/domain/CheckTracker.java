package io.pra.health.domain;

import io.pra.events.health.CheckEvidence;
import java.time.Instant;
import java.util.Optional;

/**
 * Hysteresis of one check: counts failures and successes in a row and reports a transition exactly once when a
 * threshold is crossed. A check starts PENDING and counts as healthy until it fails past its failure threshold.
 * Not thread-safe; {@link #snapshot()} copies the state for readers on other threads.
 */
public final class CheckTracker {

    private final CheckSpec spec;
    private CheckStatus status = CheckStatus.PENDING;
    private int consecutiveFailures;
    private int consecutiveSuccesses;
    private Instant firstFailedAt;
    private Instant degradedSince;
    private Instant lastProbeAt;
    private CheckEvidence lastEvidence;
    private long probes;

    public CheckTracker(CheckSpec spec) {
        this.spec = spec;
    }

    public CheckSpec spec() {
        return spec;
    }

    /** Records one probe; returns the transition it causes, if any. */
    public Optional<CheckTransition> record(ProbeOutcome outcome, Instant at) {
        probes++;
        lastProbeAt = at;
        lastEvidence = outcome.evidence();
        return outcome.passed() ? success(outcome, at) : failure(outcome, at);
    }

    private Optional<CheckTransition> failure(ProbeOutcome outcome, Instant at) {
        consecutiveSuccesses = 0;
        if (consecutiveFailures == 0) {
            firstFailedAt = at;
        }
        consecutiveFailures++;
        if (status != CheckStatus.DEGRADED && consecutiveFailures >= spec.failureThreshold()) {
            status = CheckStatus.DEGRADED;
            degradedSince = firstFailedAt;
            return Optional.of(new CheckTransition(CheckStatus.DEGRADED, consecutiveFailures, at, firstFailedAt,
                    outcome.evidence()));
        }
        if (status == CheckStatus.PENDING) {
            status = CheckStatus.HEALTHY;
        }
        return Optional.empty();
    }

    private Optional<CheckTransition> success(ProbeOutcome outcome, Instant at) {
        consecutiveFailures = 0;
        consecutiveSuccesses++;
        if (status == CheckStatus.DEGRADED) {
            if (consecutiveSuccesses >= spec.successThreshold()) {
                Instant streakStart = degradedSince;
                status = CheckStatus.HEALTHY;
                degradedSince = null;
                firstFailedAt = null;
                return Optional.of(new CheckTransition(CheckStatus.HEALTHY, consecutiveSuccesses, at, streakStart,
                        outcome.evidence()));
            }
            return Optional.empty();
        }
        status = CheckStatus.HEALTHY;
        firstFailedAt = null;
        return Optional.empty();
    }

    public CheckStatus status() {
        return status;
    }

    /** Start of the failure streak that degraded the check; null unless DEGRADED. */
    public Instant degradedSince() {
        return degradedSince;
    }

    public CheckEvidence lastEvidence() {
        return lastEvidence;
    }

    /** A consistent copy of the current state. */
    public CheckSnapshot snapshot() {
        return new CheckSnapshot(spec, status, consecutiveFailures, consecutiveSuccesses, firstFailedAt,
                degradedSince, lastProbeAt, lastEvidence, probes);
    }
}
