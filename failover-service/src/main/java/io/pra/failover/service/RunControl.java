package io.pra.failover.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.pra.events.failover.ApprovalTimeoutAction;
import io.pra.events.failover.FailoverPhase;
import io.pra.failover.domain.ApprovalPolicy;
import io.pra.failover.domain.FailoverRun;
import io.pra.failover.domain.RunEvents;
import io.pra.failover.domain.RunTransitionRefused;
import io.pra.failover.persistence.AuditRepository;
import io.pra.failover.persistence.RunStore;
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
    private final RunStore runs;
    private final AuditRepository audit;
    private final Outbox outbox;

    RunControl(Clock clock, SiteRepository sites, RunStore runs, AuditRepository audit, Outbox outbox) {
        this.clock = clock;
        this.sites = sites;
        this.runs = runs;
        this.audit = audit;
        this.outbox = outbox;
    }

    /** Approves a waiting run; the requester of a manual failover may not approve it. */
    @Transactional
    public FailoverRun approve(UUID failoverId, String operator, String comment) {
        FailoverRun run = lockedRun(failoverId);
        run.approve(operator, clock.instant());
        recordApproval(run, comment, false);
        return run;
    }

    /**
     * Aborts a run that is not over; refused once CUTOVER has begun. The phase it interrupts ends FAILED; the
     * executor, refused its next step under the same site lock, never records it. Its effect so far (e.g. a
     * Restore in progress) stays for operators.
     */
    @Transactional
    public FailoverRun abort(UUID failoverId, String operator, String reason) {
        FailoverRun run = lockedRun(failoverId);
        FailoverPhase phase = run.currentPhase();
        run.abort(operator, reason, clock.instant());
        recordAbort(run, phase, operator);
        return run;
    }

    /**
     * Applies the approval timeout to a run if it still waits past its deadline: approved by
     * {@code system} (PROCEED) or aborted (ABORT). Returns the action applied, empty when none was due.
     */
    @Transactional
    public Optional<ApprovalTimeoutAction> applyApprovalTimeout(UUID failoverId) {
        FailoverRun run = lockedRun(failoverId);
        FailoverPhase phase = run.currentPhase();
        Optional<ApprovalTimeoutAction> applied = ApprovalPolicy.applyIfDue(run, clock.instant());
        applied.ifPresent(action -> {
            if (run.isOver()) {
                recordAbort(run, phase, ApprovalPolicy.SYSTEM_ACTOR);
            } else {
                recordApproval(run, "approval timeout: deadline " + run.approval().orElseThrow().deadline()
                        + " passed, policy PROCEED", true);
            }
        });
        return applied;
    }

    private FailoverRun lockedRun(UUID failoverId) {
        // The site is locked before the run is read, so the run is read as the last writer left it.
        String siteId = runs.siteOf(failoverId)
                .orElseThrow(() -> new NoSuchRecord("no failover run with id " + failoverId));
        sites.lock(siteId);
        return runs.findLocked(failoverId).orElseThrow();
    }

    private void recordApproval(FailoverRun run, String comment, boolean byTimeout) {
        runs.save(run);
        Instant now = run.approvedAt();
        audit.append(now, run.approvedBy(), "failover.approved", run.sourceSite(), run.failoverId(), run.epoch(),
                byTimeout ? comment : "approved" + (comment == null ? "" : ": " + comment));
        outbox.write(RunEvents.approved(run, byTimeout, comment));
        LOG.infof("failover approved: site=%s failoverId=%s epoch=%d by=%s byTimeout=%s", run.sourceSite(),
                run.failoverId(), run.epoch(), run.approvedBy(), byTimeout);
    }

    private void recordAbort(FailoverRun run, FailoverPhase phase, String operator) {
        runs.save(run);
        audit.append(run.endedAt(), operator, "failover.aborted", run.sourceSite(), run.failoverId(), run.epoch(),
                (phase == null ? "before execution" : "in " + phase) + ": " + run.endReason());
        outbox.write(RunEvents.aborted(run, phase, operator));
        LOG.infof("failover aborted: site=%s failoverId=%s epoch=%d phase=%s by=%s reason=%s", run.sourceSite(),
                run.failoverId(), run.epoch(), phase, operator, run.endReason());
    }
}
