package io.pra.backup.k8s;

import java.util.Map;
import java.util.Optional;

import io.pra.backup.config.ProtectionGroups;
import io.pra.backup.domain.ProtectionGroup;
import io.pra.velero.Backup;
import io.pra.velero.VeleroLabels;

/** Labels PRA puts on the Velero objects it owns, and how a Backup is traced back to its group. */
public final class PraLabels {

    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    public static final String MANAGED_BY_VALUE = "pra-backup-service";
    public static final String PROTECTION_GROUP = "pra.io/protection-group";

    private PraLabels() {
    }

    /** Labels of an object PRA owns for a group. */
    public static Map<String, String> owned(ProtectionGroup group) {
        return Map.of(MANAGED_BY, MANAGED_BY_VALUE, PROTECTION_GROUP, group.name());
    }

    /**
     * The group a Backup belongs to: the group label of an on-demand backup, or the group whose Schedule created
     * it. Backups of foreign schedules belong to none.
     */
    public static Optional<ProtectionGroup> groupOf(Backup backup, ProtectionGroups groups) {
        Map<String, String> labels = backup.getMetadata().getLabels();
        if (labels == null) {
            return Optional.empty();
        }
        if (MANAGED_BY_VALUE.equals(labels.get(MANAGED_BY)) && labels.containsKey(PROTECTION_GROUP)) {
            return groups.find(labels.get(PROTECTION_GROUP));
        }
        return Optional.ofNullable(labels.get(VeleroLabels.SCHEDULE_NAME)).flatMap(groups::findBySchedule);
    }
}
