package io.pra.bench;

import io.pra.bench.proc.Pause;
import io.pra.bench.proc.PraService;
import io.pra.bench.report.Section;
import io.pra.bench.report.Stats.Summary;
import io.pra.bench.loopback.TargetServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Comparison 5: each service's start time to ready ({@code /q/health/ready} answers 200, polled every 20 ms, from
 * just before the process is started) and its resident memory at ready and after settling, over several starts,
 * each on a fresh database (Flyway migrates at every start); plus the RSS the other comparisons saw under load.
 */
final class FootprintBench {

    private static final List<String> SERVICES = List.of("backup-service", "health-service", "failover-service",
            "notifier-service");

    private final BenchContext context;
    private final Duration settle;
    private final boolean together;

    /** {@code together}: start the four services at once (the smoke size does, to save time; start times then compete). */
    FootprintBench(BenchContext context, Duration settle, boolean together) {
        this.context = context;
        this.settle = settle;
        this.together = together;
    }

    /** Seconds to ready, RSS MB at ready, RSS MB after settling. */
    private double[] measure(PraService started) {
        double ready = started.secondsToReady();
        double rssReady = started.child().rssBytes() / 1e6;
        Pause.of(settle);
        started.child().requireAlive();
        return new double[] {ready, rssReady, started.child().rssBytes() / 1e6};
    }

    private static Summary summary(List<double[]> values, int index) {
        return Summary.of(values.stream().map(value -> value[index]).toList());
    }

    Section run(int starts) {
        List<List<String>> rows = new ArrayList<>();
        Map<String, Object> json = new LinkedHashMap<>();
        Map<String, List<double[]>> figures = new LinkedHashMap<>();
        SERVICES.forEach(service -> figures.put(service, new ArrayList<>()));
        try (TargetServer target = TargetServer.start()) {
            for (int i = 0; i < starts; i++) {
                if (together) {
                    context.log("footprint: the four services at once, start %d/%d", i + 1, starts);
                    List<PraService.Starting> starting = new ArrayList<>();
                    try {
                        for (String service : SERVICES) {
                            starting.add(launch(service, i, target).begin(context.workspace(), context.jvmOptions()));
                        }
                        for (int s = 0; s < SERVICES.size(); s++) {
                            figures.get(SERVICES.get(s)).add(measure(starting.get(s).awaitReady(Duration.ofMinutes(3))));
                        }
                    } finally {
                        starting.forEach(service -> service.child().close());
                    }
                } else {
                    for (String service : SERVICES) {
                        context.log("footprint: %s start %d/%d", service, i + 1, starts);
                        try (PraService started = launch(service, i, target).start(context.workspace(),
                                context.jvmOptions(), Duration.ofMinutes(3))) {
                            figures.get(service).add(measure(started));
                        }
                    }
                }
            }
        }
        for (String service : SERVICES) {
            Summary ready = summary(figures.get(service), 0);
            Summary rssReady = summary(figures.get(service), 1);
            Summary rssSettled = summary(figures.get(service), 2);
            rows.add(List.of(service, ready.format(2), rssReady.format(0), rssSettled.format(0)));
            Map<String, Object> serviceJson = new LinkedHashMap<>();
            serviceJson.put("secondsToReady", ready.json());
            serviceJson.put("rssMbAtReady", rssReady.json());
            serviceJson.put("rssMbSettled", rssSettled.json());
            json.put(service, serviceJson);
        }
        Section section = new Section("footprint", "5. Footprint: start to ready, resident memory");
        section.paragraph("""
                %d starts of each packaged service, %s, JVM options `%s`, each on a fresh database \
                (backup, failover and notifier run their Flyway migrations at every start). Start to ready = from just \
                before the process starts to the first 200 from `/q/health/ready` (Kafka, and the database where \
                there is one). RSS = `VmRSS` at ready and %d s later, idle. Median (min–max). backup-service watches \
                no site (no Kubernetes API configured); health-service has one HTTP check.""".formatted(starts,
                together ? "the four at once (smoke size: start times include competing for the CPU)"
                        : "one after the other",
                String.join(" ", context.jvmOptions()), settle.toSeconds()));
        section.table(List.of("service", "start to ready s", "RSS at ready MB", "RSS settled MB"), rows);
        if (!context.loadedFootprints().isEmpty()) {
            section.paragraph("RSS of services at the end of the comparisons above (under their load):");
            List<List<String>> loaded = new ArrayList<>();
            context.loadedFootprints().forEach((what, bytes) -> loaded.add(List.of(what, String.format("%.0f", bytes / 1e6))));
            section.table(List.of("service, after", "RSS MB"), loaded);
            Map<String, Object> loadedJson = new LinkedHashMap<>();
            context.loadedFootprints().forEach((what, bytes) -> loadedJson.put(what, bytes / 1e6));
            json.put("rssMbAfterLoad", loadedJson);
        }
        json.put("jvmOptions", context.jvmOptions());
        section.put("services", json);
        return section;
    }

    private PraService.Launch launch(String service, int start, TargetServer target) {
        String name = "footprint-" + service + "-" + start;
        PraService.Launch launch = new PraService.Launch(service, name).kafka(context.infrastructure().kafka());
        switch (service) {
            case "backup-service" -> launch.database(context.infrastructure().database("bench_backup"))
                    .set("pra.backup.instance", "bench");
            case "health-service" -> launch.set("pra.health.instance", "bench-footprint")
                    .set("pra.health.observer-id", "obs-footprint")
                    .set("pra.health.sites.bench.checks.web.kind", "http")
                    .set("pra.health.sites.bench.checks.web.url", target.url("/footprint"));
            case "failover-service" -> launch.database(context.infrastructure().database("bench_failover_fp"))
                    .set("pra.failover.instance", "bench-footprint")
                    // No fake sites here to restore onto: the executor stays off (measured as a deciding replica).
                    .set("pra.failover.execution.enabled", "false");
            case "notifier-service" -> launch.database(context.infrastructure().database("bench_notifier_fp"))
                    .set("pra.notifier.instance", "bench-footprint")
                    .set("pra.notifier.channels.slack.url", target.url("/slack"));
            default -> throw new IllegalArgumentException(service);
        }
        return launch;
    }
}
