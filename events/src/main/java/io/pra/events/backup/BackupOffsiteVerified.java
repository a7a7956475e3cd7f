package io.pra.events.backup;

import io.pra.events.PraEvent;
import java.time.Instant;
import java.util.List;

/**
 * A completed backup is visible on the peer site (synced from the shared object storage), so a
 * failover to that site can restore it.
 *
 * @param backupName      Velero {@code Backup} name, the same on both sites
 * @param site            site the backup was taken on
 * @param protectionGroup protection group the backup covers
 * @param peerSite        site where the backup was found
 * @param verifiedAt      when backup-service saw it on the peer site
 * @param veleroPhase     Velero phase as the peer site reports it
 * @param startedAt       Velero start timestamp; RPO is measured from it
 * @param completedAt     Velero completion timestamp
 * @param expiresAt       Velero expiration as the peer site reports it; null when no TTL applies
 * @param storageLocation {@code BackupStorageLocation} name on the peer site
 * @param namespaces      namespaces included in the backup
 * @param itemsBackedUp   Velero progress: items written
 * @param totalItems      Velero progress: items to write
 * @param warnings        Velero warning count
 * @param errors          Velero error count
 */
public record BackupOffsiteVerified(
        String backupName,
        String site,
        String protectionGroup,
        String peerSite,
        Instant verifiedAt,
        String veleroPhase,
        Instant startedAt,
        Instant completedAt,
        Instant expiresAt,
        String storageLocation,
        List<String> namespaces,
        int itemsBackedUp,
        int totalItems,
        int warnings,
        int errors) implements PraEvent {
}
