package io.pra.failover.persistence;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.pra.failover.domain.BackupCandidate;
import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** Backups known from {@code pra.backup.*} events. */
@ApplicationScoped
public class BackupSeenRepository implements PanacheRepository<BackupSeenEntity> {

    /** The row for this backup as seen on {@code seenOn}, new (not yet persisted) when unknown. */
    public BackupSeenEntity findOrNew(String siteId, String backupName, String seenOn) {
        BackupSeenEntity row = find("siteId = ?1 and backupName = ?2 and seenOn = ?3", siteId, backupName, seenOn)
                .firstResult();
        if (row == null) {
            row = new BackupSeenEntity();
            row.siteId = siteId;
            row.backupName = backupName;
            row.seenOn = seenOn;
        }
        return row;
    }

    /** Every backup of {@code siteId} seen on {@code targetSite}, as restore candidates. */
    public List<BackupCandidate> candidatesOn(String siteId, String targetSite) {
        return list("siteId = ?1 and seenOn = ?2", siteId, targetSite).stream()
                .map(row -> row.toCandidate(targetSite))
                .toList();
    }
}
