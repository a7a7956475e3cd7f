package io.pra.failover.persistence;

import java.util.List;

import io.pra.failover.domain.FailoverRun;
import io.pra.failover.domain.PhaseRecord;
import io.pra.failover.domain.RunIdentity;

/** Moves a run between its row and the domain state machine. */
public final class RunEntities {

    private RunEntities() {
    }

    /** The run's state machine, rebuilt from its row and its recorded phases. */
    public static FailoverRun toDomain(RunEntity row, List<PhaseRecord> phases) {
        RunIdentity identity = new RunIdentity(row.failoverId, row.epoch, row.siteId, row.targetSite, row.trigger,
                row.requestedBy, row.decidedAt);
        return new FailoverRun(identity, row.approvalRequired, row.approvedBy, row.approvedAt, phases, row.outcome,
                row.endedAt, row.endReason);
    }

    /** Copies the approval and the outcome of {@code run} into its row (phases are the executor's to record). */
    public static void recordApprovalAndOutcome(FailoverRun run, RunEntity row) {
        row.approvedBy = run.approvedBy();
        row.approvedAt = run.approvedAt();
        row.outcome = run.outcome();
        row.endedAt = run.endedAt();
        row.endReason = run.endReason();
    }
}
