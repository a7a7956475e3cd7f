package io.pra.health.service;

import io.pra.health.domain.CheckSnapshot;
import io.pra.health.domain.CheckSpec;
import io.pra.health.domain.CheckTracker;
import io.pra.health.domain.CheckTransition;
import io.pra.health.domain.ProbeOutcome;
import io.pra.health.domain.StartupGrace;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.jboss.logging.Logger;

/**
 * Runs the rounds of one check on Vert.x timers. Round n is due at {@code start + n * interval} (no drift: a slow
 * probe never pushes later rounds back). A round that comes due while the previous probe is still running is skipped
 * and counted as missed, so a hanging target costs only its own rounds and its own timeout.
 */
final class CheckRunner {

    private static final Logger LOG = Logger.getLogger(CheckRunner.class);

    private final CheckSpec spec;
    private final Prober prober;
    private final Vertx vertx;
    private final Clock clock;
    private final HealthMetrics metrics;
    private final BiConsumer<CheckRunner, CheckTransition> onTransition;
    private final CheckTracker tracker;
    private final long intervalNanos;
    private long nextDueNanos;
    private boolean inFlight;
    private boolean stopped;
    private long timerId = -1;

    CheckRunner(CheckSpec spec, StartupGrace grace, Prober prober, Vertx vertx, Clock clock, HealthMetrics metrics,
            BiConsumer<CheckRunner, CheckTransition> onTransition) {
        this.spec = spec;
        this.prober = prober;
        this.vertx = vertx;
        this.clock = clock;
        this.metrics = metrics;
        this.onTransition = onTransition;
        this.tracker = new CheckTracker(spec, grace);
        this.intervalNanos = spec.interval().toNanos();
    }

    /** Starts the rounds; the first one comes at a random point of the first interval, to spread the load. */
    synchronized void start() {
        nextDueNanos = System.nanoTime() + ThreadLocalRandom.current().nextLong(Math.max(1, intervalNanos));
        schedule();
    }

    synchronized void stop() {
        stopped = true;
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
    }

    private void schedule() {
        if (stopped) {
            return;
        }
        long delayMillis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(nextDueNanos - System.nanoTime()));
        timerId = vertx.setTimer(delayMillis, id -> round());
    }

    private void round() {
        synchronized (this) {
            if (stopped) {
                return;
            }
            long now = System.nanoTime();
            long late = now - nextDueNanos;
            long skipped = late > intervalNanos ? late / intervalNanos : 0;
            nextDueNanos += (skipped + 1) * intervalNanos;
            if (skipped > 0) {
                metrics.missedRounds(spec, skipped);
            }
            if (inFlight) {
                metrics.missedRounds(spec, 1);
                schedule();
                return;
            }
            inFlight = true;
            schedule();
        }
        Instant startedAt = clock.instant();
        long start = System.nanoTime();
        Uni<ProbeOutcome> probe = Uni.createFrom().deferred(() -> prober.probe(spec));
        if (!prober.enforcesTimeout()) {
            probe = probe.ifNoItem().after(spec.timeout()).recoverWithItem(() -> ProbeOutcome.fail(null, spec.timeout(),
                    "timed out after " + spec.timeout().toMillis() + " ms", null));
        }
        probe.onFailure().recoverWithItem(error -> ProbeOutcome.fail(null, HttpProber.elapsed(start),
                        HttpProber.describe(error), null))
                .subscribe().with(outcome -> completed(outcome, startedAt, start));
    }

    private void completed(ProbeOutcome outcome, Instant startedAt, long startNanos) {
        Optional<CheckTransition> transition;
        CheckSnapshot afterGrace = null;
        synchronized (this) {
            inFlight = false;
            boolean wasWarmingUp = tracker.warmingUp();
            transition = tracker.record(outcome, startedAt);
            if (wasWarmingUp && !tracker.warmingUp() && !outcome.passed()) {
                afterGrace = tracker.snapshot();
            }
        }
        if (afterGrace != null) {
            LOG.warnf("check still failing after the startup grace site=%s check=%s failures=%d since=%s status=%s",
                    spec.site(), spec.checkId(), afterGrace.consecutiveFailures(), afterGrace.firstFailedAt(),
                    afterGrace.status());
        }
        metrics.probed(spec, outcome.passed(), System.nanoTime() - startNanos);
        transition.ifPresent(change -> onTransition.accept(this, change));
    }

    CheckSpec spec() {
        return spec;
    }

    synchronized CheckSnapshot snapshot() {
        return tracker.snapshot();
    }
}
