package io.pra.failover.execution;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.pra.events.failover.FailoverPhase;
import io.pra.events.failover.PhaseDuration;

/**
 * Execution metrics: {@code pra_failover_phase_seconds{phase}}, the last measured {@code pra_failover_rto_seconds}
 * and {@code pra_failover_rpo_seconds}, {@code pra_failover_epoch{site}} and {@code pra_failover_runs_total{outcome}}
 * (read from the database, so every replica reports the same totals and a restart loses none).
 */
@ApplicationScoped
public class ExecutionMetrics {

    private final MeterRegistry registry;
    private final AtomicReference<Double> rto = new AtomicReference<>(Double.NaN);
    private final AtomicReference<Double> rpo = new AtomicReference<>(Double.NaN);
    private final Map<String, AtomicLong> epochs = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> activeRuns = new ConcurrentHashMap<>();
    private final Map<FailoverPhase, AtomicLong> runs = new ConcurrentHashMap<>();

    ExecutionMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("pra.failover.rto.seconds", rto, AtomicReference::get)
                .description("RTO of the last completed failover: cutover done - disaster start").register(registry);
        Gauge.builder("pra.failover.rpo.seconds", rpo, AtomicReference::get)
                .description("RPO of the last completed failover: disaster start - backup start").register(registry);
        for (FailoverPhase outcome : new FailoverPhase[] {FailoverPhase.COMPLETED, FailoverPhase.FAILED,
                FailoverPhase.ABORTED}) {
            AtomicLong count = new AtomicLong();
            runs.put(outcome, count);
            FunctionCounter.builder("pra.failover.runs", count, AtomicLong::get)
                    .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                    .description("Failover runs ended, by outcome").register(registry);
        }
    }

    /** Records the durations of a run's finished phases. */
    void phases(Iterable<PhaseDuration> durations) {
        durations.forEach(this::phase);
    }

    void phase(PhaseDuration duration) {
        Timer.builder("pra.failover.phase").tag("phase", duration.phase().name())
                .description("Duration of failover phases").register(registry).record(duration.duration());
    }

    void completed(Duration achievedRto, Duration achievedRpo) {
        rto.set(seconds(achievedRto));
        rpo.set(seconds(achievedRpo));
    }

    /**
     * The site's current epoch, when its run not over was decided (none: 0) and the run totals by outcome, as last
     * read from the database.
     */
    void observed(String site, long epoch, Instant activeRunDecidedAt, Map<FailoverPhase, Long> totals) {
        epochs.computeIfAbsent(site, key -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("pra.failover.epoch", value, AtomicLong::get).tag("site", key)
                    .description("Current failover epoch of the site").register(registry);
            return value;
        }).set(epoch);
        activeRuns.computeIfAbsent(site, key -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("pra.failover.active.run.decided.seconds", value, AtomicLong::get).tag("site", key)
                    .description("Unix time the site's run not over was decided at; 0 when no run is active")
                    .register(registry);
            return value;
        }).set(activeRunDecidedAt == null ? 0 : activeRunDecidedAt.getEpochSecond());
        runs.forEach((outcome, count) -> count.set(totals.getOrDefault(outcome, 0L)));
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
