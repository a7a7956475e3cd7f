package io.pra.failover.execution;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.pra.events.EventJson;
import io.pra.events.failover.FailoverCompleted;
import io.pra.events.failover.FailoverFailed;
import io.pra.events.failover.FailoverPhase;
import io.pra.events.failover.PhaseDuration;
import io.pra.events.failover.StepStatus;
import io.pra.failover.config.FailoverConfig;
import io.pra.failover.domain.FailoverRun;
import io.pra.failover.domain.RunIdentity;
import io.pra.failover.domain.RunMeasures;
import io.pra.failover.domain.RunTransitionRefused;
import io.pra.failover.domain.StepVerdict;
import io.pra.failover.persistence.AuditRepository;
import io.pra.failover.persistence.PhaseEntity;
import io.pra.failover.persistence.PhaseRepository;
import io.pra.failover.persistence.RunEntity;
import io.pra.failover.persistence.RunRepository;
import io.pra.failover.persistence.SiteEntity;
import io.pra.failover.persistence.SiteRepository;
import io.pra.kit.outbox.Outbox;

/**
 * Records the steps of a run, each in one transaction with its events: the site row is locked and the run's
 * epoch checked against the site's, and the run must not be over, before anything is written. A stale executor
 * or one carrying on after an abort gets {@link StepRefused} and writes nothing.
 */
@ApplicationScoped
public class StepRecorder {

    private final FailoverConfig config;
    private final Clock clock;
    private final SiteRepository sites;
    private final RunRepository runs;
    private final PhaseRepository phases;
    private final AuditRepository audit;
    private final Outbox outbox;
    private final ExecutionMetrics metrics;

    StepRecorder(FailoverConfig config, Clock clock, SiteRepository sites, RunRepository runs,
            PhaseRepository phases, AuditRepository audit, Outbox outbox, ExecutionMetrics metrics) {
        this.config = config;
        this.clock = clock;
        this.sites = sites;
        this.runs = runs;
        this.phases = phases;
        this.audit = audit;
        this.outbox = outbox;
        this.metrics = metrics;
    }

    /** The oldest run of the site that is not over and not waiting for approval; refreshes the epoch/run metrics. */
    @Transactional
    public Optional<RunContext> nextExecutable(String siteId) {
        SiteEntity site = sites.findById(siteId);
        if (site == null) {
            return Optional.empty();
        }
        Map<FailoverPhase, Long> totals = new EnumMap<>(FailoverPhase.class);
        for (FailoverPhase outcome : List.of(FailoverPhase.COMPLETED, FailoverPhase.FAILED, FailoverPhase.ABORTED)) {
            totals.put(outcome, runs.count("siteId = ?1 and outcome = ?2", siteId, outcome));
        }
        Instant activeDecidedAt = runs.find("siteId = ?1 and outcome is null", siteId).firstResultOptional()
                .map(run -> run.decidedAt).orElse(null);
        metrics.observed(siteId, site.epoch, activeDecidedAt, totals);
        return runs.find("siteId = ?1 and outcome is null and (approvalRequired = false or approvedBy is not null) "
                + "order by decidedAt", siteId).firstResultOptional().map(RunContext::of);
    }

    /** The run's state machine as recorded now. */
    @Transactional
    public FailoverRun state(UUID failoverId) {
        return domain(runs.findById(failoverId));
    }

    /** Records the start of {@code phase} and publishes its step event. */
    @Transactional
    public void begin(RunContext run, FailoverPhase phase, String executor) {
        Fenced fenced = fence(run);
        Instant now = clock.instant();
        refuseIfNot(() -> fenced.state().begin(phase, now));
        PhaseEntity row = new PhaseEntity();
        row.failoverId = run.failoverId();
        row.phase = phase;
        row.startedAt = now;
        row.status = StepStatus.STARTED;
        row.errors = "[]";
        row.executor = executor;
        phases.persist(row);
        outbox.write(RunEvents.started(run, phase, now));
    }

    /**
     * Records how {@code phase} ended: a failure fails the run ({@code pra.failover.failed}); the end of CUTOVER
     * completes it ({@code pra.failover.completed} with RTO, RPO and phase durations).
     */
    @Transactional
    public Ended finish(RunContext run, FailoverPhase phase, StepVerdict verdict, String executor) {
        Fenced fenced = fence(run);
        Instant now = clock.instant();
        FailoverRun state = fenced.state();
        refuseIfNot(() -> {
            if (verdict.isFailure()) {
                state.fail(verdict.detail(), now);
            } else {
                state.finish(phase, now);
            }
        });
        PhaseEntity row = phases.find(run.failoverId(), phase);
        row.endedAt = now;
        row.status = switch (verdict.outcome()) {
            case SUCCEEDED -> StepStatus.SUCCEEDED;
            case SKIPPED -> StepStatus.SKIPPED;
            case FAILED -> StepStatus.FAILED;
        };
        row.detail = verdict.detail();
        row.errors = json(verdict.errors());
        row.executor = executor;
        outbox.write(RunEvents.ended(run, phase, row.status, row.startedAt, now, verdict.detail(), verdict.errors()));
        List<PhaseDuration> durations = RunMeasures.phaseDurations(state.phases());
        RunEntity entity = fenced.run();
        if (verdict.isFailure()) {
            end(entity, FailoverPhase.FAILED, now, verdict.detail());
            FailoverFailed failed = RunEvents.failed(run, phase, now, verdict.detail(), verdict.errors(), durations);
            outbox.write(failed);
            audit.append(now, executor, "failover.failed", run.sourceSite(), run.failoverId(), run.epoch(),
                    phase + ": " + verdict.detail());
            return new Ended(durations.get(durations.size() - 1), Optional.empty(), Optional.of(failed));
        }
        if (state.isOver()) {
            end(entity, FailoverPhase.COMPLETED, now, null);
            FailoverCompleted completed = RunEvents.completed(run, now, durations, config.rtoObjective(),
                    config.rpoObjective());
            outbox.write(completed);
            audit.append(now, executor, "failover.completed", run.sourceSite(), run.failoverId(), run.epoch(),
                    "rto=" + completed.rtoAchieved() + " rpo=" + completed.rpoAchieved());
            return new Ended(durations.get(durations.size() - 1), Optional.of(completed), Optional.empty());
        }
        return new Ended(durations.get(durations.size() - 1), Optional.empty(), Optional.empty());
    }

    /** What recording the end of a phase produced, for metrics after commit. */
    public record Ended(PhaseDuration phase, Optional<FailoverCompleted> completed, Optional<FailoverFailed> failed) {
    }

    private Fenced fence(RunContext run) {
        SiteEntity site = sites.lock(run.sourceSite());
        RunEntity entity = runs.findById(run.failoverId(), LockModeType.PESSIMISTIC_WRITE);
        if (entity == null) {
            throw new StepRefused("run " + run.failoverId() + " does not exist");
        }
        if (site.epoch != run.epoch() || entity.epoch != run.epoch()) {
            throw new StepRefused("stale executor: run " + run.failoverId() + " executes under epoch " + run.epoch()
                    + " but site " + site.siteId + " is at epoch " + site.epoch);
        }
        if (entity.outcome != null) {
            throw new StepRefused("run " + run.failoverId() + " is " + entity.outcome
                    + (entity.endReason == null ? "" : " (" + entity.endReason + ")"));
        }
        return new Fenced(entity, domain(entity));
    }

    private FailoverRun domain(RunEntity run) {
        RunIdentity identity = new RunIdentity(run.failoverId, run.epoch, run.siteId, run.targetSite, run.trigger,
                run.requestedBy, run.decidedAt);
        return new FailoverRun(identity, run.approvalRequired, run.approvedBy, run.approvedAt,
                phases.records(run.failoverId), run.outcome, run.endedAt, run.endReason);
    }

    private static void end(RunEntity run, FailoverPhase outcome, Instant at, String reason) {
        run.outcome = outcome;
        run.endedAt = at;
        run.endReason = reason;
    }

    private static void refuseIfNot(Runnable transition) {
        try {
            transition.run();
        } catch (RunTransitionRefused e) {
            throw new StepRefused(e.getMessage());
        }
    }

    private static String json(List<String> errors) {
        try {
            return EventJson.mapper().writeValueAsString(errors);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write step errors as JSON", e);
        }
    }

    private record Fenced(RunEntity run, FailoverRun state) {
    }
}
