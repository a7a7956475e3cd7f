package io.pra.events.failover;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A failover stopped on an error it cannot get past; operators take over.
 *
 * @param failoverId     run id
 * @param epoch          the run's epoch
 * @param sourceSite     site failed over from
 * @param targetSite     site restored to
 * @param trigger        {@code quorum} or {@code manual}
 * @param phase          the phase that failed
 * @param failedAt       when the run was marked failed
 * @param failureReason  one-line reason, e.g. "restore PartiallyFailed: 3 errors, policy rejects"
 * @param errors         detailed errors (Velero's, Kubernetes'); empty when none
 * @param phaseDurations every finished phase, the failed one included
 */
public record FailoverFailed(
        UUID failoverId,
        long epoch,
        String sourceSite,
        String targetSite,
        Trigger trigger,
        FailoverPhase phase,
        Instant failedAt,
        String failureReason,
        List<String> errors,
        List<PhaseDuration> phaseDurations) implements FailoverRunEvent {
}
