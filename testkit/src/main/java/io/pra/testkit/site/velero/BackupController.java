package io.pra.testkit.site.velero;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.pra.velero.Backup;
import io.pra.velero.BackupPhase;
import io.pra.velero.BackupProgress;
import io.pra.velero.BackupStatus;
import io.pra.velero.BackupStorageLocation;
import io.pra.velero.GoDuration;
import io.pra.velero.Timestamps;
import io.pra.velero.Velero;
import io.pra.velero.VeleroLabels;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Velero's backup controller: takes each new Backup through InProgress to Completed, PartiallyFailed or Failed,
 * capturing the selected objects at the start and writing them to object storage at the end.
 */
final class BackupController {

    static final String ORPHANED = "found a backup with status \"InProgress\" during the server starting, "
            + "mark it as \"Failed\"";

    private final SimulatorRuntime runtime;
    private final StorageLocations locations;
    private final ItemCapture capture;
    /** Backups (by uid) this simulator has taken charge of; touched on the simulator thread only. */
    private final Set<String> owned = new HashSet<>();

    BackupController(SimulatorRuntime runtime, StorageLocations locations) {
        this.runtime = runtime;
        this.locations = locations;
        this.capture = new ItemCapture(runtime.client);
    }

    void onChange(Backup backup) {
        String uid = backup.getMetadata().getUid();
        if (owned.contains(uid)) {
            return;
        }
        BackupPhase phase = phaseOf(backup);
        String name = backup.getMetadata().getName();
        if (phase == BackupPhase.NEW) {
            owned.add(uid);
            runtime.run("start backup " + name, () -> begin(name));
        } else if (phase == BackupPhase.IN_PROGRESS) {
            // Left InProgress by a Velero that is gone: a restarted Velero marks such backups Failed.
            owned.add(uid);
            runtime.run("fail orphaned backup " + name, () -> finishOrphan(name));
        }
    }

    void onDelete(Backup backup) {
        owned.remove(backup.getMetadata().getUid());
    }

    private void begin(String name) {
        Backup backup = runtime.backups().withName(name).get();
        if (backup == null || phaseOf(backup) != BackupPhase.NEW) {
            return;
        }
        String locationName = backup.getSpec() == null ? null : backup.getSpec().getStorageLocation();
        Optional<BackupStorageLocation> location = locations.find(locationName);
        List<String> problems = validate(location, locationName);
        if (!problems.isEmpty()) {
            runtime.run("reject backup " + name, () -> reject(name, problems));
            return;
        }
        Running run = new Running(name, runtime.faults.next(Operation.BACKUP).orElse(null), runtime.now(),
                capture.capture(backup.getSpec()), location.get());
        runtime.run("mark backup " + name + " InProgress", () -> markInProgress(run));
    }

    private List<String> validate(Optional<BackupStorageLocation> location, String requested) {
        if (location.isEmpty()) {
            return List.of("an existing backup storage location wasn't specified at backup creation time and the "
                    + "default '" + Velero.DEFAULT_STORAGE_LOCATION + "' wasn't found. Please address this issue "
                    + "(see `velero backup-location -h` for options) and create a new backup. Error: "
                    + "backupstoragelocations.velero.io \"" + (requested == null ? Velero.DEFAULT_STORAGE_LOCATION
                    : requested) + "\" not found");
        }
        if (StorageLocations.isReadOnly(location.get())) {
            return List.of("backup can't be created because backup storage location "
                    + location.get().getMetadata().getName() + " is currently in read-only mode");
        }
        return List.of();
    }

    private void reject(String name, List<String> problems) {
        runtime.backups().withName(name).edit(backup -> {
            BackupStatus status = statusOf(backup);
            status.setPhase(BackupPhase.FAILED_VALIDATION);
            status.setValidationErrors(problems);
            backup.setStatus(status);
            return backup;
        });
        runtime.counters.backupFinished(BackupPhase.FAILED_VALIDATION);
    }

    private void markInProgress(Running run) {
        String locationName = run.location.getMetadata().getName();
        Backup started = runtime.backups().withName(run.name).edit(backup -> {
            // Velero fills in the defaults it applied, so the stored spec says where and for how long.
            backup.getSpec().setStorageLocation(locationName);
            if (backup.getSpec().getTtl() == null || backup.getSpec().getTtl().isBlank()) {
                backup.getSpec().setTtl(Velero.DEFAULT_TTL);
            }
            Map<String, String> labels = new HashMap<>(backup.getMetadata().getLabels() == null
                    ? Map.of() : backup.getMetadata().getLabels());
            labels.put(VeleroLabels.STORAGE_LOCATION, locationName);
            backup.getMetadata().setLabels(labels);
            BackupStatus status = statusOf(backup);
            status.setPhase(BackupPhase.IN_PROGRESS);
            status.setFormatVersion("1.1.0");
            status.setStartTimestamp(Timestamps.format(run.start));
            status.setExpiration(Timestamps.format(run.start.plus(GoDuration.parse(backup.getSpec().getTtl()))));
            status.setProgress(progress(run.items.size(), 0));
            backup.setStatus(status);
            return backup;
        });
        runtime.counters.backupStarted();
        Duration duration = run.fault == null
                ? runtime.timings.backupDuration() : run.fault.stretch(runtime.timings.backupDuration());
        if (run.fault != null && run.fault.kind() == Fault.Kind.HANG) {
            runtime.faults.park(Operation.BACKUP, run.name, () -> runtime.later(runtime.timings.backupDuration(),
                    "finish backup " + run.name, () -> finish(run.released(), started)));
            return;
        }
        runtime.later(duration, "finish backup " + run.name, () -> finish(run, started));
    }

    private void finish(Running run, Backup started) {
        BackupStatus status = statusOf(started);
        Fault.Kind outcome = run.fault == null ? null : run.fault.kind();
        status.setCompletionTimestamp(runtime.timestamp());
        if (outcome == Fault.Kind.FAIL) {
            status.setPhase(BackupPhase.FAILED);
            status.setFailureReason(run.fault.message());
            status.setProgress(progress(run.items.size(), run.items.size() / 2));
        } else {
            status.setPhase(outcome == Fault.Kind.PARTIALLY_FAIL ? BackupPhase.PARTIALLY_FAILED : BackupPhase.COMPLETED);
            status.setProgress(progress(run.items.size(), run.items.size()));
            if (outcome == Fault.Kind.PARTIALLY_FAIL) {
                status.setErrors(run.fault.errors());
                // Velero keeps error texts in the backup log only; the simulator also puts them here for reports.
                status.setFailureReason(run.fault.message());
            }
        }
        started.setStatus(status);
        // Velero uploads every finished backup, failed ones without data, and peers sync them all.
        List<HasMetadata> data = status.getPhase() == BackupPhase.FAILED ? List.of() : run.items;
        runtime.storage.put(StorageLocations.bucketOf(run.location), StoredBackup.of(started, data, runtime.siteId));
        runtime.run("record backup " + run.name, () -> record(run.name, status));
    }

    private void record(String name, BackupStatus finalStatus) {
        runtime.backups().withName(name).edit(backup -> {
            backup.setStatus(finalStatus);
            return backup;
        });
        runtime.counters.backupFinished(finalStatus.getPhase());
    }

    private void finishOrphan(String name) {
        runtime.backups().withName(name).edit(backup -> {
            BackupStatus status = statusOf(backup);
            status.setPhase(BackupPhase.FAILED);
            status.setFailureReason(ORPHANED);
            status.setCompletionTimestamp(runtime.timestamp());
            backup.setStatus(status);
            return backup;
        });
        runtime.counters.backupFinished(BackupPhase.FAILED);
    }

    static BackupPhase phaseOf(Backup backup) {
        BackupPhase phase = backup.getStatus() == null ? null : backup.getStatus().getPhase();
        return phase == null ? BackupPhase.NEW : phase;
    }

    private static BackupStatus statusOf(Backup backup) {
        return backup.getStatus() == null ? new BackupStatus() : backup.getStatus();
    }

    private static BackupProgress progress(int total, int done) {
        BackupProgress progress = new BackupProgress();
        progress.setTotalItems(total);
        progress.setItemsBackedUp(done);
        return progress;
    }

    /** One backup between InProgress and its final phase. */
    private record Running(String name, Fault fault, Instant start, List<HasMetadata> items,
            BackupStorageLocation location) {

        /** A released hanging backup goes on as if nothing had been injected. */
        Running released() {
            return new Running(name, null, start, items, location);
        }
    }
}
