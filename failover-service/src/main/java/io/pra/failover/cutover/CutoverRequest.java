package io.pra.failover.cutover;

import java.time.Instant;
import java.util.UUID;

import io.pra.events.failover.Trigger;

/**
 * The run a cutover switches traffic for; also the JSON body the webhook strategy POSTs.
 *
 * @param failoverId        run id
 * @param epoch             the run's epoch; receivers should ignore a lower epoch than one they applied
 * @param sourceSite        site failed over from
 * @param targetSite        site that takes the traffic
 * @param trigger           quorum or manual
 * @param backupName        the backup restored on the target
 * @param decidedAt         when the failover was decided
 * @param disasterStartedAt when the source site started failing
 */
public record CutoverRequest(UUID failoverId, long epoch, String sourceSite, String targetSite, Trigger trigger,
        String backupName, Instant decidedAt, Instant disasterStartedAt) {
}
