package io.pra.failover.execution;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.pra.events.failover.FailoverPhase;
import io.pra.failover.config.FailoverConfig;
import io.pra.failover.cutover.TrafficSwitch;
import io.pra.failover.domain.FailoverRun;
import io.pra.failover.domain.RestoreReport;
import io.pra.failover.domain.SideEffectCheck;
import io.pra.failover.domain.StepVerdict;
import io.pra.failover.k8s.CleanupMarks;
import io.pra.failover.k8s.PraAnnotations;
import io.pra.failover.k8s.SourceFence;
import io.pra.failover.k8s.VeleroRestores;
import io.pra.failover.k8s.WorkloadReadiness;
import io.pra.kit.k8s.SiteClients;

/**
 * What each phase does (DESIGN section 5, point 3). A phase is carried out in two parts so that a crash between
 * them can be tested: {@link #act} makes the phase's effect when it is not there yet (look before create), and
 * {@link #await} waits, within the phase's bound, for the effect to be done. Each part is safe to repeat.
 */
@ApplicationScoped
public class PhaseSteps {

    private final FailoverConfig config;
    private final SiteClients clients;
    private final TrafficSwitch trafficSwitch;
    private final ExecutorService fencing = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "fence-source");
        thread.setDaemon(true);
        return thread;
    });

    PhaseSteps(FailoverConfig config, SiteClients clients, TrafficSwitch trafficSwitch) {
        this.config = config;
        this.clients = clients;
        this.trafficSwitch = trafficSwitch;
    }

    /** The phase's bound. */
    public Duration timeout(FailoverPhase phase) {
        FailoverConfig.Execution execution = config.execution();
        return switch (phase) {
            case FENCE_SOURCE -> execution.fenceTimeout();
            case RESTORE -> execution.restoreTimeout();
            case VERIFY -> execution.verifyTimeout();
            case CUTOVER -> execution.cutoverTimeout();
            default -> throw new IllegalArgumentException(phase + " is not an executable phase");
        };
    }

    /**
     * Makes the phase's effect unless it exists, asking {@code check} right before each side effect; returns the
     * verdict when the phase is already decided by it. {@code left} is what remains of the phase's bound, counted
     * from its recorded start: an executor that resumes a phase after a crash or a takeover does not get it anew.
     */
    public Optional<StepVerdict> act(FailoverPhase phase, FailoverRun run, Duration left, SideEffectCheck check)
            throws InterruptedException {
        return switch (phase) {
            case FENCE_SOURCE -> Optional.of(fence(run, left, check));
            case RESTORE -> {
                restores(run).ensure(PraAnnotations.objectName(run.failoverId()), run.failoverId(), run.epoch(),
                        run.decision().chosenBackup().backupName(), namespaces(), Map.of(), check);
                yield Optional.empty();
            }
            case VERIFY -> Optional.empty();
            case CUTOVER -> Optional.of(trafficSwitch.switchTraffic(run, check));
            default -> throw new IllegalArgumentException(phase + " is not an executable phase");
        };
    }

    /**
     * Waits up to {@code left} for the effect {@link #act} made, asking {@code stillActing} every second so that an
     * abort or a lost lock ends the wait (it throws) instead of waiting out the bound.
     */
    public StepVerdict await(FailoverPhase phase, FailoverRun run, Duration left, SideEffectCheck stillActing)
            throws InterruptedException {
        return switch (phase) {
            case RESTORE -> awaitRestore(restores(run), PraAnnotations.objectName(run.failoverId()), left,
                    stillActing::confirm);
            case VERIFY -> verify(run, namespaces(), left, stillActing::confirm);
            default -> throw new IllegalArgumentException(phase + " has nothing to wait for");
        };
    }

    /**
     * After a run that failed or was aborted once RESTORE began: deletes its Restore on the target if Velero is
     * still working on it (a finished one stays, with Velero's logs, as evidence) and labels the namespaces it
     * restored into for an operator to remove, asking {@code check} before each write. Safe to repeat. Returns
     * what it did.
     */
    public String cleanUp(FailoverRun run, SideEffectCheck check) {
        VeleroRestores restores = restores(run);
        String name = PraAnnotations.objectName(run.failoverId());
        Optional<RestoreReport> restore = restores.current(name);
        String restoreDone;
        if (restore.isEmpty()) {
            restoreDone = "no Restore " + name + " left";
        } else if (restore.get().isFinished()) {
            restoreDone = "Restore " + name + " kept (Velero phase " + restore.get().veleroPhase() + ") for its logs";
        } else {
            check.confirm();
            restores.delete(name);
            restoreDone = "Restore " + name + " deleted (Velero phase " + restore.get().veleroPhase() + ")";
        }
        List<String> marked = new CleanupMarks(clients.client(run.targetSite())).mark(namespaces(), run.failoverId(),
                check);
        return restoreDone + "; " + (marked.isEmpty() ? "no namespace newly marked" : "namespaces " + marked
                + " on site " + run.targetSite() + " labelled " + CleanupMarks.LABEL + "=" + run.failoverId()
                + " for removal");
    }

    /** Waits for a restore and judges it by the partially-failed policy. */
    StepVerdict awaitRestore(VeleroRestores restores, String name, Duration left, Runnable stillWanted)
            throws InterruptedException {
        Optional<RestoreReport> report = restores.awaitFinished(name, left, stillWanted);
        if (report.isEmpty()) {
            String phase = restores.current(name).map(RestoreReport::veleroPhase).orElse("missing");
            return StepVerdict.failed("restore " + name + " did not finish within " + timeout(FailoverPhase.RESTORE)
                    + " (Velero phase " + phase + ")");
        }
        return report.get().judge(name, config.execution().partiallyFailed());
    }

    /** Waits for the workloads of {@code namespaces} on the target site to be ready. */
    StepVerdict verify(FailoverRun run, List<String> namespaces, Duration left, Runnable stillWanted)
            throws InterruptedException {
        WorkloadReadiness readiness = new WorkloadReadiness(clients.client(run.targetSite()));
        Optional<String> late = readiness.awaitReady(namespaces, left, stillWanted);
        if (late.isPresent()) {
            return StepVerdict.failed(late.get());
        }
        return StepVerdict.succeeded(readiness.count(namespaces) + " workloads ready on site " + run.targetSite()
                + " in " + String.join(", ", namespaces));
    }

    VeleroRestores restores(FailoverRun run) {
        return new VeleroRestores(clients.client(run.targetSite()), config.execution().veleroNamespace());
    }

    List<String> namespaces() {
        return config.execution().protectedNamespaces();
    }

    /** Best effort within the fence bound: an unreachable source is recorded and skipped, never waited on. */
    private StepVerdict fence(FailoverRun run, Duration left, SideEffectCheck check) throws InterruptedException {
        Duration bound = config.execution().fenceTimeout();
        if (left.isZero()) {
            return StepVerdict.skipped("the fence's bound of " + bound + " had passed when this executor resumed it; "
                    + "source not fenced");
        }
        CompletableFuture<List<SourceFence.Scaled>> scaling = CompletableFuture.supplyAsync(() -> new SourceFence(
                clients.client(run.sourceSite())).scaleToZero(namespaces(), check), fencing);
        try {
            List<SourceFence.Scaled> scaled = scaling.get(left.toMillis(), TimeUnit.MILLISECONDS);
            return StepVerdict.succeeded("site " + run.sourceSite() + ": " + scaled.size()
                    + " workloads scaled to zero" + (scaled.isEmpty() ? "" : " " + scaled));
        } catch (TimeoutException e) {
            scaling.cancel(true);
            return StepVerdict.skipped("site " + run.sourceSite() + " API did not answer within " + bound
                    + "; source not fenced");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StepRefused refused) {
                throw refused;
            }
            return StepVerdict.skipped("site " + run.sourceSite() + " API refused the fence; source not fenced: "
                    + e.getCause().getMessage());
        }
    }

    @PreDestroy
    void close() {
        fencing.shutdownNow();
    }
}
