package io.pra.testkit.site.velero;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.pra.velero.Backup;
import io.pra.velero.BackupStorageLocation;
import io.pra.velero.Restore;
import io.pra.velero.RestorePhase;
import io.pra.velero.RestoreProgress;
import io.pra.velero.RestoreSpec;
import io.pra.velero.RestoreStatus;
import io.pra.velero.Timestamps;
import io.pra.velero.VeleroLabels;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Velero's restore controller: takes each new Restore through InProgress to Completed, PartiallyFailed or Failed,
 * recreating the backup's objects (from object storage) in their mapped namespaces; restored workloads then
 * report ready after the ready delay.
 */
final class RestoreController {

    static final String ORPHANED = "found a restore with status \"InProgress\" during the server starting, "
            + "mark it as \"Failed\"";

    private final SimulatorRuntime runtime;
    private final StorageLocations locations;
    private final ItemRestorer restorer;
    /** Restores (by uid) this simulator has taken charge of; touched on the simulator thread only. */
    private final Set<String> owned = new HashSet<>();

    RestoreController(SimulatorRuntime runtime, StorageLocations locations) {
        this.runtime = runtime;
        this.locations = locations;
        this.restorer = new ItemRestorer(runtime.client);
    }

    void onChange(Restore restore) {
        String uid = restore.getMetadata().getUid();
        if (owned.contains(uid)) {
            return;
        }
        RestorePhase phase = phaseOf(restore);
        String name = restore.getMetadata().getName();
        if (phase == RestorePhase.NEW) {
            owned.add(uid);
            runtime.run("start restore " + name, () -> begin(name));
        } else if (phase == RestorePhase.IN_PROGRESS) {
            owned.add(uid);
            runtime.run("fail orphaned restore " + name, () -> record(name, failed(new RestoreStatus(), ORPHANED)));
        }
    }

    void onDelete(Restore restore) {
        owned.remove(restore.getMetadata().getUid());
    }

    private void begin(String name) {
        Restore restore = runtime.restores().withName(name).get();
        if (restore == null || phaseOf(restore) != RestorePhase.NEW) {
            return;
        }
        RestoreSpec spec = restore.getSpec() == null ? new RestoreSpec() : restore.getSpec();
        Optional<String> backupName = backupName(spec);
        if (backupName.isEmpty()) {
            reject(name, spec.getScheduleName() == null || spec.getScheduleName().isBlank()
                    ? "Either a backup or schedule must be specified as a source for the restore, but not both"
                    : "No backups found for schedule " + spec.getScheduleName());
            return;
        }
        Backup backup = runtime.backups().withName(backupName.get()).get();
        if (backup == null) {
            reject(name, "Error retrieving backup: backups.velero.io \"" + backupName.get() + "\" not found");
            return;
        }
        if (!BackupController.phaseOf(backup).isRestorable()) {
            reject(name, "backup " + backupName.get() + " is in phase " + BackupController.phaseOf(backup)
                    + "; only Completed or PartiallyFailed backups can be restored");
            return;
        }
        Optional<BackupStorageLocation> location = locations.find(backup.getSpec().getStorageLocation());
        Optional<StoredBackup> stored = location.flatMap(l ->
                runtime.storage.get(StorageLocations.bucketOf(l), backupName.get()));
        if (stored.isEmpty()) {
            runtime.run("fail restore " + name, () -> record(name, failed(new RestoreStatus(),
                    "error downloading backup " + backupName.get() + ": not found in the object storage of location "
                            + location.map(l -> l.getMetadata().getName()).orElse("(none)"))));
            return;
        }
        Running run = new Running(name, backupName.get(), spec, runtime.faults.next(Operation.RESTORE).orElse(null),
                runtime.now(), RestoredItems.select(stored.get().items(), spec));
        runtime.run("mark restore " + name + " InProgress", () -> markInProgress(run));
    }

    /** The backup named, or for a schedule the newest restorable backup it made. */
    private Optional<String> backupName(RestoreSpec spec) {
        if (spec.getBackupName() != null && !spec.getBackupName().isBlank()) {
            return Optional.of(spec.getBackupName());
        }
        if (spec.getScheduleName() == null || spec.getScheduleName().isBlank()) {
            return Optional.empty();
        }
        return runtime.backups().list().getItems().stream()
                .filter(b -> b.getMetadata().getLabels() != null
                        && spec.getScheduleName().equals(b.getMetadata().getLabels().get(VeleroLabels.SCHEDULE_NAME)))
                .filter(b -> BackupController.phaseOf(b).isRestorable())
                .max(Comparator.comparing(b -> Timestamps.parse(b.getStatus().getStartTimestamp())))
                .map(b -> b.getMetadata().getName());
    }

    private void reject(String name, String problem) {
        RestoreStatus status = new RestoreStatus();
        status.setPhase(RestorePhase.FAILED_VALIDATION);
        status.setValidationErrors(List.of(problem));
        // Velero leaves failureReason empty here; the simulator repeats the problem so reports have one place to look.
        status.setFailureReason(problem);
        runtime.run("reject restore " + name, () -> record(name, status));
    }

    private void markInProgress(Running run) {
        runtime.restores().withName(run.name).edit(restore -> {
            restore.getSpec().setBackupName(run.backupName);
            RestoreStatus status = new RestoreStatus();
            status.setPhase(RestorePhase.IN_PROGRESS);
            status.setStartTimestamp(Timestamps.format(run.start));
            status.setProgress(progress(run.items.size(), 0));
            restore.setStatus(status);
            return restore;
        });
        runtime.counters.restoreStarted(run.backupName);
        if (run.fault != null && run.fault.kind() == Fault.Kind.HANG) {
            runtime.faults.park(Operation.RESTORE, run.name, () -> runtime.later(runtime.timings.restoreDuration(),
                    "finish restore " + run.name, () -> apply(run.released())));
            return;
        }
        Duration duration = run.fault == null
                ? runtime.timings.restoreDuration() : run.fault.stretch(runtime.timings.restoreDuration());
        runtime.later(duration, "finish restore " + run.name, () -> apply(run));
    }

    /** Creates what is not created yet, so a retry after an outage picks up where it stopped. */
    private void apply(Running run) {
        RestoreStatus status = new RestoreStatus();
        status.setStartTimestamp(Timestamps.format(run.start));
        if (run.fault != null && run.fault.kind() == Fault.Kind.FAIL) {
            status.setProgress(progress(run.items.size(), 0));
            runtime.run("record restore " + run.name, () -> record(run.name, failed(status, run.fault.message())));
            return;
        }
        for (HasMetadata item : run.items) {
            String key = item.getKind() + "/" + RestoredItems.sourceNamespace(item) + "/" + item.getMetadata().getName();
            if (!run.done.add(key)) {
                continue;
            }
            try {
                restoreItem(run, item);
            } catch (KubernetesClientException e) {
                run.done.remove(key);
                throw e;
            }
        }
        status.setPhase(run.fault != null && run.fault.kind() == Fault.Kind.PARTIALLY_FAIL
                ? RestorePhase.PARTIALLY_FAILED : RestorePhase.COMPLETED);
        if (status.getPhase() == RestorePhase.PARTIALLY_FAILED) {
            status.setErrors(run.fault.errors());
            status.setFailureReason(run.fault.message());
        }
        status.setWarnings(run.warnings);
        status.setProgress(progress(run.items.size(), run.done.size()));
        status.setCompletionTimestamp(runtime.timestamp());
        runtime.run("record restore " + run.name, () -> record(run.name, status));
        List<HasMetadata> workloads = List.copyOf(run.workloads);
        runtime.later(runtime.timings.workloadReadyDelay(), "report restored workloads of " + run.name + " ready",
                () -> workloads.forEach(restorer::markReady));
    }

    private void restoreItem(Running run, HasMetadata backedUp) {
        HasMetadata item = RestoredItems.prepare(backedUp, run.spec, run.backupName, run.name);
        String namespace = item.getMetadata().getNamespace();
        if (namespace != null && !run.namespaces.contains(namespace)) {
            restorer.ensureNamespace(namespace, run.name, run.backupName);
            run.namespaces.add(namespace);
        }
        ItemRestorer.Outcome outcome = restorer.restore(item, run.spec.getExistingResourcePolicy());
        if (outcome == ItemRestorer.Outcome.EXISTED && !(item instanceof Namespace)) {
            // Velero leaves the live object alone and reports a warning.
            run.warnings++;
        } else if (item instanceof Deployment || item instanceof StatefulSet) {
            run.workloads.add(item);
        }
    }

    private void record(String name, RestoreStatus finalStatus) {
        runtime.restores().withName(name).edit(restore -> {
            if (finalStatus.getStartTimestamp() == null && restore.getStatus() != null) {
                finalStatus.setStartTimestamp(restore.getStatus().getStartTimestamp());
            }
            restore.setStatus(finalStatus);
            return restore;
        });
        runtime.counters.restoreFinished(finalStatus.getPhase());
    }

    private RestoreStatus failed(RestoreStatus status, String reason) {
        status.setPhase(RestorePhase.FAILED);
        status.setFailureReason(reason);
        status.setCompletionTimestamp(runtime.timestamp());
        return status;
    }

    static RestorePhase phaseOf(Restore restore) {
        RestorePhase phase = restore.getStatus() == null ? null : restore.getStatus().getPhase();
        return phase == null ? RestorePhase.NEW : phase;
    }

    private static RestoreProgress progress(int total, int restored) {
        RestoreProgress progress = new RestoreProgress();
        progress.setTotalItems(total);
        progress.setItemsRestored(restored);
        return progress;
    }

    /** One restore between InProgress and its final phase; {@code done} makes its item loop resumable. */
    private static final class Running {
        final String name;
        final String backupName;
        final RestoreSpec spec;
        final Fault fault;
        final Instant start;
        final List<HasMetadata> items;
        final Set<String> done = new HashSet<>();
        final Set<String> namespaces = new HashSet<>();
        final List<HasMetadata> workloads = new ArrayList<>();
        int warnings;

        Running(String name, String backupName, RestoreSpec spec, Fault fault, Instant start, List<HasMetadata> items) {
            this.name = name;
            this.backupName = backupName;
            this.spec = spec;
            this.fault = fault;
            this.start = start;
            this.items = items;
        }

        /** A released hanging restore goes on as if nothing had been injected. */
        Running released() {
            return new Running(name, backupName, spec, null, start, items);
        }
    }
}
