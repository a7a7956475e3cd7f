package io.pra.health.bench;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pra.events.health.Severity;
import io.pra.health.domain.CheckSpec;
import io.pra.health.domain.DownRule;
import io.pra.health.domain.ProbeOutcome;
import io.pra.health.domain.ProbeKind;
import io.pra.health.domain.ProbeTarget;
import io.pra.health.domain.SitePlan;
import io.pra.health.domain.StartupGrace;
import io.pra.health.service.HealthMetrics;
import io.pra.health.service.HttpProber;
import io.pra.health.service.ObserverIdentity;
import io.pra.health.service.ProbeEngine;
import io.pra.health.service.Prober;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Throughput of the probe engine: N HTTP checks against a local Vert.x target in the same process, at a given
 * interval, for a given duration; prints probes per second achieved and rounds missed. Not a test: run it with
 * {@code ./mvnw -pl health-service test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.pra.health.bench.ProbeThroughputBench -Dexec.args="2000 1s 20s 8"} (checks, interval, measured time, HTTP pool size).
 */
public final class ProbeThroughputBench {

    private ProbeThroughputBench() {
    }

    public static void main(String[] args) throws Exception {
        int checks = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        Duration interval = args.length > 1 ? parse(args[1]) : Duration.ofMillis(500);
        Duration duration = args.length > 2 ? parse(args[2]) : Duration.ofSeconds(20);
        int poolSize = args.length > 3 ? Integer.parseInt(args[3]) : 8;
        Vertx vertx = Vertx.vertx();
        var server = vertx.createHttpServer().requestHandler(request -> request.response().end("ok"))
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        URI url = URI.create("http://127.0.0.1:" + server.actualPort() + "/health");
        List<CheckSpec> specs = new ArrayList<>();
        for (int i = 0; i < checks; i++) {
            specs.add(new CheckSpec("bench", "web-" + i, ProbeKind.HTTP, Severity.CRITICAL, interval, Duration.ofSeconds(2),
                    3, 2, new ProbeTarget.Http("GET", URI.create(url + "?check=" + i), Set.of(200), Optional.empty(),
                            Optional.empty(), true)));
        }
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        AtomicLong events = new AtomicLong();
        Map<String, LongAdder> errors = new ConcurrentHashMap<>();
        HttpProber prober = new HttpProber(vertx, poolSize);
        ProbeEngine engine = new ProbeEngine(List.of(new SitePlan("bench", DownRule.allCritical(), specs)),
                new ObserverIdentity("bench", "local", Duration.ofSeconds(30), Duration.ofSeconds(5)),
                StartupGrace.none(), vertx,
                Clock.systemUTC(), event -> events.incrementAndGet(), new HealthMetrics(registry), check -> tallied(prober, errors));
        engine.start();
        // Warm up for one interval plus two seconds (JIT, connection pool), then measure.
        Thread.sleep(interval.toMillis() + 2_000);
        double before = probes(registry);
        double missedBefore = missed(registry);
        long start = System.nanoTime();
        Thread.sleep(duration.toMillis());
        double seconds = (System.nanoTime() - start) / 1e9;
        double done = probes(registry) - before;
        double missedRounds = missed(registry) - missedBefore;
        engine.stop();
        errors.forEach((error, count) -> System.out.printf("%d probes failed with: %s%n", count.sum(), error));
        double offered = checks * 1000.0 / interval.toMillis();
        System.out.printf("checks=%d interval=%s pool=%d offered=%.0f/s measured=%.0f probes/s over %.1f s, missed rounds=%.0f, "
                + "failed probes=%.0f, events=%d, cores=%d%n", checks, interval, poolSize, offered, done / seconds, seconds,
                missedRounds, failed(registry), events.get(), Runtime.getRuntime().availableProcessors());
        prober.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** The prober, counting failed probes by the start of their error text. */
    private static Prober tallied(Prober prober, Map<String, LongAdder> errors) {
        return new Prober() {
            @Override
            public Uni<ProbeOutcome> probe(CheckSpec check) {
                return prober.probe(check).invoke(outcome -> {
                    if (!outcome.passed()) {
                        String error = outcome.evidence().error();
                        errors.computeIfAbsent(error.substring(0, Math.min(60, error.length())), key -> new LongAdder())
                                .increment();
                    }
                });
            }

            @Override
            public boolean enforcesTimeout() {
                return prober.enforcesTimeout();
            }
        };
    }

    private static double probes(SimpleMeterRegistry registry) {
        return registry.find("pra_probes").counters().stream().mapToDouble(Counter::count).sum();
    }

    private static double failed(SimpleMeterRegistry registry) {
        return registry.find("pra_probes").tag("result", "fail").counters().stream().mapToDouble(Counter::count).sum();
    }

    private static double missed(SimpleMeterRegistry registry) {
        return registry.find("pra_missed_rounds").counters().stream().mapToDouble(Counter::count).sum();
    }

    private static Duration parse(String text) {
        return text.endsWith("ms") ? Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)))
                : Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
    }
}
