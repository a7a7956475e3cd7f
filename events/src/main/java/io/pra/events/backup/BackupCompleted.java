package io.pra.events.backup;

import io.pra.events.PraEvent;
import java.time.Instant;
import java.util.List;

/**
 * A Velero backup of a protection group finished and can be restored.
 *
 * @param backupName      Velero {@code Backup} name
 * @param site            site the backup was taken on
 * @param protectionGroup protection group the backup covers
 * @param veleroPhase     Velero phase: {@code Completed}, or {@code PartiallyFailed} when the group
 *                        accepts partial backups ({@code errors} is then above zero)
 * @param startedAt       Velero start timestamp; RPO is measured from it
 * @param completedAt     Velero completion timestamp
 * @param expiresAt       when Velero garbage-collects the backup; null when no TTL applies
 * @param storageLocation Velero {@code BackupStorageLocation} name
 * @param namespaces      namespaces included in the backup
 * @param itemsBackedUp   Velero progress: items written
 * @param totalItems      Velero progress: items to write
 * @param warnings        Velero warning count
 * @param errors          Velero error count
 */
public record BackupCompleted(
        String backupName,
        String site,
        String protectionGroup,
        String veleroPhase,
        Instant startedAt,
        Instant completedAt,
        Instant expiresAt,
        String storageLocation,
        List<String> namespaces,
        int itemsBackedUp,
        int totalItems,
        int warnings,
        int errors) implements PraEvent {
}
