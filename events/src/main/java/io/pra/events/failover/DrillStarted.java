package io.pra.events.failover;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A drill started: restore and verify a backup on the target site, never a cutover.
 *
 * @param failoverId       run id (drills are runs with trigger {@code drill})
 * @param epoch            the source site's current epoch; drills do not increment it
 * @param sourceSite       site whose backup is restored
 * @param targetSite       site restored to
 * @param requestedBy      operator, or {@code scheduler} for a scheduled drill
 * @param scheduled        true when started by a drill schedule
 * @param startedAt        when the drill started; its RTO is measured from here
 * @param chosenBackup     the backup the drill restores
 * @param namespaceMapping source namespace → drill namespace ({@code drill-<ns>}) on the target
 * @param rtoObjective     the RTO objective the drill is scored against
 * @param rpoObjective     the RPO objective the drill is scored against
 */
public record DrillStarted(
        UUID failoverId,
        long epoch,
        String sourceSite,
        String targetSite,
        String requestedBy,
        boolean scheduled,
        Instant startedAt,
        BackupRef chosenBackup,
        Map<String, String> namespaceMapping,
        Duration rtoObjective,
        Duration rpoObjective) implements FailoverRunEvent {
}
