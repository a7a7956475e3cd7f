package io.pra.testkit.site.velero;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.pra.velero.Backup;
import io.pra.velero.BackupStorageLocation;
import io.pra.velero.VeleroLabels;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Velero's backup sync controller: every backup found in the object storage of one of this site's locations
 * but missing as a Backup object here is created, labelled with the location, with the status it finished with.
 */
final class BackupSync {

    private final SimulatorRuntime runtime;
    private final StorageLocations locations;

    BackupSync(SimulatorRuntime runtime, StorageLocations locations) {
        this.runtime = runtime;
        this.locations = locations;
    }

    void sync() {
        for (BackupStorageLocation location : locations.all()) {
            if (StorageLocations.syncDisabled(location)) {
                continue;
            }
            Set<String> present = runtime.backups().list().getItems().stream()
                    .map(b -> b.getMetadata().getName()).collect(Collectors.toSet());
            for (StoredBackup stored : runtime.storage.list(StorageLocations.bucketOf(location))) {
                if (!present.contains(stored.name())) {
                    create(stored, location.getMetadata().getName());
                }
            }
            locations.markSynced(location);
        }
    }

    private void create(StoredBackup stored, String locationName) {
        Backup original = stored.backup();
        Map<String, String> labels = new HashMap<>(original.getMetadata().getLabels() == null
                ? Map.of() : original.getMetadata().getLabels());
        labels.put(VeleroLabels.STORAGE_LOCATION, locationName);
        Backup synced = new Backup();
        synced.setMetadata(new ObjectMetaBuilder()
                .withName(original.getMetadata().getName())
                .withNamespace(runtime.namespace)
                .withLabels(labels)
                .withAnnotations(original.getMetadata().getAnnotations())
                .build());
        synced.setSpec(original.getSpec());
        // The backup belongs to this site's location now, whatever the location was called where it was taken.
        synced.getSpec().setStorageLocation(locationName);
        synced.setStatus(original.getStatus());
        try {
            runtime.backups().resource(synced).create();
            runtime.counters.backupSynced();
        } catch (KubernetesClientException e) {
            if (e.getCode() != 409) {
                throw e;
            }
        }
    }
}
