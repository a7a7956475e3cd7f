package io.pra.backup.domain;

import java.time.Instant;
import java.util.List;

/**
 * What a Velero Backup object says at one moment, read and validated.
 *
 * @param name             Backup name
 * @param site             site the object was seen on
 * @param phase            Velero phase string ({@code New}, {@code InProgress}, {@code Completed}...)
 * @param startedAt        status.startTimestamp, or null
 * @param completedAt      status.completionTimestamp, or null
 * @param expiresAt        status.expiration, or null
 * @param storageLocation  spec.storageLocation, or null
 * @param namespaces       spec.includedNamespaces
 * @param itemsBackedUp    status.progress.itemsBackedUp, or null without progress
 * @param totalItems       status.progress.totalItems, or null without progress
 * @param warnings         status.warnings
 * @param errors           status.errors
 * @param failureReason    status.failureReason, or null
 * @param validationErrors status.validationErrors
 */
public record BackupObservation(String name, String site, String phase, Instant startedAt, Instant completedAt,
        Instant expiresAt, String storageLocation, List<String> namespaces, Integer itemsBackedUp,
        Integer totalItems, int warnings, int errors, String failureReason, List<String> validationErrors) {

    public BackupObservation {
        namespaces = namespaces == null ? List.of() : List.copyOf(namespaces);
        validationErrors = validationErrors == null ? List.of() : List.copyOf(validationErrors);
        phase = phase == null || phase.isBlank() ? "New" : phase;
    }

    /** Velero will not change this backup any more. */
    public boolean isFinished() {
        return isRestorable() || "Failed".equals(phase) || "FailedValidation".equals(phase);
    }

    /** The backup's data can be restored (Velero restores PartiallyFailed backups too). */
    public boolean isRestorable() {
        return "Completed".equals(phase) || "PartiallyFailed".equals(phase);
    }
}
