package io.pra.health.domain;

import io.pra.events.health.CheckEvidence;
import java.time.Instant;
import java.util.Optional;

/**
 * Hysteresis of one check: counts failures and successes in a row and reports a transition exactly once when a
 * threshold is crossed. A check starts PENDING and counts as healthy until it fails past its failure threshold.
 * <p>
 * Start-up grace: while a check is warming up (it has not passed once yet and its probes fall within the
 * {@link StartupGrace}) its failures are counted, with the start of their streak, but it stays PENDING: no transition,
 * so no {@code pra.health.degraded} and no weight in the site's verdict. It stops warming up at its first passing probe
 * or at its first probe at or after the end of the grace, whichever comes first; if that probe fails and the streak
 * has reached the failure threshold, the check becomes DEGRADED at once, with the streak's true start (its first
 * failed probe, possibly the very first probe of the observer) and the whole count of failures.
 * <p>
 * Not thread-safe; {@link #snapshot()} copies the state for readers on other threads.
 */
public final class CheckTracker {

    private final CheckSpec spec;
    private final StartupGrace grace;
    private boolean warmingUp;
    private CheckStatus status = CheckStatus.PENDING;
    private int consecutiveFailures;
    private int consecutiveSuccesses;
    private Instant firstFailedAt;
    private Instant degradedSince;
    private Instant lastProbeAt;
    private CheckEvidence lastEvidence;
    private long probes;

    /** A check without start-up grace. */
    public CheckTracker(CheckSpec spec) {
        this(spec, StartupGrace.none());
    }

    public CheckTracker(CheckSpec spec, StartupGrace grace) {
        this.spec = spec;
        this.grace = grace;
        this.warmingUp = grace.active();
    }

    public CheckSpec spec() {
        return spec;
    }

    /** Records one probe; returns the transition it causes, if any. */
    public Optional<CheckTransition> record(ProbeOutcome outcome, Instant at) {
        probes++;
        lastProbeAt = at;
        lastEvidence = outcome.evidence();
        if (warmingUp && (outcome.passed() || !grace.covers(at))) {
            warmingUp = false;
        }
        return outcome.passed() ? success(outcome, at) : failure(outcome, at);
    }

    private Optional<CheckTransition> failure(ProbeOutcome outcome, Instant at) {
        consecutiveSuccesses = 0;
        if (consecutiveFailures == 0) {
            firstFailedAt = at;
        }
        consecutiveFailures++;
        if (warmingUp) {
            return Optional.empty();
        }
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

    /** Whether the check is still in its start-up grace (as of its last probe). */
    public boolean warmingUp() {
        return warmingUp;
    }

    public CheckEvidence lastEvidence() {
        return lastEvidence;
    }

    /** A consistent copy of the current state. */
    public CheckSnapshot snapshot() {
        return new CheckSnapshot(spec, status, consecutiveFailures, consecutiveSuccesses, firstFailedAt,
                degradedSince, lastProbeAt, lastEvidence, probes, warmingUp);
    }
}
