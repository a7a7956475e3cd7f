package io.pra.failover.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.pra.events.failover.ApprovalTimeoutAction;
import io.pra.events.failover.BackupRef;
import io.pra.events.failover.FailoverDecided;
import io.pra.events.failover.FailoverPhase;
import io.pra.events.failover.QuorumVote;
import io.pra.events.failover.StepStatus;
import io.pra.events.failover.Trigger;
import io.pra.failover.domain.FailoverRun;
import io.pra.failover.domain.PhaseRecord;

/**
 * A failover run in API answers: the one mapping of a {@link FailoverRun} to JSON. {@code status} is
 * AWAITING_APPROVAL, READY (decided or approved, no phase begun yet), the running or last begun phase, or the
 * outcome once over. Durations are ISO-8601. {@code cleanedUpAt} and {@code cleanupDetail} say when and how the
 * executor cleaned up after a run that failed or was aborted once RESTORE began.
 */
public record RunView(UUID failoverId, long epoch, String sourceSite, String targetSite, Trigger trigger,
        String status, String requestedBy, String reason, Instant decidedAt, Instant disasterStartedAt,
        List<QuorumVote> votes, BackupView backup, String expectedDataLoss, String dataLossBudget,
        boolean approvalRequired, String approvalReason, Instant approvalDeadline, ApprovalTimeoutAction onTimeout,
        String approvedBy, Instant approvedAt, List<PhaseView> phases, FailoverPhase outcome, Instant endedAt,
        String endReason, Instant cleanedUpAt, String cleanupDetail) {

    /** The backup a run restores. */
    public record BackupView(String backupName, String storageLocation, Instant startedAt, Instant completedAt) {
    }

    /**
     * One executed phase; {@code endedAt}, {@code duration} and {@code detail} are null while it runs.
     * {@code status} is STARTED, SUCCEEDED, SKIPPED or FAILED.
     */
    public record PhaseView(FailoverPhase phase, StepStatus status, Instant startedAt, Instant endedAt,
            String duration, String detail, List<String> errors) {

        static PhaseView of(PhaseRecord record) {
            return new PhaseView(record.phase(), record.status(), record.startedAt(), record.endedAt(),
                    iso(record.duration()), record.detail(), record.errors());
        }
    }

    static RunView of(FailoverRun run) {
        FailoverDecided decided = run.decision();
        BackupRef backup = decided.chosenBackup();
        Optional<FailoverRun.ApprovalTerms> approval = run.approval();
        return new RunView(run.failoverId(), run.epoch(), run.sourceSite(), run.targetSite(), run.trigger(),
                status(run), decided.requestedBy(), decided.reason(), decided.decidedAt(),
                decided.disasterStartedAt(), decided.votes(), new BackupView(backup.backupName(),
                        backup.storageLocation(), backup.startedAt(), backup.completedAt()),
                iso(decided.expectedDataLoss()), iso(decided.dataLossBudget()), decided.approvalRequired(),
                approval.map(FailoverRun.ApprovalTerms::reason).orElse(null),
                approval.map(FailoverRun.ApprovalTerms::deadline).orElse(null),
                approval.map(FailoverRun.ApprovalTerms::onTimeout).orElse(null), run.approvedBy(),
                run.approvedAt(), run.phases().stream().map(PhaseView::of).toList(), run.outcome(), run.endedAt(),
                run.endReason(), run.cleanedUpAt(), run.cleanupDetail());
    }

    private static String status(FailoverRun run) {
        if (run.isAwaitingApproval()) {
            return "AWAITING_APPROVAL";
        }
        FailoverPhase current = run.currentPhase();
        return current == null ? "READY" : current.name();
    }

    static String iso(Duration duration) {
        return duration == null ? null : duration.toString();
    }
}
