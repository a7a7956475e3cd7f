package io.pra.backup.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.pra.backup.config.ProtectionGroups;
import io.pra.backup.domain.BackupObservation;
import io.pra.backup.domain.BackupOutcomes;
import io.pra.backup.domain.ProtectionGroup;
import io.pra.backup.persistence.BackupRecord;
import io.pra.backup.persistence.BackupRecordRepository;
import io.pra.backup.persistence.BackupVerification;
import io.pra.backup.persistence.BackupVerificationRepository;
import io.pra.events.PraEvent;
import io.pra.kit.outbox.Outbox;

/**
 * Records what the informers see: every phase change of a group's backups on their source site, and their
 * appearance on peer sites. The completed/failed and offsite-verified events are written to the outbox in the
 * same transaction as the catalog change, once per backup (and per peer): replays after a restart change nothing.
 */
@ApplicationScoped
public class BackupCatalog {

    private static final Logger LOG = Logger.getLogger(BackupCatalog.class);

    private final BackupRecordRepository records;
    private final BackupVerificationRepository verifications;
    private final Outbox outbox;
    private final ProtectionGroups groups;
    private final Clock clock;

    BackupCatalog(BackupRecordRepository records, BackupVerificationRepository verifications, Outbox outbox,
            ProtectionGroups groups, Clock clock) {
        this.groups = groups;
        this.records = records;
        this.verifications = verifications;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Records a backup seen on its group's source site; returns the outcome event it published, if any. */
    @Transactional
    public Optional<PraEvent> recordSource(BackupObservation backup, ProtectionGroup group) {
        Instant now = clock.instant();
        BackupRecord record = records.lockOrCreate(backup.name(), backup.site(), group.name(), now);
        if (record.outcomePublishedAt != null) {
            return Optional.empty();
        }
        String before = record.phase;
        if (record.update(backup, now)) {
            LOG.infof("backup %s (group %s, site %s): %s -> %s", backup.name(), group.name(), backup.site(), before,
                    backup.phase());
        }
        if (!backup.isFinished()) {
            return Optional.empty();
        }
        PraEvent event = BackupOutcomes.finished(backup, group.name());
        outbox.write(event);
        record.outcomePublishedAt = now;
        return Optional.of(event);
    }

    /**
     * Records a backup seen on a peer site: the first time a restorable backup of a group whose peers include that
     * site shows there, it is verified off-site. Returns the group's name when that happened.
     */
    @Transactional
    public Optional<String> recordPeer(BackupObservation onPeer) {
        Optional<BackupRecord> found = records.lock(onPeer.name());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        BackupRecord record = found.get();
        Optional<ProtectionGroup> group = groups.find(record.protectionGroup);
        if (group.isEmpty() || !group.get().peerSites().contains(onPeer.site()) || record.outcomePublishedAt == null
                || !record.toObservation().isRestorable() || !onPeer.isRestorable()
                || verifications.exists(record.name, onPeer.site())) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        BackupVerification verification = new BackupVerification();
        verification.backupName = record.name;
        verification.peerSite = onPeer.site();
        verification.verifiedAt = now;
        verifications.persist(verification);
        if (record.offsiteVerifiedAt == null) {
            record.offsiteVerifiedAt = now;
        }
        outbox.write(BackupOutcomes.verified(record.toObservation(), onPeer, record.protectionGroup, now));
        LOG.infof("backup %s (group %s) verified off-site on site %s", record.name, record.protectionGroup,
                onPeer.site());
        return Optional.of(record.protectionGroup);
    }
}
