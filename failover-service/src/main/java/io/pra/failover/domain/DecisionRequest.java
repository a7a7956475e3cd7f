package io.pra.failover.domain;

import java.time.Instant;
import java.util.Optional;

import io.pra.events.failover.Trigger;

/**
 * What the guards look at when a failover is about to be decided.
 *
 * @param trigger          quorum or manual
 * @param now              decision time, on this service's clock
 * @param disasterStart    earliest failure among the quorum votes; the request time for a manual run
 * @param activeRun        true when the site already has a run that is not over
 * @param lastCompletedAt  when the site's last completed failover ended; null when none completed
 * @param lastEndedAt      when the site's last run ended, whatever its outcome; null when it never had one
 * @param chosenBackup     newest restorable backup on the target site, if any
 */
public record DecisionRequest(Trigger trigger, Instant now, Instant disasterStart, boolean activeRun,
        Instant lastCompletedAt, Instant lastEndedAt, Optional<BackupCandidate> chosenBackup) {
}
