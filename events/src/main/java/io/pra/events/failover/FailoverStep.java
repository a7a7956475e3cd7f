package io.pra.events.failover;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One phase of a failover or drill run started or ended.
 *
 * @param failoverId run id
 * @param epoch      the run's epoch
 * @param sourceSite site failed over from
 * @param targetSite site restored to
 * @param trigger    what started the run; {@code drill} for drill steps
 * @param phase      the phase, FENCE_SOURCE to CUTOVER
 * @param status     started, or how it ended
 * @param startedAt  when the phase started
 * @param endedAt    when it ended; null while {@code started}
 * @param duration   {@code endedAt - startedAt}; null while {@code started}
 * @param outcome    what the step did, e.g. "Velero restore pra-... Completed, 214 items"; null
 *                   while {@code started}
 * @param errors     errors reported by the step (Velero restore errors...); empty when none
 */
public record FailoverStep(
        UUID failoverId,
        long epoch,
        String sourceSite,
        String targetSite,
        Trigger trigger,
        FailoverPhase phase,
        StepStatus status,
        Instant startedAt,
        Instant endedAt,
        Duration duration,
        String outcome,
        List<String> errors) implements FailoverRunEvent {
}
