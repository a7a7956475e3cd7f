package io.pra.events.failover;

import java.time.Instant;
import java.util.UUID;

/**
 * A failover waiting for approval was approved and will execute.
 *
 * @param failoverId  run id
 * @param epoch       the run's epoch
 * @param sourceSite  site failed over from
 * @param targetSite  site restored to
 * @param trigger     {@code quorum} or {@code manual}
 * @param approvedBy  approving operator; {@code system} when the timeout policy proceeded
 * @param approvedAt  when the approval committed
 * @param byTimeout   true when no operator answered and the policy proceeded
 * @param requestedBy operator who asked for a manual failover; null for a quorum
 * @param comment     approver's comment; null when none was given
 */
public record FailoverApproved(
        UUID failoverId,
        long epoch,
        String sourceSite,
        String targetSite,
        Trigger trigger,
        String approvedBy,
        Instant approvedAt,
        boolean byTimeout,
        String requestedBy,
        String comment) implements FailoverRunEvent {
}
