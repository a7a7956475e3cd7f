package io.pra.failover.persistence;

import java.time.Duration;
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

import io.pra.events.failover.ApprovalTimeoutAction;
import io.pra.events.failover.FailoverPhase;
import io.pra.events.failover.Trigger;

/** A decided failover run of a site under one epoch. */
@Entity
@Table(name = "failover_run")
public class RunEntity {

    @Id
    @Column(name = "failover_id")
    public UUID failoverId;

    @Column(name = "site_id")
    public String siteId;

    @Column(name = "target_site")
    public String targetSite;

    public long epoch;

    @Enumerated(EnumType.STRING)
    public Trigger trigger;

    @Column(name = "requested_by")
    public String requestedBy;

    public String reason;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "disaster_started_at")
    public Instant disasterStartedAt;

    /** The votes that made quorum, as the JSON array of {@code QuorumVote} published in the decision. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "quorum_votes")
    public String quorumVotes;

    @Column(name = "backup_name")
    public String backupName;

    @Column(name = "backup_location")
    public String backupLocation;

    @Column(name = "backup_started_at")
    public Instant backupStartedAt;

    @Column(name = "backup_completed_at")
    public Instant backupCompletedAt;

    @JdbcTypeCode(SqlTypes.INTERVAL_SECOND)
    @Column(name = "expected_data_loss")
    public Duration expectedDataLoss;

    @JdbcTypeCode(SqlTypes.INTERVAL_SECOND)
    @Column(name = "data_loss_budget")
    public Duration dataLossBudget;

    @Column(name = "approval_required")
    public boolean approvalRequired;

    /** Why the run waits for an operator; null when it needs no approval. */
    @Column(name = "approval_reason")
    public String approvalReason;

    /** When the approval timeout policy applies; null when the run needs no approval. */
    @Column(name = "approval_deadline")
    public Instant approvalDeadline;

    /** What the approval timeout does, fixed at decision time; null when the run needs no approval. */
    @Enumerated(EnumType.STRING)
    @Column(name = "on_timeout")
    public ApprovalTimeoutAction onTimeout;

    @Column(name = "approved_by")
    public String approvedBy;

    @Column(name = "approved_at")
    public Instant approvedAt;

    @Enumerated(EnumType.STRING)
    public FailoverPhase outcome;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Column(name = "end_reason")
    public String endReason;

    /** When the executor cleaned up after a FAILED or ABORTED run; null until then (or when nothing was due). */
    @Column(name = "cleaned_up_at")
    public Instant cleanedUpAt;

    /** What the clean-up did. */
    @Column(name = "cleanup_detail")
    public String cleanupDetail;
}
