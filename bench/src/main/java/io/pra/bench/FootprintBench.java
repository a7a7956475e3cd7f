package io.pra.bench;

import io.pra.bench.proc.Pause;
import io.pra.bench.proc.PraService;
import io.pra.bench.report.Section;
import io.pra.bench.report.Stats.Summary;
import io.pra.bench.target.TargetServer;
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

    private final BenchContext context;
    private final Duration settle;

    FootprintBench(BenchContext context, Duration settle) {
        this.context = context;
        this.settle = settle;
    }

    Section run(int starts) {
        List<List<String>> rows = new ArrayList<>();
        Map<String, Object> json = new LinkedHashMap<>();
        try (TargetServer target = TargetServer.start()) {
            for (String service : List.of("backup-service", "health-service", "failover-service", "notifier-service")) {
                List<Double> ready = new ArrayList<>();
                List<Double> rssReady = new ArrayList<>();
                List<Double> rssSettled = new ArrayList<>();
                for (int i = 0; i < starts; i++) {
                    context.log("footprint: %s start %d/%d", service, i + 1, starts);
                    try (PraService started = launch(service, i, target).start(context.workspace(), context.jvmOptions(),
                            Duration.ofMinutes(3))) {
                        ready.add(started.secondsToReady());
                        rssReady.add(started.child().rssBytes() / 1e6);
                        Pause.of(settle);
                        started.child().requireAlive();
                        rssSettled.add(started.child().rssBytes() / 1e6);
                    }
                }
                rows.add(List.of(service, Summary.of(ready).format(2), Summary.of(rssReady).format(0),
                        Summary.of(rssSettled).format(0)));
                Map<String, Object> figures = new LinkedHashMap<>();
                figures.put("secondsToReady", Summary.of(ready).json());
                figures.put("rssMbAtReady", Summary.of(rssReady).json());
                figures.put("rssMbSettled", Summary.of(rssSettled).json());
                json.put(service, figures);
            }
        }
        Section section = new Section("footprint", "5. Footprint: start to ready, resident memory");
        section.paragraph("""
                %d starts of each packaged service, one after the other, JVM options `%s`, each on a fresh database \
                (backup, failover and notifier run their Flyway migrations at every start). Start to ready = from just \
                before the process starts to the first 200 from `/q/health/ready` (Kafka, and the database where \
                there is one). RSS = `VmRSS` at ready and %d s later, idle. Median (min–max). backup-service watches \
                no site (no Kubernetes API configured); health-service has one HTTP check.""".formatted(starts,
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
                    .set("pra.failover.instance", "bench-footprint");
            case "notifier-service" -> launch.database(context.infrastructure().database("bench_notifier_fp"))
                    .set("pra.notifier.instance", "bench-footprint")
                    .set("pra.notifier.channels.slack.url", target.url("/slack"));
            default -> throw new IllegalArgumentException(service);
        }
        return launch;
    }
}
