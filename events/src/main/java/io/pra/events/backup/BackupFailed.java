package io.pra.events.backup;

import io.pra.events.PraEvent;
import java.time.Instant;
import java.util.List;

/**
 * A Velero backup of a protection group failed and cannot be restored.
 *
 * @param backupName       Velero {@code Backup} name
 * @param site             site the backup was attempted on
 * @param protectionGroup  protection group the backup covers
 * @param veleroPhase      Velero phase, e.g. {@code Failed} or {@code FailedValidation}
 * @param startedAt        Velero start timestamp; null when the backup never started
 * @param completedAt      Velero completion timestamp; null when Velero set none
 * @param expiresAt        Velero expiration; null when not set
 * @param storageLocation  Velero {@code BackupStorageLocation} name
 * @param namespaces       namespaces the backup was meant to include
 * @param itemsBackedUp    Velero progress: items written; null when Velero reported no progress
 * @param totalItems       Velero progress: items to write; null when Velero reported no progress
 * @param warnings         Velero warning count
 * @param errors           Velero error count
 * @param failureReason    Velero's {@code failureReason}, or a summary of the validation errors
 * @param validationErrors Velero's {@code validationErrors}; empty unless validation failed
 */
public record BackupFailed(
        String backupName,
        String site,
        String protectionGroup,
        String veleroPhase,
        Instant startedAt,
        Instant completedAt,
        Instant expiresAt,
        String storageLocation,
        List<String> namespaces,
        Integer itemsBackedUp,
        Integer totalItems,
        int warnings,
        int errors,
        String failureReason,
        List<String> validationErrors) implements PraEvent {
}
