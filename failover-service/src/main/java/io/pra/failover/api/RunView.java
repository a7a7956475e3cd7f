package io.pra.failover.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.pra.events.failover.ApprovalTimeoutAction;
import io.pra.events.failover.FailoverPhase;
import io.pra.events.failover.QuorumVote;
import io.pra.events.failover.Trigger;
import io.pra.failover.domain.FailoverRun;
import io.pra.failover.domain.PhaseRecord;
import io.pra.failover.persistence.RunEntity;
import io.pra.failover.service.RunDetail;

/**
 * A failover run in API answers. {@code status} is AWAITING_APPROVAL, READY (decided or approved,
 * no phase begun yet), the running or last begun phase, or the outcome once over. Durations are
 * ISO-8601.
 */
public record RunView(UUID failoverId, long epoch, String sourceSite, String targetSite, Trigger trigger,
        String status, String requestedBy, String reason, Instant decidedAt, Instant disasterStartedAt,
        List<QuorumVote> votes, BackupView backup, String expectedDataLoss, String dataLossBudget,
        boolean approvalRequired, String approvalReason, Instant approvalDeadline, ApprovalTimeoutAction onTimeout,
        String approvedBy, Instant approvedAt, List<PhaseView> phases, FailoverPhase outcome, Instant endedAt,
        String endReason) {

    /** The backup a run restores. */
    public record BackupView(String backupName, String storageLocation, Instant startedAt, Instant completedAt) {
    }

    /** One executed phase; {@code endedAt} and {@code duration} are null while it runs. */
    public record PhaseView(FailoverPhase phase, Instant startedAt, Instant endedAt, String duration) {

        static PhaseView of(PhaseRecord record) {
            return new PhaseView(record.phase(), record.startedAt(), record.endedAt(), iso(record.duration()));
        }
    }

    static RunView of(RunDetail detail) {
        RunEntity row = detail.row();
        FailoverRun state = detail.state();
        return new RunView(row.failoverId, row.epoch, row.siteId, row.targetSite, row.trigger, status(state),
                row.requestedBy, row.reason, row.decidedAt, row.disasterStartedAt, detail.votes(),
                new BackupView(row.backupName, row.backupLocation, row.backupStartedAt, row.backupCompletedAt),
                iso(row.expectedDataLoss), iso(row.dataLossBudget), row.approvalRequired, row.approvalReason,
                row.approvalDeadline, row.onTimeout, row.approvedBy, row.approvedAt,
                state.phases().stream().map(PhaseView::of).toList(), row.outcome, row.endedAt, row.endReason);
    }

    private static String status(FailoverRun state) {
        if (state.isAwaitingApproval()) {
            return "AWAITING_APPROVAL";
        }
        FailoverPhase current = state.currentPhase();
        return current == null ? "READY" : current.name();
    }

    static String iso(Duration duration) {
        return duration == null ? null : duration.toString();
    }
}
