package io.pra.events.failover;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A decided failover waits for an operator other than its requester to approve it.
 *
 * @param failoverId       run id
 * @param epoch            the run's epoch
 * @param sourceSite       site failed over from
 * @param targetSite       site restored to
 * @param trigger          {@code quorum} or {@code manual}
 * @param reason           why approval is needed, e.g. the site is in MANUAL mode, or the
 *                         expected data loss exceeds the budget
 * @param requestedBy      operator who asked for a manual failover; null for a quorum
 * @param chosenBackup     the backup the run would restore
 * @param expectedDataLoss data that would be lost by restoring {@code chosenBackup}
 * @param dataLossBudget   the site's data-loss budget
 * @param approvalDeadline when the timeout policy applies
 * @param onTimeout        what the policy does then
 */
public record FailoverAwaitingApproval(
        UUID failoverId,
        long epoch,
        String sourceSite,
        String targetSite,
        Trigger trigger,
        String reason,
        String requestedBy,
        BackupRef chosenBackup,
        Duration expectedDataLoss,
        Duration dataLossBudget,
        Instant approvalDeadline,
        ApprovalTimeoutAction onTimeout) implements FailoverRunEvent {
}
