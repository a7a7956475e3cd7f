package io.pra.bench;

import io.pra.bench.proc.Http;
import io.pra.bench.proc.Pause;
import io.pra.bench.proc.ProcStats;
import io.pra.bench.report.Section;
import io.pra.bench.report.Stats.Summary;
import io.pra.bench.loopback.TargetServer;
import io.pra.testkit.launch.BackupLaunch;
import io.pra.testkit.launch.FailoverLaunch;
import io.pra.testkit.launch.LoopbackPorts;
import io.pra.testkit.launch.NotifierLaunch;
import io.pra.testkit.launch.ObserverLaunch;
import io.pra.testkit.launch.ServiceLaunch;
import io.pra.testkit.launch.ServiceProcess;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Comparison 5: each service's start time to ready ({@code /q/health/ready} answers 200, polled every 20 ms, from
 * just before the process is started) and its resident memory at ready and after settling, over several starts,
 * each on a fresh database (Flyway migrates at every start); the JVM's own heap and non-heap figures beside it; the
 * idle RSS with other JVM options; and the RSS the other comparisons saw after their workload.
 */
final class FootprintBench {

    /** The four services, in the report's order. */
    static final List<String> SERVICES = List.of("backup-service", "health-service", "failover-service",
            "notifier-service");
    private static final double OBJECTIVE_MB = 200;

    /** Other JVM options whose idle RSS is measured: what deploy/ gives the JVM, and a lean set a user could pick. */
    private static final List<Variant> VARIANTS = List.of(
            new Variant("deploy/ limit", List.of("-XX:MaxRAM=384m", "-XX:MaxRAMPercentage=80", "-XX:+UseSerialGC")),
            new Variant("lean", List.of("-Xmx96m", "-Xss512k", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-XX:ReservedCodeCacheSize=48m")));

    /** A named set of JVM options. */
    private record Variant(String name, List<String> options) {
    }

    private final BenchContext context;
    private final Duration settle;
    private final boolean quick;

    /** {@code quick}: start the four services at once (start times then compete) and skip the other JVM options. */
    FootprintBench(BenchContext context, Duration settle, boolean quick) {
        this.context = context;
        this.settle = settle;
        this.quick = quick;
    }

    /** One start: seconds to ready, RSS MB at ready and settled, JVM heap and non-heap committed MB settled. */
    private record Sample(double ready, double rssReady, double rssSettled, double heap, double nonHeap) {
    }

    /** Measures a service that answered ready {@code readyNanos} ({@link System#nanoTime()}) after its start. */
    private Sample measure(ServiceProcess started, long readyNanos) {
        double ready = (readyNanos - started.child().startedNanos()) / 1e9;
        double rssReady = ProcStats.rssBytes(started.pid()) / 1e6;
        Pause.of(settle);
        started.child().requireAlive();
        double rss = ProcStats.rssBytes(started.pid()) / 1e6;
        String metrics = started.baseUrl() + "/q/metrics";
        double heap = Http.metricSum(metrics, "jvm_memory_committed_bytes", line -> line.contains("area=\"heap\"")) / 1e6;
        double nonHeap = Http.metricSum(metrics, "jvm_memory_committed_bytes",
                line -> line.contains("area=\"nonheap\"")) / 1e6;
        return new Sample(ready, rssReady, rss, heap, nonHeap);
    }

    private static Summary summary(List<Sample> samples, ToDoubleFunction<Sample> value) {
        return Summary.of(samples.stream().map(value::applyAsDouble).toList());
    }

    Section run(int starts) {
        Map<String, Object> json = new LinkedHashMap<>();
        Map<String, List<Sample>> samples = new LinkedHashMap<>();
        Map<String, Map<String, Sample>> variants = new LinkedHashMap<>();
        SERVICES.forEach(service -> samples.put(service, new ArrayList<>()));
        try (TargetServer target = TargetServer.start()) {
            for (int i = 0; i < starts; i++) {
                if (quick) {
                    context.log("footprint: the four services at once, start %d/%d", i + 1, starts);
                    together("start-" + i, context.jvmOptions(), target).forEach((s, v) -> samples.get(s).add(v));
                } else {
                    for (String service : SERVICES) {
                        context.log("footprint: %s start %d/%d", service, i + 1, starts);
                        try (ServiceProcess started = context.begin(launch(service, "start-" + i, target))) {
                            samples.get(service).add(measure(started, started.awaitReady(BenchContext.READY_BOUND)));
                        }
                    }
                }
            }
            if (!quick) {
                for (Variant variant : VARIANTS) {
                    context.log("footprint: the four services at once with %s", String.join(" ", variant.options()));
                    variants.put(variant.name(), together(variant.name().replaceAll("[^a-z]", ""), variant.options(),
                            target));
                }
            }
        }
        Section section = new Section("footprint", "5. Footprint: start to ready, resident memory");
        section.paragraph("""
                %d starts of each packaged service, %s, JVM options `%s` (the bench's default, `--jvm-opts`), each on \
                a fresh database (backup, failover and notifier run their Flyway migrations at every start). Start to \
                ready = from just before the process starts to the first 200 from `/q/health/ready` (Kafka, and the \
                database where there is one). RSS = `VmRSS` at ready and %d s later, idle; heap and non-heap = the \
                JVM's own `jvm_memory_committed_bytes` at that moment (non-heap: metaspace, code cache, compressed \
                class space; the rest of RSS is thread stacks, GC structures, direct buffers and the JVM itself). \
                Without `-Xms` the JVM starts with a heap of 1/64 of the RAM it sees (the machine's, or `MaxRAM`, or \
                the container limit) and keeps what it has touched. \
                Median (min–max). backup-service watches no site (no Kubernetes API configured); health-service has \
                one HTTP check.""".formatted(starts, quick
                ? "the four at once (smoke size: start times include competing for the CPU)" : "one after the other",
                String.join(" ", context.jvmOptions()), settle.toSeconds()));
        List<List<String>> rows = new ArrayList<>();
        for (String service : SERVICES) {
            List<Sample> values = samples.get(service);
            rows.add(List.of(service, summary(values, Sample::ready).format(2), summary(values, Sample::rssReady)
                    .format(0), summary(values, Sample::rssSettled).format(0), summary(values, Sample::heap).format(0),
                    summary(values, Sample::nonHeap).format(0)));
            Map<String, Object> serviceJson = new LinkedHashMap<>();
            serviceJson.put("secondsToReady", summary(values, Sample::ready).json());
            serviceJson.put("rssMbAtReady", summary(values, Sample::rssReady).json());
            serviceJson.put("rssMbSettled", summary(values, Sample::rssSettled).json());
            serviceJson.put("heapCommittedMb", summary(values, Sample::heap).json());
            serviceJson.put("nonHeapCommittedMb", summary(values, Sample::nonHeap).json());
            json.put(service, serviceJson);
        }
        section.table(List.of("service", "start to ready s", "RSS at ready MB", "RSS settled MB", "heap committed MB",
                "non-heap committed MB"), rows);
        if (!variants.isEmpty()) {
            variantTable(section, json, samples, variants);
        }
        loadedTable(section, json);
        json.put("jvmOptions", context.jvmOptions());
        section.put("services", json);
        return section;
    }

    private void variantTable(Section section, Map<String, Object> json, Map<String, List<Sample>> samples,
            Map<String, Map<String, Sample>> variants) {
        StringBuilder text = new StringBuilder("Idle RSS with other JVM options (one start, the four services at once, "
                + "RSS and heap " + settle.toSeconds() + " s after ready). deploy/ sets no JVM option: the image "
                + "(`src/main/docker/Dockerfile.jvm`, UBI OpenJDK 17 runtime) starts the JVM through `run-java.sh`, "
                + "which caps the heap at a share of the container's memory limit (`JAVA_MAX_MEM_RATIO` → "
                + "`-XX:MaxRAMPercentage`, 80 % in current UBI OpenJDK images, 50 % in older ones); deploy/ gives each "
                + "service a 384 Mi limit (256 Mi request), so *deploy/ limit* below is that heap cap");
        VARIANTS.forEach(variant -> text.append("; *").append(variant.name()).append("*: `")
                .append(String.join(" ", variant.options())).append('`'));
        section.paragraph(text + ".");
        List<String> header = new ArrayList<>(List.of("service", "RSS MB, bench default (median)"));
        variants.keySet().forEach(name -> header.add("RSS MB / heap committed MB, " + name));
        List<List<String>> rows = new ArrayList<>();
        Map<String, Object> variantJson = new LinkedHashMap<>();
        for (String service : SERVICES) {
            List<String> row = new ArrayList<>(List.of(service,
                    summary(samples.get(service), Sample::rssSettled).format(0)));
            Map<String, Object> serviceJson = new LinkedHashMap<>();
            variants.forEach((name, byService) -> {
                Sample sample = byService.get(service);
                row.add(String.format("%.0f / %.0f", sample.rssSettled(), sample.heap()));
                serviceJson.put(name, Map.of("rssMb", sample.rssSettled(), "heapCommittedMb", sample.heap(),
                        "secondsToReady", sample.ready()));
            });
            rows.add(row);
            variantJson.put(service, serviceJson);
        }
        section.table(header, rows);
        Map<String, Object> options = new LinkedHashMap<>();
        VARIANTS.forEach(variant -> options.put(variant.name(), variant.options()));
        variantJson.put("options", options);
        json.put("otherJvmOptions", variantJson);
    }

    private void loadedTable(Section section, Map<String, Object> json) {
        if (context.loadedFootprints().isEmpty()) {
            return;
        }
        section.paragraph("RSS of each service at the end of the comparisons above, after the workload it had seen "
                + "there (same JVM options), against the objective of docs/design.md: ≤ 200 MB RSS per service:");
        List<List<String>> loaded = new ArrayList<>();
        Map<String, Object> loadedJson = new LinkedHashMap<>();
        context.loadedFootprints().forEach((what, bytes) -> {
            double mb = bytes / 1e6;
            loaded.add(List.of(what, String.format("%.0f", mb), mb <= OBJECTIVE_MB ? "met" : "missed"));
            loadedJson.put(what, mb);
        });
        section.table(List.of("service, after", "RSS MB", "≤ 200 MB"), loaded);
        json.put("rssMbAfterLoad", loadedJson);
    }

    /** Starts the four services at once with {@code options} and measures each. */
    private Map<String, Sample> together(String tag, List<String> options, TargetServer target) {
        Map<String, Sample> measured = new LinkedHashMap<>();
        List<ServiceProcess> starting = new ArrayList<>();
        try {
            for (String service : SERVICES) {
                starting.add(context.begin(launch(service, tag, target), options));
            }
            List<Long> ready = new ArrayList<>();
            for (ServiceProcess service : starting) {
                ready.add(service.awaitReady(BenchContext.READY_BOUND));
            }
            for (int s = 0; s < SERVICES.size(); s++) {
                measured.put(SERVICES.get(s), measure(starting.get(s), ready.get(s)));
            }
        } finally {
            starting.forEach(ServiceProcess::close);
        }
        return measured;
    }

    private ServiceLaunch launch(String service, String tag, TargetServer target) {
        String name = "footprint-" + service + "-" + tag;
        String kafka = context.infrastructure().kafka();
        int port = LoopbackPorts.free();
        return switch (service) {
            case "backup-service" -> new BackupLaunch(name, port, kafka,
                    context.infrastructure().database("bench_backup")).instance("bench");
            case "health-service" -> new ObserverLaunch(name, port, kafka).instance("bench-footprint")
                    .observerId("obs-footprint").signingKeys(context.observerKeys("obs-footprint"))
                    .check("bench", "web", ObserverLaunch.Check.http(URI.create(target.url("/footprint"))));
            // No fake sites here to restore onto: the executor stays off (measured as a deciding replica).
            case "failover-service" -> PlayedObservers.countedBy(context, List.of("obs-1", "obs-2", "obs-3"),
                    new FailoverLaunch(name, port, kafka, context.infrastructure().database("bench_failover_fp")))
                    .instance("bench-footprint")
                    .executionEnabled(false);
            case "notifier-service" -> new NotifierLaunch(name, port, kafka,
                    context.infrastructure().database("bench_notifier_fp")).instance("bench-footprint")
                    .slackWebhook(URI.create(target.url("/slack")));
            default -> throw new IllegalArgumentException(service);
        };
    }
}
