package io.pra.events.failover;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A failover finished its cutover: the target site now serves; RTO and RPO are measured.
 *
 * @param failoverId        run id
 * @param epoch             the run's epoch
 * @param sourceSite        site failed over from
 * @param targetSite        site now serving
 * @param trigger           {@code quorum} or {@code manual}
 * @param disasterStartedAt the disaster start used for RTO and RPO
 * @param decidedAt         when the failover was decided
 * @param completedAt       when the cutover was done
 * @param chosenBackup      the backup restored
 * @param phaseDurations    every finished phase, in order
 * @param rtoAchieved       {@code completedAt - disasterStartedAt}
 * @param rpoAchieved       {@code disasterStartedAt - chosenBackup.startedAt}
 * @param rtoObjective      the site's RTO objective
 * @param rpoObjective      the site's RPO objective
 */
public record FailoverCompleted(
        UUID failoverId,
        long epoch,
        String sourceSite,
        String targetSite,
        Trigger trigger,
        Instant disasterStartedAt,
        Instant decidedAt,
        Instant completedAt,
        BackupRef chosenBackup,
        List<PhaseDuration> phaseDurations,
        Duration rtoAchieved,
        Duration rpoAchieved,
        Duration rtoObjective,
        Duration rpoObjective) implements FailoverRunEvent {
}
