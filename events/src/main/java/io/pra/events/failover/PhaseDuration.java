package io.pra.events.failover;

import java.time.Duration;
import java.time.Instant;

/**
 * How long one finished phase of a run took, measured by failover-service.
 *
 * @param phase     the phase
 * @param startedAt when it started
 * @param endedAt   when it ended
 * @param duration  {@code endedAt - startedAt}
 */
public record PhaseDuration(FailoverPhase phase, Instant startedAt, Instant endedAt, Duration duration) {
}
