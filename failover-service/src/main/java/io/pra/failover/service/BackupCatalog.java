package io.pra.failover.service;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.pra.events.PraEvent;
import io.pra.events.backup.BackupCompleted;
import io.pra.events.backup.BackupFailed;
import io.pra.events.backup.BackupOffsiteVerified;
import io.pra.failover.persistence.BackupSeenEntity;
import io.pra.failover.persistence.BackupSeenRepository;
import io.pra.kit.processed.ProcessedEvents;

/**
 * This service's own view of the backups, from {@code pra.backup.*}: a completed backup on its
 * site, and its copies on peer sites once backup-service verified them. A decision restores the
 * newest copy visible on the target site.
 */
@ApplicationScoped
public class BackupCatalog {

    static final String CONSUMER = "backups";

    private static final Logger LOG = Logger.getLogger(BackupCatalog.class);

    private final Clock clock;
    private final ProcessedEvents processed;
    private final BackupSeenRepository backups;

    BackupCatalog(Clock clock, ProcessedEvents processed, BackupSeenRepository backups) {
        this.clock = clock;
        this.processed = processed;
        this.backups = backups;
    }

    /** Applies one backup event once. */
    @Transactional
    public void onBackupEvent(UUID eventId, PraEvent event) {
        if (!processed.markProcessed(eventId, CONSUMER)) {
            return;
        }
        if (event instanceof BackupCompleted completed) {
            BackupSeenEntity row = backups.findOrNew(completed.site(), completed.backupName(), completed.site());
            fill(row, completed.protectionGroup(), completed.veleroPhase(), completed.storageLocation());
            row.startedAt = completed.startedAt();
            row.completedAt = completed.completedAt();
            row.expiresAt = completed.expiresAt();
            backups.persist(row);
        } else if (event instanceof BackupOffsiteVerified verified) {
            BackupSeenEntity row = backups.findOrNew(verified.site(), verified.backupName(), verified.peerSite());
            fill(row, verified.protectionGroup(), verified.veleroPhase(), verified.storageLocation());
            row.startedAt = verified.startedAt();
            row.completedAt = verified.completedAt();
            row.expiresAt = verified.expiresAt();
            backups.persist(row);
            LOG.debugf("backup visible on peer: site=%s backup=%s peer=%s", verified.site(), verified.backupName(),
                    verified.peerSite());
        } else if (event instanceof BackupFailed failed) {
            // A failed backup is never restored; nothing to keep.
            LOG.debugf("backup failed, not a restore candidate: site=%s backup=%s", failed.site(), failed.backupName());
        }
    }

    private void fill(BackupSeenEntity row, String group, String phase, String location) {
        row.protectionGroup = group;
        row.veleroPhase = phase;
        row.storageLocation = location;
        row.recordedAt = clock.instant();
    }
}
