package io.pra.health.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.pra.health.domain.CheckSpec;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * The engine's meters: {@code pra_check_up{site,check}}, {@code pra_probe_latency_seconds} (histogram per site and
 * check), {@code pra_site_down{site}}, {@code pra_checks_warming_up{site}}, {@code pra_probes_total{site,result}} (its rate is the probes per second) and
 * {@code pra_missed_rounds_total{site,check}}.
 */
public final class HealthMetrics {

    private final MeterRegistry registry;
    private final Map<String, Timer> latency = new ConcurrentHashMap<>();
    private final Map<String, Counter> probes = new ConcurrentHashMap<>();
    private final Map<String, Counter> missed = new ConcurrentHashMap<>();

    public HealthMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void site(String site, BooleanSupplier down, LongSupplier warmingUp) {
        Gauge.builder("pra_site_down", () -> down.getAsBoolean() ? 1 : 0).tag("site", site)
                .description("1 while this observer sees the site DOWN").register(registry);
        Gauge.builder("pra_checks_warming_up", warmingUp::getAsLong).tag("site", site)
                .description("Checks of the site still in the startup grace: not passed once yet, so their failures "
                        + "cast no vote").register(registry);
    }

    void check(CheckSpec check, BooleanSupplier up) {
        Gauge.builder("pra_check_up", () -> up.getAsBoolean() ? 1 : 0).tag("site", check.site()).tag("check", check.checkId())
                .description("0 while the check is DEGRADED (after hysteresis)").register(registry);
    }

    void probed(CheckSpec check, boolean passed, long nanos) {
        latency.computeIfAbsent(check.key(), key -> Timer.builder("pra_probe_latency").tag("site", check.site())
                .tag("check", check.checkId()).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(30))
                .description("Duration of one probe").register(registry)).record(nanos, TimeUnit.NANOSECONDS);
        String result = passed ? "pass" : "fail";
        probes.computeIfAbsent(check.site() + "|" + result, key -> Counter.builder("pra_probes").tag("site", check.site())
                .tag("result", result).description("Probes run").register(registry)).increment();
    }

    void missedRounds(CheckSpec check, long rounds) {
        missed.computeIfAbsent(check.key(), key -> Counter.builder("pra_missed_rounds").tag("site", check.site())
                .tag("check", check.checkId()).description("Rounds skipped because the previous probe was still running")
                .register(registry)).increment(rounds);
    }
}
