package io.pra.backup.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.pra.backup.domain.BackupObservation;

/** One Velero Backup of a protection group in the catalog, as last seen on its source site. */
@Entity
@Table(name = "backup_record")
public class BackupRecord {

    @Id
    public String name;

    @Column(nullable = false)
    public String site;

    @Column(name = "protection_group", nullable = false)
    public String protectionGroup;

    @Column(nullable = false)
    public String phase;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "storage_location")
    public String storageLocation;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> namespaces = new ArrayList<>();

    @Column(name = "items_backed_up")
    public Integer itemsBackedUp;

    @Column(name = "total_items")
    public Integer totalItems;

    public int warnings;

    public int errors;

    @Column(name = "failure_reason")
    public String failureReason;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "validation_errors", nullable = false)
    public List<String> validationErrors = new ArrayList<>();

    @Column(name = "first_seen_at", nullable = false)
    public Instant firstSeenAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "outcome_published_at")
    public Instant outcomePublishedAt;

    @Column(name = "offsite_verified_at")
    public Instant offsiteVerifiedAt;

    /** Copies what Velero reports; returns whether the phase changed. */
    public boolean update(BackupObservation observation, Instant now) {
        boolean phaseChanged = !observation.phase().equals(phase);
        phase = observation.phase();
        startedAt = observation.startedAt();
        completedAt = observation.completedAt();
        expiresAt = observation.expiresAt();
        storageLocation = observation.storageLocation();
        namespaces = new ArrayList<>(observation.namespaces());
        itemsBackedUp = observation.itemsBackedUp();
        totalItems = observation.totalItems();
        warnings = observation.warnings();
        errors = observation.errors();
        failureReason = observation.failureReason();
        validationErrors = new ArrayList<>(observation.validationErrors());
        updatedAt = now;
        return phaseChanged;
    }

    /** The catalog row as an observation of the source site. */
    public BackupObservation toObservation() {
        return new BackupObservation(name, site, phase, startedAt, completedAt, expiresAt, storageLocation,
                namespaces, itemsBackedUp, totalItems, warnings, errors, failureReason, validationErrors);
    }
}
