package io.pra.failover.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.pra.failover.domain.BackupCandidate;

/** A backup of a protected site as seen on one site (the source, or a peer it synced to). */
@Entity
@Table(name = "backup_seen")
public class BackupSeenEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "site_id")
    public String siteId;

    @Column(name = "backup_name")
    public String backupName;

    @Column(name = "seen_on")
    public String seenOn;

    @Column(name = "protection_group")
    public String protectionGroup;

    @Column(name = "velero_phase")
    public String veleroPhase;

    @Column(name = "storage_location")
    public String storageLocation;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    /** This copy as a restore candidate for a failover to {@code targetSite}. */
    public BackupCandidate toCandidate(String targetSite) {
        return new BackupCandidate(backupName, storageLocation, startedAt, completedAt, expiresAt,
                seenOn.equals(targetSite) && isRestorablePhase());
    }

    private boolean isRestorablePhase() {
        return "Completed".equals(veleroPhase) || "PartiallyFailed".equals(veleroPhase);
    }
}
