package io.pra.failover.drill;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.pra.events.failover.DrillStarted;
import io.pra.events.failover.FailoverPhase;
import io.pra.events.failover.PhaseDuration;
import io.pra.events.failover.StepStatus;
import io.pra.failover.config.FailoverConfig;
import io.pra.failover.domain.RestoreReport;
import io.pra.failover.domain.StepVerdict;
import io.pra.failover.k8s.DrillNamespaces;
import io.pra.failover.k8s.PraAnnotations;
import io.pra.failover.k8s.VeleroRestores;
import io.pra.failover.k8s.WorkloadReadiness;
import io.pra.kit.k8s.SiteClients;
import io.quarkus.scheduler.Scheduled;

/**
 * Drills (DESIGN section 5, point 5): the failover's RESTORE and VERIFY into {@code drill-<ns>} namespaces on the
 * target site, measured and scored against the objectives, then cleaned up. A drill never cuts over and never
 * calls the source site; a failover of the site pre-empts it (checked at least every second while it waits).
 */
@ApplicationScoped
public class DrillService {

    /** Requester of scheduled drills. */
    public static final String SCHEDULER = "scheduler";

    private static final Logger LOG = Logger.getLogger(DrillService.class);
    private static final Duration SLICE = Duration.ofSeconds(1);

    private final FailoverConfig config;
    private final Clock clock;
    private final SiteClients clients;
    private final DrillRecorder recorder;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(task -> new Thread(task, "drill-runner"));

    DrillService(FailoverConfig config, Clock clock, SiteClients clients, DrillRecorder recorder) {
        this.config = config;
        this.clock = clock;
        this.clients = clients;
        this.recorder = recorder;
    }

    /**
     * Starts a drill of {@code siteId} and returns at once with its {@code pra.drill.started}; the drill runs in
     * the background and ends with {@code pra.drill.completed}. Throws {@link DrillRefused} when it cannot start.
     */
    public DrillStarted start(String siteId, String requestedBy) {
        return start(siteId, requestedBy, false);
    }

    @Scheduled(identity = "pra-drill", cron = "{pra.failover.drill.cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            start(config.sourceSite(), SCHEDULER, true);
        } catch (DrillRefused e) {
            LOG.warnf("scheduled drill not started: site=%s: %s", config.sourceSite(), e.getMessage());
        }
    }

    private DrillStarted start(String siteId, String requestedBy, boolean scheduled) {
        DrillStarted started = recorder.open(siteId, requestedBy, scheduled);
        LOG.infof("drill started: site=%s drillId=%s backup=%s by=%s", siteId, started.failoverId(),
                started.chosenBackup().backupName(), requestedBy);
        runner.execute(() -> run(started));
        return started;
    }

    private void run(DrillStarted drill) {
        List<PhaseDuration> phases = new ArrayList<>();
        String failure = null;
        Instant verifiedAt = null;
        try {
            failure = phase(drill, FailoverPhase.RESTORE, phases, () -> restore(drill));
            if (failure == null) {
                failure = phase(drill, FailoverPhase.VERIFY, phases, () -> verify(drill));
                verifiedAt = failure == null ? phases.get(phases.size() - 1).endedAt() : null;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = "the instance running the drill stopped";
        } catch (RuntimeException e) {
            LOG.warnf(e, "drill failed: drillId=%s", drill.failoverId());
            failure = "drill failed: " + e.getMessage();
        }
        boolean cleanedUp = cleanUp(drill);
        var completed = recorder.close(drill, phases, verifiedAt, failure, cleanedUp);
        LOG.infof("drill completed: site=%s drillId=%s verdict=%s score=%d rto=%s rpo=%s cleanedUp=%s %s",
                drill.sourceSite(), drill.failoverId(), completed.verdict(), completed.score(),
                completed.rtoAchieved(), completed.rpoAchieved(), cleanedUp, completed.findings());
    }

    /** Runs one phase with its step events; returns the failure reason, or null when it succeeded. */
    private String phase(DrillStarted drill, FailoverPhase phase, List<PhaseDuration> phases, Step step)
            throws InterruptedException {
        Instant start = clock.instant();
        recorder.step(drill, phase, StepStatus.STARTED, start, null, null, List.of());
        StepVerdict verdict = step.run();
        Instant end = clock.instant();
        phases.add(new PhaseDuration(phase, start, end, Duration.between(start, end)));
        recorder.step(drill, phase, verdict.isFailure() ? StepStatus.FAILED : StepStatus.SUCCEEDED, start, end,
                verdict.detail(), verdict.errors());
        return verdict.isFailure() ? verdict.detail() : null;
    }

    private StepVerdict restore(DrillStarted drill) throws InterruptedException {
        VeleroRestores restores = restores(drill);
        String name = PraAnnotations.objectName(drill.failoverId());
        // A drill restores into its own namespaces beside the executor, under no lock or epoch: nothing to confirm.
        restores.ensure(name, drill.failoverId(), drill.epoch(), drill.chosenBackup().backupName(),
                List.copyOf(drill.namespaceMapping().keySet()), drill.namespaceMapping(), () -> { });
        Instant deadline = Instant.now().plus(config.execution().restoreTimeout());
        while (true) {
            Optional<RestoreReport> report = restores.awaitFinished(name, slice(deadline), () -> { });
            if (report.isPresent()) {
                return report.get().judge(name, config.execution().partiallyFailed());
            }
            Optional<StepVerdict> stop = preemptedOrLate(drill, deadline, "restore " + name);
            if (stop.isPresent()) {
                return stop.get();
            }
        }
    }

    private StepVerdict verify(DrillStarted drill) throws InterruptedException {
        List<String> namespaces = List.copyOf(drill.namespaceMapping().values());
        WorkloadReadiness readiness = new WorkloadReadiness(clients.client(drill.targetSite()));
        Instant deadline = Instant.now().plus(config.execution().verifyTimeout());
        while (true) {
            if (readiness.awaitReady(namespaces, slice(deadline), () -> { }).isEmpty()) {
                return StepVerdict.succeeded(readiness.count(namespaces) + " workloads ready on site "
                        + drill.targetSite() + " in " + String.join(", ", namespaces));
            }
            Optional<StepVerdict> stop = preemptedOrLate(drill, deadline, "workloads in " + namespaces);
            if (stop.isPresent()) {
                return stop.get();
            }
        }
    }

    private Optional<StepVerdict> preemptedOrLate(DrillStarted drill, Instant deadline, String what) {
        Optional<StepVerdict> preempted = recorder.activeFailover(drill.sourceSite()).map(failoverId ->
                StepVerdict.failed("pre-empted by failover " + failoverId));
        if (preempted.isPresent()) {
            return preempted;
        }
        if (!Instant.now().isBefore(deadline)) {
            return Optional.of(StepVerdict.failed(what + " not done within the drill's bound"));
        }
        return Optional.empty();
    }

    private boolean cleanUp(DrillStarted drill) {
        try {
            new DrillNamespaces(clients.client(drill.targetSite())).delete(drill.namespaceMapping().values());
            restores(drill).delete(PraAnnotations.objectName(drill.failoverId()));
            return true;
        } catch (RuntimeException e) {
            LOG.warnf(e, "drill cleanup failed: drillId=%s namespaces=%s", drill.failoverId(),
                    drill.namespaceMapping().values());
            return false;
        }
    }

    private VeleroRestores restores(DrillStarted drill) {
        return new VeleroRestores(clients.client(drill.targetSite()), config.execution().veleroNamespace());
    }

    private static Duration slice(Instant deadline) {
        Duration left = Duration.between(Instant.now(), deadline);
        return left.isNegative() ? Duration.ZERO : left.compareTo(SLICE) < 0 ? left : SLICE;
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }

    /** One phase of a drill. */
    private interface Step {
        StepVerdict run() throws InterruptedException;
    }
}
