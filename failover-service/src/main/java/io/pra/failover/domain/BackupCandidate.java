package io.pra.failover.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * A backup of the source site as this service knows it from {@code pra.backup.*} events.
 *
 * @param backupName      Velero {@code Backup} name
 * @param storageLocation storage location on the target site
 * @param startedAt       backup start: RPO is measured from it
 * @param completedAt     backup completion
 * @param expiresAt       when Velero removes it; null when it does not expire
 * @param visibleOnTarget true once backup-service found it on the target site
 */
public record BackupCandidate(String backupName, String storageLocation, Instant startedAt, Instant completedAt,
        Instant expiresAt, boolean visibleOnTarget) {

    /** True when the backup can be restored on the target site at {@code now}. */
    public boolean restorableAt(Instant now) {
        return visibleOnTarget && completedAt != null && (expiresAt == null || expiresAt.isAfter(now));
    }

    /** The newest (by start) completed, unexpired backup visible on the target site. */
    public static Optional<BackupCandidate> newestRestorable(Collection<BackupCandidate> backups, Instant now) {
        return backups.stream()
                .filter(backup -> backup.restorableAt(now))
                .max(Comparator.comparing(BackupCandidate::startedAt).thenComparing(BackupCandidate::backupName));
    }
}
