package io.pra.events.failover;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * failover-service decided to fail a site over, under a new epoch.
 *
 * @param failoverId        run id
 * @param epoch             the new epoch (previous + 1)
 * @param sourceSite        site failed over from
 * @param targetSite        site restored to
 * @param trigger           {@code quorum} or {@code manual}
 * @param decidedAt         when the decision committed
 * @param disasterStartedAt earliest {@code firstFailedAt} among the quorum votes; for a manual
 *                          failover without votes, the request time
 * @param votes             the fresh votes that made quorum; empty for a manual failover
 * @param chosenBackup      newest completed backup visible on the target site
 * @param expectedDataLoss  {@code disasterStartedAt - chosenBackup.startedAt}
 * @param dataLossBudget    the site's data-loss budget (defaults to its RPO objective)
 * @param approvalRequired  true when the run waits for an operator (MANUAL mode, or loss over budget)
 * @param requestedBy       operator who asked for a manual failover; null for a quorum
 * @param reason            operator's reason for a manual failover; null for a quorum
 */
public record FailoverDecided(
        UUID failoverId,
        long epoch,
        String sourceSite,
        String targetSite,
        Trigger trigger,
        Instant decidedAt,
        Instant disasterStartedAt,
        List<QuorumVote> votes,
        BackupRef chosenBackup,
        Duration expectedDataLoss,
        Duration dataLossBudget,
        boolean approvalRequired,
        String requestedBy,
        String reason) implements FailoverRunEvent {
}
