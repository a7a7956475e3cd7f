package io.pra.events.failover;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A failover was called off by an operator or by the approval timeout policy.
 *
 * @param failoverId     run id
 * @param epoch          the run's epoch
 * @param sourceSite     site failed over from
 * @param targetSite     site restored to
 * @param trigger        {@code quorum} or {@code manual}
 * @param phase          phase the run was in; null when aborted before execution (awaiting approval)
 * @param abortedAt      when the abort committed
 * @param abortedBy      operator, or {@code system} for the approval timeout policy
 * @param reason         why it was aborted
 * @param phaseDurations every finished phase; empty when none ran
 */
public record FailoverAborted(
        UUID failoverId,
        long epoch,
        String sourceSite,
        String targetSite,
        Trigger trigger,
        FailoverPhase phase,
        Instant abortedAt,
        String abortedBy,
        String reason,
        List<PhaseDuration> phaseDurations) implements FailoverRunEvent {
}
