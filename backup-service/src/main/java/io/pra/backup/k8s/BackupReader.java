package io.pra.backup.k8s;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import io.pra.backup.domain.BackupObservation;
import io.pra.velero.Backup;
import io.pra.velero.BackupProgress;
import io.pra.velero.BackupSpec;
import io.pra.velero.BackupStatus;
import io.pra.velero.Timestamps;
import io.pra.velero.Velero;

/** Reads a Velero Backup object into a {@link BackupObservation}, refusing what cannot be trusted. */
public final class BackupReader {

    private BackupReader() {
    }

    /** @throws MalformedBackupException when a timestamp is not RFC 3339 or a finished backup lacks its times */
    public static BackupObservation read(String site, Backup backup) {
        String name = backup.getMetadata().getName();
        BackupStatus status = backup.getStatus() == null ? new BackupStatus() : backup.getStatus();
        BackupSpec spec = backup.getSpec() == null ? new BackupSpec() : backup.getSpec();
        BackupProgress progress = status.getProgress();
        String phase = status.getPhase() == null ? null : status.getPhase().value();
        String storageLocation = spec.getStorageLocation() == null || spec.getStorageLocation().isBlank()
                ? Velero.DEFAULT_STORAGE_LOCATION : spec.getStorageLocation();
        BackupObservation observation = new BackupObservation(name, site, phase,
                timestamp(name, "status.startTimestamp", status.getStartTimestamp()),
                timestamp(name, "status.completionTimestamp", status.getCompletionTimestamp()),
                timestamp(name, "status.expiration", status.getExpiration()),
                storageLocation,
                spec.getIncludedNamespaces() == null ? List.of() : spec.getIncludedNamespaces(),
                progress == null ? null : progress.getItemsBackedUp(),
                progress == null ? null : progress.getTotalItems(),
                status.getWarnings(), status.getErrors(), status.getFailureReason(), status.getValidationErrors());
        if (observation.isRestorable() && (observation.startedAt() == null || observation.completedAt() == null)) {
            throw new MalformedBackupException(name, "phase " + phase
                    + " without status.startTimestamp and status.completionTimestamp");
        }
        if ("Unknown".equals(phase)) {
            throw new MalformedBackupException(name, "unknown status.phase");
        }
        return observation;
    }

    private static Instant timestamp(String name, String field, String text) {
        try {
            return Timestamps.parse(text);
        } catch (DateTimeParseException e) {
            throw new MalformedBackupException(name, field + " is not an RFC 3339 timestamp: '" + text + "'");
        }
    }
}
