package io.pra.failover.persistence;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.pra.events.failover.FailoverPhase;
import io.pra.events.failover.StepStatus;

/** One phase a run began: times, how it ended, what it did, and which executor instance ran it. */
@Entity
@Table(name = "failover_phase")
@IdClass(PhaseEntity.Key.class)
public class PhaseEntity {

    @Id
    @Column(name = "failover_id")
    public UUID failoverId;

    @Id
    @Enumerated(EnumType.STRING)
    public FailoverPhase phase;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Enumerated(EnumType.STRING)
    public StepStatus status;

    public String detail;

    /** JSON array of error strings. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String errors;

    public String executor;

    /** Primary key: run and phase. */
    public static class Key implements Serializable {

        public UUID failoverId;
        public FailoverPhase phase;

        public Key() {
        }

        public Key(UUID failoverId, FailoverPhase phase) {
            this.failoverId = failoverId;
            this.phase = phase;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(failoverId, key.failoverId) && phase == key.phase;
        }

        @Override
        public int hashCode() {
            return Objects.hash(failoverId, phase);
        }
    }
}
