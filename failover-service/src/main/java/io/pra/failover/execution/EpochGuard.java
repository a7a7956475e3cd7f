package io.pra.failover.execution;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.pra.failover.domain.FailoverRun;
import io.pra.failover.persistence.RunStore;
import io.pra.failover.persistence.SiteEntity;
import io.pra.failover.persistence.SiteRepository;

/**
 * The stale-epoch check of every recorded step: under the site's row lock (the lock decisions, approvals and
 * aborts take), a run may move on only while its epoch is still the site's and it is not over. An executor that
 * picked a run up before a newer decision, or carries on after an abort, is refused and writes nothing.
 */
@ApplicationScoped
public class EpochGuard {

    private final SiteRepository sites;
    private final RunStore runs;

    EpochGuard(SiteRepository sites, RunStore runs) {
        this.sites = sites;
        this.runs = runs;
    }

    /**
     * Confirms, in a short transaction of its own and without locking, that {@code run} may still act: its epoch is
     * the site's and it is not over (an operator may have aborted it since the step began). Throws
     * {@link StepRefused} otherwise.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void confirmActing(FailoverRun run) {
        SiteEntity site = sites.findById(run.sourceSite());
        FailoverRun recorded = runs.find(run.failoverId()).orElseThrow(
                () -> new StepRefused("run " + run.failoverId() + " does not exist"));
        if (site == null || site.epoch != run.epoch()) {
            throw new StepRefused("stale executor: run " + run.failoverId() + " acts under epoch " + run.epoch()
                    + " but site " + run.sourceSite() + " is at epoch " + (site == null ? "?" : site.epoch));
        }
        if (recorded.isOver()) {
            throw new StepRefused("run " + run.failoverId() + " is " + recorded.outcome()
                    + (recorded.endReason() == null ? "" : " (" + recorded.endReason() + ")")
                    + ": its side effects stop");
        }
    }

    /**
     * Locks the site and the run's row and returns the run as recorded now; throws {@link StepRefused} when the
     * site moved to another epoch or the run is over.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public FailoverRun admit(FailoverRun executing) {
        SiteEntity site = sites.lock(executing.sourceSite());
        FailoverRun recorded = runs.findLocked(executing.failoverId()).orElseThrow(
                () -> new StepRefused("run " + executing.failoverId() + " does not exist"));
        if (site.epoch != executing.epoch()) {
            throw new StepRefused("stale executor: run " + executing.failoverId() + " executes under epoch "
                    + executing.epoch() + " but site " + site.siteId + " is at epoch " + site.epoch);
        }
        if (recorded.isOver()) {
            throw new StepRefused("run " + executing.failoverId() + " is " + recorded.outcome()
                    + (recorded.endReason() == null ? "" : " (" + recorded.endReason() + ")"));
        }
        return recorded;
    }
}
