package io.pra.failover.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.pra.failover.domain.SiteMode;

/** A protected site: its current epoch and mode. Decisions lock its row. */
@Entity
@Table(name = "site")
public class SiteEntity {

    @Id
    @Column(name = "site_id")
    public String siteId;

    public long epoch;

    @Enumerated(EnumType.STRING)
    public SiteMode mode;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** Since when enough observers vote down in too few failure domains; null when not. */
    @Column(name = "quorum_incomplete_since")
    public Instant quorumIncompleteSince;
}
