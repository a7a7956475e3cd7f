package io.pra.backup.domain;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One protection group: what is backed up, on which site, how often, and how fresh its off-site copy must stay.
 *
 * @param name            group name, unique
 * @param sourceSite      site the backups are taken on
 * @param peerSites       sites that must see the backup for it to count as off-site
 * @param namespaces      namespaces included (empty: every namespace the selector matches)
 * @param labelSelector   labels the included objects must carry (empty: no label filter)
 * @param schedule        Velero schedule expression
 * @param ttl             retention of each backup
 * @param storageLocation Velero BackupStorageLocation name
 * @param rpoObjective    maximum acceptable RPO exposure
 */
public record ProtectionGroup(String name, String sourceSite, List<String> peerSites, List<String> namespaces,
        Map<String, String> labelSelector, String schedule, Duration ttl, String storageLocation,
        Duration rpoObjective) {

    /** Prefix of the Velero Schedule and on-demand Backup names PRA creates. */
    public static final String NAME_PREFIX = "pra-";

    public ProtectionGroup {
        Objects.requireNonNull(name, "name");
        peerSites = List.copyOf(peerSites);
        namespaces = List.copyOf(namespaces);
        labelSelector = Map.copyOf(labelSelector);
    }

    /** Name of the Velero Schedule PRA owns for this group. */
    public String scheduleName() {
        return NAME_PREFIX + name;
    }
}
