package io.pra.failover.persistence;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.pra.events.failover.DrillVerdict;

/** A drill of a site: what it restored, into which namespaces, and how it scored. */
@Entity
@Table(name = "drill_run")
public class DrillEntity {

    @Id
    @Column(name = "drill_id")
    public UUID drillId;

    @Column(name = "site_id")
    public String siteId;

    @Column(name = "target_site")
    public String targetSite;

    public long epoch;

    @Column(name = "requested_by")
    public String requestedBy;

    public boolean scheduled;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "backup_name")
    public String backupName;

    @Column(name = "backup_location")
    public String backupLocation;

    @Column(name = "backup_started_at")
    public Instant backupStartedAt;

    @Column(name = "backup_completed_at")
    public Instant backupCompletedAt;

    /** JSON object: source namespace → drill namespace. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "namespace_mapping")
    public String namespaceMapping;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Enumerated(EnumType.STRING)
    public DrillVerdict verdict;

    public Integer score;

    @Column(name = "failure_reason")
    public String failureReason;

    @Column(name = "cleaned_up")
    public Boolean cleanedUp;
}
