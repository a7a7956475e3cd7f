package io.pra.backup.k8s;

import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.pra.backup.domain.ProtectionGroup;
import io.pra.velero.Backup;
import io.pra.velero.BackupSpec;
import io.pra.velero.GoDuration;
import io.pra.velero.Schedule;
import io.pra.velero.ScheduleSpec;

/** The Velero objects PRA wants for a group, built from its configuration. */
public final class VeleroObjects {

    private VeleroObjects() {
    }

    /** What each backup of the group includes, where it goes and how long it is kept. */
    public static BackupSpec backupSpec(ProtectionGroup group) {
        BackupSpec spec = new BackupSpec();
        if (!group.namespaces().isEmpty()) {
            spec.setIncludedNamespaces(group.namespaces());
        }
        if (!group.labelSelector().isEmpty()) {
            spec.setLabelSelector(new LabelSelectorBuilder().withMatchLabels(group.labelSelector()).build());
        }
        spec.setTtl(GoDuration.format(group.ttl()));
        spec.setStorageLocation(group.storageLocation());
        return spec;
    }

    /** The group's Schedule, named {@code pra-<group>}. */
    public static Schedule schedule(ProtectionGroup group, String namespace) {
        Schedule schedule = new Schedule();
        schedule.setMetadata(new ObjectMetaBuilder().withName(group.scheduleName()).withNamespace(namespace)
                .withLabels(PraLabels.owned(group)).build());
        ScheduleSpec spec = new ScheduleSpec();
        spec.setSchedule(group.schedule());
        spec.setTemplate(backupSpec(group));
        schedule.setSpec(spec);
        return schedule;
    }

    /** An on-demand Backup of the group with the given name. */
    public static Backup backup(ProtectionGroup group, String name, String namespace) {
        Backup backup = new Backup();
        backup.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace)
                .withLabels(PraLabels.owned(group)).build());
        backup.setSpec(backupSpec(group));
        return backup;
    }
}
