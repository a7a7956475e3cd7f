package io.pra.failover.execution;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.pra.events.failover.FailoverCompleted;
import io.pra.events.failover.FailoverFailed;
import io.pra.events.failover.FailoverPhase;
import io.pra.events.failover.PhaseDuration;
import io.pra.failover.config.FailoverConfig;
import io.pra.failover.domain.FailoverRun;
import io.pra.failover.domain.RunEvents;
import io.pra.failover.domain.RunMeasures;
import io.pra.failover.domain.RunTransitionRefused;
import io.pra.failover.domain.StepVerdict;
import io.pra.failover.persistence.AuditRepository;
import io.pra.failover.persistence.RunRepository;
import io.pra.failover.persistence.RunStore;
import io.pra.failover.persistence.SiteEntity;
import io.pra.failover.persistence.SiteRepository;
import io.pra.kit.outbox.Outbox;

/**
 * Records the steps of a run, each in one transaction with its events, after the {@link EpochGuard} admitted
 * it. A stale executor or one carrying on after an abort gets {@link StepRefused} and writes nothing.
 */
@ApplicationScoped
public class StepRecorder {

    private final FailoverConfig config;
    private final Clock clock;
    private final SiteRepository sites;
    private final RunRepository runRows;
    private final RunStore runs;
    private final EpochGuard epochGuard;
    private final AuditRepository audit;
    private final Outbox outbox;
    private final ExecutionMetrics metrics;

    StepRecorder(FailoverConfig config, Clock clock, SiteRepository sites, RunRepository runRows, RunStore runs,
            EpochGuard epochGuard, AuditRepository audit, Outbox outbox, ExecutionMetrics metrics) {
        this.config = config;
        this.clock = clock;
        this.sites = sites;
        this.runRows = runRows;
        this.runs = runs;
        this.epochGuard = epochGuard;
        this.audit = audit;
        this.outbox = outbox;
        this.metrics = metrics;
    }

    /** The oldest run of the site that is not over and not waiting for approval; refreshes the epoch/run metrics. */
    @Transactional
    public Optional<FailoverRun> nextExecutable(String siteId) {
        SiteEntity site = sites.findById(siteId);
        if (site == null) {
            return Optional.empty();
        }
        Map<FailoverPhase, Long> totals = new EnumMap<>(FailoverPhase.class);
        for (FailoverPhase outcome : List.of(FailoverPhase.COMPLETED, FailoverPhase.FAILED, FailoverPhase.ABORTED)) {
            totals.put(outcome, runRows.count("siteId = ?1 and outcome = ?2", siteId, outcome));
        }
        Instant activeDecidedAt = runRows.activeRun(siteId).map(run -> run.decidedAt).orElse(null);
        metrics.observed(siteId, site.epoch, activeDecidedAt, totals);
        return runs.nextExecutable(siteId);
    }

    /** The site's oldest run left to clean up after it failed or was aborted, if any. */
    @Transactional
    public Optional<FailoverRun> nextToCleanUp(String siteId) {
        return runs.nextToCleanUp(siteId);
    }

    /** Records the clean-up of {@code ended}, with its audit line. */
    @Transactional
    public void cleanedUp(FailoverRun ended, String detail, String executor) {
        sites.lock(ended.sourceSite());
        FailoverRun run = runs.findLocked(ended.failoverId()).orElseThrow(
                () -> new StepRefused("run " + ended.failoverId() + " does not exist"));
        Instant now = clock.instant();
        refuseIfNot(() -> run.cleanedUp(detail, now));
        runs.save(run);
        audit.append(now, executor, "failover.cleaned-up", run.sourceSite(), run.failoverId(), run.epoch(), detail);
    }

    /** The run as recorded now. */
    @Transactional
    public FailoverRun state(UUID failoverId) {
        return runs.find(failoverId).orElseThrow(() -> new StepRefused("run " + failoverId + " does not exist"));
    }

    /** Records the start of {@code phase} and publishes its step event. */
    @Transactional
    public void begin(FailoverRun executing, FailoverPhase phase, String executor) {
        FailoverRun run = epochGuard.admit(executing);
        Instant now = clock.instant();
        refuseIfNot(() -> run.begin(phase, now, executor));
        runs.save(run);
        outbox.write(RunEvents.step(run, phase));
    }

    /**
     * Records how {@code phase} ended: a failure fails the run ({@code pra.failover.failed}); the end of CUTOVER
     * completes it ({@code pra.failover.completed} with RTO, RPO and phase durations).
     */
    @Transactional
    public Ended finish(FailoverRun executing, FailoverPhase phase, StepVerdict verdict, String executor) {
        FailoverRun run = epochGuard.admit(executing);
        Instant now = clock.instant();
        refuseIfNot(() -> run.finish(phase, verdict, now, executor));
        runs.save(run);
        outbox.write(RunEvents.step(run, phase));
        List<PhaseDuration> durations = RunMeasures.phaseDurations(run.phases());
        PhaseDuration ended = durations.get(durations.size() - 1);
        if (run.outcome() == FailoverPhase.FAILED) {
            FailoverFailed failed = RunEvents.failed(run);
            outbox.write(failed);
            audit.append(now, executor, "failover.failed", run.sourceSite(), run.failoverId(), run.epoch(),
                    phase + ": " + verdict.detail());
            return new Ended(ended, Optional.empty(), Optional.of(failed));
        }
        if (run.outcome() == FailoverPhase.COMPLETED) {
            FailoverCompleted completed = RunEvents.completed(run, config.rtoObjective(), config.rpoObjective());
            outbox.write(completed);
            audit.append(now, executor, "failover.completed", run.sourceSite(), run.failoverId(), run.epoch(),
                    "rto=" + completed.rtoAchieved() + " rpo=" + completed.rpoAchieved());
            return new Ended(ended, Optional.of(completed), Optional.empty());
        }
        return new Ended(ended, Optional.empty(), Optional.empty());
    }

    /** What recording the end of a phase produced, for metrics after commit. */
    public record Ended(PhaseDuration phase, Optional<FailoverCompleted> completed, Optional<FailoverFailed> failed) {
    }

    private static void refuseIfNot(Runnable transition) {
        try {
            transition.run();
        } catch (RunTransitionRefused e) {
            throw new StepRefused(e.getMessage());
        }
    }
}
