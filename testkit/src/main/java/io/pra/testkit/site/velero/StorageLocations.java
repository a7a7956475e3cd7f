package io.pra.testkit.site.velero;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.pra.velero.BackupStorageLocation;
import io.pra.velero.BackupStorageLocationAccessMode;
import io.pra.velero.BackupStorageLocationPhase;
import io.pra.velero.BackupStorageLocationSpec;
import io.pra.velero.BackupStorageLocationStatus;
import io.pra.velero.GoDuration;
import io.pra.velero.ObjectStorageLocation;
import io.pra.velero.Velero;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Velero's BackupStorageLocation handling: a default location when none exists, validation, and name lookup. The
 * location's CRD has no status subresource (its {@code subresources} is empty), so status is written with the object,
 * as Velero's controller patches it.
 */
final class StorageLocations {

    private final SimulatorRuntime runtime;
    private final String defaultBucket;

    StorageLocations(SimulatorRuntime runtime, String defaultBucket) {
        this.runtime = runtime;
        this.defaultBucket = defaultBucket;
    }

    /** Creates the {@code default} location if there is none, and reports every location Available. */
    void reconcile() {
        List<BackupStorageLocation> locations = runtime.locations().list().getItems();
        if (locations.isEmpty()) {
            createDefault();
            locations = runtime.locations().list().getItems();
        }
        for (BackupStorageLocation location : locations) {
            BackupStorageLocationStatus status = location.getStatus();
            if (status == null || status.getPhase() != BackupStorageLocationPhase.AVAILABLE) {
                runtime.locations().withName(location.getMetadata().getName()).edit(current -> {
                    BackupStorageLocationStatus available = new BackupStorageLocationStatus();
                    available.setPhase(BackupStorageLocationPhase.AVAILABLE);
                    available.setLastValidationTime(runtime.timestamp());
                    if (current.getStatus() != null) {
                        available.setLastSyncedTime(current.getStatus().getLastSyncedTime());
                    }
                    current.setStatus(available);
                    return current;
                });
            }
        }
    }

    List<BackupStorageLocation> all() {
        return runtime.locations().list().getItems();
    }

    /** The named location, or the default one (spec.default, else the one named {@code default}) for a blank name. */
    Optional<BackupStorageLocation> find(String name) {
        if (name != null && !name.isBlank()) {
            return Optional.ofNullable(runtime.locations().withName(name).get());
        }
        List<BackupStorageLocation> locations = all();
        return locations.stream().filter(l -> l.getSpec() != null && l.getSpec().isDefaultLocation()).findFirst()
                .or(() -> locations.stream()
                        .filter(l -> Velero.DEFAULT_STORAGE_LOCATION.equals(l.getMetadata().getName())).findFirst());
    }

    /** Where the location's backups live in the shared object storage. */
    static String bucketOf(BackupStorageLocation location) {
        ObjectStorageLocation objectStorage = location.getSpec() == null ? null : location.getSpec().getObjectStorage();
        if (objectStorage == null || objectStorage.getBucket() == null) {
            return "";
        }
        String prefix = objectStorage.getPrefix();
        return prefix == null || prefix.isBlank() ? objectStorage.getBucket() : objectStorage.getBucket() + "/" + prefix;
    }

    static boolean isReadOnly(BackupStorageLocation location) {
        return location.getSpec() != null
                && location.getSpec().getAccessMode() == BackupStorageLocationAccessMode.READ_ONLY;
    }

    /** A backupSyncPeriod of 0 turns sync off for the location, as in Velero. */
    static boolean syncDisabled(BackupStorageLocation location) {
        String period = location.getSpec() == null ? null : location.getSpec().getBackupSyncPeriod();
        return period != null && GoDuration.parse(period).equals(Duration.ZERO);
    }

    void markSynced(BackupStorageLocation location) {
        runtime.locations().withName(location.getMetadata().getName()).edit(current -> {
            BackupStorageLocationStatus status = current.getStatus() == null
                    ? new BackupStorageLocationStatus() : current.getStatus();
            status.setLastSyncedTime(runtime.timestamp());
            current.setStatus(status);
            return current;
        });
    }

    private void createDefault() {
        BackupStorageLocation location = new BackupStorageLocation();
        location.setMetadata(new ObjectMetaBuilder().withName(Velero.DEFAULT_STORAGE_LOCATION)
                .withNamespace(runtime.namespace).build());
        BackupStorageLocationSpec spec = new BackupStorageLocationSpec();
        spec.setProvider("aws");
        ObjectStorageLocation objectStorage = new ObjectStorageLocation();
        objectStorage.setBucket(defaultBucket);
        spec.setObjectStorage(objectStorage);
        spec.setAccessMode(BackupStorageLocationAccessMode.READ_WRITE);
        spec.setDefaultLocation(true);
        location.setSpec(spec);
        try {
            runtime.locations().resource(location).create();
        } catch (KubernetesClientException e) {
            if (e.getCode() != 409) {
                throw e;
            }
        }
    }
}
