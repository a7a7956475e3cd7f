package io.pra.events.failover;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A drill ended, passed or failed, measured and scored against the objectives.
 *
 * @param failoverId     run id
 * @param epoch          the source site's epoch the drill ran under
 * @param sourceSite     site whose backup was restored
 * @param targetSite     site restored to
 * @param startedAt      when the drill started
 * @param completedAt    when it ended (cleanup excluded)
 * @param chosenBackup   the backup restored
 * @param phaseDurations every finished phase, in order
 * @param rtoAchieved    end of VERIFY − {@code startedAt}; null if the drill did not get that far
 * @param rpoAchieved    {@code startedAt - chosenBackup.startedAt}; null if no backup was restored
 * @param rtoObjective   the RTO objective
 * @param rpoObjective   the RPO objective
 * @param verdict        passed when every objective was met and every step succeeded
 * @param score          0 to 100, failover-service's drill score (100: all objectives met)
 * @param findings       what cost points or failed the drill; empty when nothing did
 * @param cleanedUp      true when the drill namespaces were removed from the target site
 * @param failureReason  why the drill could not finish; null when it finished
 */
public record DrillCompleted(
        UUID failoverId,
        long epoch,
        String sourceSite,
        String targetSite,
        Instant startedAt,
        Instant completedAt,
        BackupRef chosenBackup,
        List<PhaseDuration> phaseDurations,
        Duration rtoAchieved,
        Duration rpoAchieved,
        Duration rtoObjective,
        Duration rpoObjective,
        DrillVerdict verdict,
        int score,
        List<String> findings,
        boolean cleanedUp,
        String failureReason) implements FailoverRunEvent {
}
