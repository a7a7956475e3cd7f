package io.pra.velero;

import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.List;
import java.util.Map;

/** Velero objects as a Velero server would hold them, for the serialisation tests. */
final class VeleroFixtures {

    private VeleroFixtures() {
    }

    static BackupSpec backupSpec() {
        BackupSpec spec = new BackupSpec();
        spec.setIncludedNamespaces(List.of("shop", "billing"));
        spec.setExcludedNamespaces(List.of("kube-system"));
        spec.setLabelSelector(new LabelSelectorBuilder().addToMatchLabels("app", "shop").build());
        spec.setTtl(Velero.DEFAULT_TTL);
        spec.setStorageLocation(Velero.DEFAULT_STORAGE_LOCATION);
        spec.setSnapshotVolumes(false);
        spec.setDefaultVolumesToFsBackup(true);
        return spec;
    }

    static Backup completedBackup() {
        Backup backup = new Backup();
        backup.setMetadata(new ObjectMetaBuilder()
                .withName("nightly-20250301100000")
                .withNamespace(Velero.DEFAULT_NAMESPACE)
                .addToLabels(VeleroLabels.SCHEDULE_NAME, "nightly")
                .build());
        backup.setSpec(backupSpec());
        BackupStatus status = new BackupStatus();
        status.setPhase(BackupPhase.COMPLETED);
        status.setStartTimestamp("2025-03-01T10:00:00Z");
        status.setCompletionTimestamp("2025-03-01T10:00:42Z");
        status.setExpiration("2025-03-31T10:00:00Z");
        BackupProgress progress = new BackupProgress();
        progress.setItemsBackedUp(12);
        progress.setTotalItems(12);
        status.setProgress(progress);
        status.setWarnings(1);
        backup.setStatus(status);
        return backup;
    }

    static Restore partiallyFailedRestore() {
        Restore restore = new Restore();
        restore.setMetadata(new ObjectMetaBuilder().withName("pra-42").withNamespace(Velero.DEFAULT_NAMESPACE).build());
        RestoreSpec spec = new RestoreSpec();
        spec.setBackupName("nightly-20250301100000");
        spec.setIncludedNamespaces(List.of("shop"));
        spec.setNamespaceMapping(Map.of("shop", "drill-shop"));
        spec.setLabelSelector(new LabelSelectorBuilder().addToMatchLabels("tier", "web").build());
        spec.setRestorePVs(true);
        spec.setExistingResourcePolicy(ExistingResourcePolicy.UPDATE);
        restore.setSpec(spec);
        RestoreStatus status = new RestoreStatus();
        status.setPhase(RestorePhase.PARTIALLY_FAILED);
        status.setStartTimestamp("2025-03-01T11:00:00Z");
        status.setCompletionTimestamp("2025-03-01T11:01:00Z");
        RestoreProgress progress = new RestoreProgress();
        progress.setItemsRestored(9);
        progress.setTotalItems(10);
        status.setProgress(progress);
        status.setErrors(1);
        status.setWarnings(3);
        status.setFailureReason("");
        restore.setStatus(status);
        return restore;
    }

    static Schedule schedule() {
        Schedule schedule = new Schedule();
        schedule.setMetadata(new ObjectMetaBuilder().withName("nightly").withNamespace(Velero.DEFAULT_NAMESPACE).build());
        ScheduleSpec spec = new ScheduleSpec();
        spec.setSchedule("*/5 * * * *");
        spec.setTemplate(backupSpec());
        spec.setUseOwnerReferencesInBackup(false);
        spec.setPaused(true);
        schedule.setSpec(spec);
        ScheduleStatus status = new ScheduleStatus();
        status.setPhase(SchedulePhase.ENABLED);
        status.setLastBackup("2025-03-01T10:00:00Z");
        schedule.setStatus(status);
        return schedule;
    }

    static BackupStorageLocation storageLocation() {
        BackupStorageLocation location = new BackupStorageLocation();
        location.setMetadata(new ObjectMetaBuilder().withName("default").withNamespace(Velero.DEFAULT_NAMESPACE).build());
        BackupStorageLocationSpec spec = new BackupStorageLocationSpec();
        spec.setProvider("aws");
        ObjectStorageLocation objectStorage = new ObjectStorageLocation();
        objectStorage.setBucket("pra-backups");
        objectStorage.setPrefix("site-a");
        spec.setObjectStorage(objectStorage);
        spec.setConfig(Map.of("region", "eu-west-3", "s3ForcePathStyle", "true"));
        spec.setAccessMode(BackupStorageLocationAccessMode.READ_ONLY);
        spec.setBackupSyncPeriod("1m0s");
        spec.setDefaultLocation(true);
        location.setSpec(spec);
        BackupStorageLocationStatus status = new BackupStorageLocationStatus();
        status.setPhase(BackupStorageLocationPhase.AVAILABLE);
        status.setLastSyncedTime("2025-03-01T10:00:00Z");
        status.setLastValidationTime("2025-03-01T10:00:05Z");
        location.setStatus(status);
        return location;
    }
}
