package io.pra.failover.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.pra.events.failover.ApprovalTimeoutAction;
import io.pra.events.failover.FailoverAborted;
import io.pra.events.failover.FailoverApproved;
import io.pra.events.failover.FailoverPhase;
import io.pra.events.failover.PhaseDuration;
import io.pra.events.failover.StepStatus;
import io.pra.failover.domain.ApprovalPolicy;
import io.pra.failover.domain.FailoverRun;
import io.pra.failover.domain.PhaseRecord;
import io.pra.failover.domain.RunTransitionRefused;
import io.pra.failover.persistence.AuditRepository;
import io.pra.failover.persistence.PhaseEntity;
import io.pra.failover.persistence.PhaseRepository;
import io.pra.failover.persistence.RunEntities;
import io.pra.failover.persistence.RunEntity;
import io.pra.failover.persistence.RunRepository;
import io.pra.failover.persistence.SiteRepository;
import io.pra.kit.outbox.Outbox;

/**
 * Approval, abort and the approval timeout of a run. Each runs in one transaction under the
 * site's row lock (the lock the decision and the executor's steps take), applies the domain state
 * machine's rules ({@link RunTransitionRefused} when they refuse), writes its audit line and its
 * {@code pra.failover.approved} / {@code pra.failover.aborted} event through the outbox.
 */
@ApplicationScoped
public class RunControl {

    private static final Logger LOG = Logger.getLogger(RunControl.class);

    private final Clock clock;
    private final SiteRepository sites;
    private final RunRepository runs;
    private final PhaseRepository phases;
    private final AuditRepository audit;
    private final Outbox outbox;

    RunControl(Clock clock, SiteRepository sites, RunRepository runs, PhaseRepository phases,
            AuditRepository audit, Outbox outbox) {
        this.clock = clock;
        this.sites = sites;
        this.runs = runs;
        this.phases = phases;
        this.audit = audit;
        this.outbox = outbox;
    }

    /** Approves a waiting run; the requester of a manual failover may not approve it. */
    @Transactional
    public RunEntity approve(UUID failoverId, String operator, String comment) {
        RunEntity row = lockedRun(failoverId);
        FailoverRun run = RunEntities.toDomain(row, phases.records(failoverId));
        Instant now = clock.instant();
        run.approve(operator, now);
        recordApproval(run, row, operator, comment, false, now);
        return row;
    }

    /** Aborts a run that is not over; refused once CUTOVER has begun. */
    @Transactional
    public RunEntity abort(UUID failoverId, String operator, String reason) {
        RunEntity row = lockedRun(failoverId);
        FailoverRun run = RunEntities.toDomain(row, phases.records(failoverId));
        FailoverPhase phase = run.currentPhase();
        Instant now = clock.instant();
        run.abort(reason, now);
        recordAbort(run, row, phase, operator, now);
        return row;
    }

    /**
     * Applies the approval timeout to a run if it still waits past its deadline: approved by
     * {@code system} (PROCEED) or aborted (ABORT). Returns the action applied, empty when none was due.
     */
    @Transactional
    public Optional<ApprovalTimeoutAction> applyApprovalTimeout(UUID failoverId) {
        RunEntity row = lockedRun(failoverId);
        FailoverRun run = RunEntities.toDomain(row, phases.records(failoverId));
        FailoverPhase phase = run.currentPhase();
        Instant now = clock.instant();
        if (!ApprovalPolicy.applyIfDue(run, row.approvalDeadline, row.onTimeout, now)) {
            return Optional.empty();
        }
        if (run.isOver()) {
            recordAbort(run, row, phase, ApprovalPolicy.SYSTEM_ACTOR, now);
        } else {
            recordApproval(run, row, ApprovalPolicy.SYSTEM_ACTOR, "approval timeout: deadline "
                    + row.approvalDeadline + " passed, policy PROCEED", true, now);
        }
        return Optional.of(row.onTimeout);
    }

    private RunEntity lockedRun(UUID failoverId) {
        RunEntity row = runs.findById(failoverId);
        if (row == null) {
            throw new NoSuchRecord("no failover run with id " + failoverId);
        }
        sites.lock(row.siteId);
        // Another transaction may have changed the run while this one waited for the lock.
        runs.getEntityManager().refresh(row);
        return row;
    }

    private void recordApproval(FailoverRun run, RunEntity row, String approver, String comment, boolean byTimeout,
            Instant now) {
        RunEntities.recordApprovalAndOutcome(run, row);
        audit.append(now, approver, "failover.approved", row.siteId, row.failoverId, row.epoch,
                byTimeout ? comment : "approved" + (comment == null ? "" : ": " + comment));
        outbox.write(new FailoverApproved(row.failoverId, row.epoch, row.siteId, row.targetSite, row.trigger,
                approver, now, byTimeout, row.requestedBy, comment));
        LOG.infof("failover approved: site=%s failoverId=%s epoch=%d by=%s byTimeout=%s", row.siteId,
                row.failoverId, row.epoch, approver, byTimeout);
    }

    private void recordAbort(FailoverRun run, RunEntity row, FailoverPhase phase, String operator, Instant now) {
        RunEntities.recordApprovalAndOutcome(run, row);
        closeAbortedPhase(row, phase, operator, run.endReason(), now);
        audit.append(now, operator, "failover.aborted", row.siteId, row.failoverId, row.epoch,
                (phase == null ? "before execution" : "in " + phase) + ": " + run.endReason());
        outbox.write(new FailoverAborted(row.failoverId, row.epoch, row.siteId, row.targetSite, row.trigger, phase,
                now, operator, run.endReason(), durations(run.phases())));
        LOG.infof("failover aborted: site=%s failoverId=%s epoch=%d phase=%s by=%s reason=%s", row.siteId,
                row.failoverId, row.epoch, phase, operator, run.endReason());
    }

    /**
     * Ends the phase the abort interrupted, as the domain run did: the executor, refused its next step under the
     * same site lock, never records it. Its effect so far (e.g. a Restore in progress) stays for operators.
     */
    private void closeAbortedPhase(RunEntity row, FailoverPhase phase, String operator, String reason, Instant now) {
        if (phase == null) {
            return;
        }
        PhaseEntity open = phases.find(row.failoverId, phase);
        if (open != null && open.endedAt == null) {
            open.endedAt = now;
            open.status = StepStatus.FAILED;
            open.detail = "aborted by " + operator + ": " + reason;
        }
    }

    private static List<PhaseDuration> durations(List<PhaseRecord> phases) {
        return phases.stream()
                .filter(record -> !record.isOpen())
                .map(record -> new PhaseDuration(record.phase(), record.startedAt(), record.endedAt(),
                        record.duration()))
                .toList();
    }
}
