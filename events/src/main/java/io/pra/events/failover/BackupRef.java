package io.pra.events.failover;

import java.time.Instant;

/**
 * The backup a run restores.
 *
 * @param backupName      Velero {@code Backup} name
 * @param storageLocation {@code BackupStorageLocation} on the target site
 * @param startedAt       backup start: RPO = disaster start − this
 * @param completedAt     backup completion
 */
public record BackupRef(String backupName, String storageLocation, Instant startedAt, Instant completedAt) {
}
