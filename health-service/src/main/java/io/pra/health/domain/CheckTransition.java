package io.pra.health.domain;

import io.pra.events.health.CheckEvidence;
import java.time.Instant;

/**
 * A check crossed a threshold: it became DEGRADED (failure threshold) or HEALTHY again (success threshold).
 *
 * @param to            the new status
 * @param consecutive   failures (or successes) in a row when the threshold was crossed
 * @param observedAt    when the deciding probe ran
 * @param firstFailedAt start of the failure streak (for a recovery: the streak it ends)
 * @param evidence      what the deciding probe saw
 */
public record CheckTransition(CheckStatus to, int consecutive, Instant observedAt, Instant firstFailedAt,
        CheckEvidence evidence) {
}
