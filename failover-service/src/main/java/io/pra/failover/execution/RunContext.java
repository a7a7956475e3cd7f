package io.pra.failover.execution;

import java.time.Instant;
import java.util.UUID;

import io.pra.events.failover.BackupRef;
import io.pra.events.failover.Trigger;
import io.pra.failover.cutover.CutoverRequest;
import io.pra.failover.k8s.PraAnnotations;
import io.pra.failover.persistence.RunEntity;

/**
 * What an executor needs to know of a run, read once when it picks the run up; {@code epoch} is the epoch it
 * executes under, checked against the site's before every recorded step.
 */
public record RunContext(UUID failoverId, long epoch, String sourceSite, String targetSite, Trigger trigger,
        BackupRef backup, Instant decidedAt, Instant disasterStartedAt) {

    static RunContext of(RunEntity run) {
        return new RunContext(run.failoverId, run.epoch, run.siteId, run.targetSite, run.trigger,
                new BackupRef(run.backupName, run.backupLocation, run.backupStartedAt, run.backupCompletedAt),
                run.decidedAt, run.disasterStartedAt);
    }

    /** The same run as seen by an executor holding another epoch (a stale one, in tests). */
    public RunContext withEpoch(long otherEpoch) {
        return new RunContext(failoverId, otherEpoch, sourceSite, targetSite, trigger, backup, decidedAt,
                disasterStartedAt);
    }

    /** Name of the objects the run creates: {@code pra-<failoverId>}. */
    public String objectName() {
        return PraAnnotations.objectName(failoverId);
    }

    CutoverRequest cutoverRequest() {
        return new CutoverRequest(failoverId, epoch, sourceSite, targetSite, trigger, backup.backupName(), decidedAt,
                disasterStartedAt);
    }
}
