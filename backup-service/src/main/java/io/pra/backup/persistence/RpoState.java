package io.pra.backup.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.pra.backup.domain.RpoLevel;

/** The RPO level last announced for a group. */
@Entity
@Table(name = "rpo_state")
public class RpoState {

    @Id
    @Column(name = "protection_group")
    public String protectionGroup;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RpoLevel level;

    @Column(name = "tracked_since", nullable = false)
    public Instant trackedSince;

    @Column(name = "degraded_since")
    public Instant degradedSince;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
