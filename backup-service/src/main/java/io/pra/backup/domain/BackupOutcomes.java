package io.pra.backup.domain;

import java.time.Instant;

import io.pra.events.PraEvent;
import io.pra.events.backup.BackupCompleted;
import io.pra.events.backup.BackupFailed;
import io.pra.events.backup.BackupOffsiteVerified;

/** Turns finished backups into the events that announce them. */
public final class BackupOutcomes {

    private BackupOutcomes() {
    }

    /** {@code pra.backup.completed} for a restorable backup, {@code pra.backup.failed} otherwise. */
    public static PraEvent finished(BackupObservation backup, String group) {
        if (!backup.isFinished()) {
            throw new IllegalArgumentException("backup " + backup.name() + " is still " + backup.phase());
        }
        if (backup.isRestorable()) {
            return new BackupCompleted(backup.name(), backup.site(), group, backup.phase(), backup.startedAt(),
                    backup.completedAt(), backup.expiresAt(), backup.storageLocation(), backup.namespaces(),
                    orZero(backup.itemsBackedUp()), orZero(backup.totalItems()), backup.warnings(), backup.errors());
        }
        return new BackupFailed(backup.name(), backup.site(), group, backup.phase(), backup.startedAt(),
                backup.completedAt(), backup.expiresAt(), backup.storageLocation(), backup.namespaces(),
                backup.itemsBackedUp(), backup.totalItems(), backup.warnings(), backup.errors(),
                failureReason(backup), backup.validationErrors());
    }

    /** {@code pra.backup.offsite-verified}: the source site's backup seen on a peer at {@code verifiedAt}. */
    public static BackupOffsiteVerified verified(BackupObservation source, BackupObservation onPeer, String group,
            Instant verifiedAt) {
        return new BackupOffsiteVerified(source.name(), source.site(), group, onPeer.site(), verifiedAt,
                onPeer.phase(), source.startedAt(), source.completedAt(), onPeer.expiresAt(), onPeer.storageLocation(),
                source.namespaces(), orZero(source.itemsBackedUp()), orZero(source.totalItems()), source.warnings(),
                source.errors());
    }

    private static String failureReason(BackupObservation backup) {
        if (backup.failureReason() != null && !backup.failureReason().isBlank()) {
            return backup.failureReason();
        }
        if (!backup.validationErrors().isEmpty()) {
            return String.join("; ", backup.validationErrors());
        }
        return "Velero reported phase " + backup.phase() + " without a reason";
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
