package io.pra.bench;

import io.pra.bench.proc.Http;
import io.pra.bench.proc.Pause;
import io.pra.bench.proc.ProcStats;
import io.pra.bench.proc.PromStack;
import io.pra.bench.report.Section;
import io.pra.bench.report.Stats.Summary;
import io.pra.bench.loopback.TargetServer;
import io.pra.testkit.launch.LoopbackPorts;
import io.pra.testkit.launch.ObserverLaunch;
import io.pra.testkit.launch.ServiceProcess;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * Comparison 1: N HTTP checks against the one local target, PRA's health-service (the packaged service) against
 * blackbox_exporter scraped by Prometheus at the same interval and timeout. Each side runs alone: start, warm up for
 * one interval plus a few seconds, then several back-to-back measurement windows. Probes are counted where they
 * land (the target), so both sides are measured the same way.
 */
final class ProbingBench {

    private static final Predicate<String> FAILED = line -> line.contains("result=\"fail\"");

    private final BenchContext context;

    ProbingBench(BenchContext context) {
        this.context = context;
    }

    /** One window of one side. */
    record Window(double probesPerSecond, double offeredPerSecond, long late, long missed, double cpuSeconds,
            double rssMb) {
        double cpuMsPerThousandProbes(double seconds) {
            return cpuSeconds * 1000 / (probesPerSecond * seconds / 1000);
        }
    }

    /** A side's windows and what it reported itself over the whole run. */
    record SideRun(List<Window> windows, double selfReportedMissed, double failedProbes, String selfReportNote) {
    }

    Section run(List<Integer> sizes, List<Duration> intervals, int windows) {
        Section section = new Section("probing", "1. Probing: health-service vs blackbox_exporter + Prometheus");
        List<List<String>> rows = new ArrayList<>();
        List<List<String>> ratios = new ArrayList<>();
        List<Object> json = new ArrayList<>();
        try (TargetServer target = TargetServer.start()) {
            for (int size : sizes) {
                for (Duration interval : intervals) {
                    Duration window = Duration.ofMillis(Math.max(context.minWindow().toMillis(), 2 * interval.toMillis()));
                    Duration timeout = interval.compareTo(Duration.ofSeconds(6)) >= 0 ? Duration.ofSeconds(3)
                            : interval.dividedBy(2);
                    context.log("probing: %d checks every %s, PRA side", size, seconds(interval));
                    SideRun pra = pra(target, size, interval, timeout, window, windows);
                    context.log("probing: %d checks every %s, blackbox_exporter + Prometheus side", size, seconds(interval));
                    SideRun blackbox = blackbox(target, size, interval, timeout, window, windows);
                    rows.add(row(size, interval, "PRA health-service", pra, window));
                    rows.add(row(size, interval, "blackbox_exporter + Prometheus", blackbox, window));
                    ratios.add(ratioRow(size, interval, pra, blackbox));
                    json.add(json(size, interval, timeout, window, pra, blackbox));
                }
            }
        }
        section.paragraph("""
                Each side runs alone against the same Vert.x target (200 on `/p/<i>`), with the same interval and \
                probe timeout (3 s at 10 s, half the interval below 6 s). PRA: the packaged health-service with N \
                `http` checks (default hysteresis, HTTP pool 8). Usual stack: blackbox_exporter `http` module, \
                Prometheus scraping it once per target per interval (its TSDB included: that is how it is run). \
                After one interval plus 3 s of warm-up, %d back-to-back windows of max(%d s, 2 intervals) are \
                measured; each cell is the median (min–max) over the windows. Probes/s is counted at the target; \
                *late* = probes of a path that came more than 1.5 intervals after the previous one, *missed* = rounds \
                those gaps skipped. CPU = user+system seconds of the side's processes (`/proc/<pid>/stat`: \
                health-service; prometheus + blackbox_exporter) per window; failed probes over the windows (PRA \
                `pra_probes_total{result="fail"}`, stack `probe_success` or `up` at 0); RSS (`VmRSS`) at the end of each window. \
                *Self-reported*: `pra_missed_rounds_total` over the windows for PRA; for Prometheus the p99 of \
                `prometheus_target_interval_length_seconds` minus the interval (scrape lateness, s).""".formatted(
                windows, context.minWindow().toSeconds()));
        section.table(List.of("checks", "interval", "side", "probes/s (offered)", "late", "missed rounds",
                "self-reported", "failed probes", "CPU s/window", "CPU ms per 1000 probes", "RSS MB"), rows);
        section.paragraph("Ratios, window by window in the same run (median, min–max): PRA over the usual stack for "
                + "probes/s; the usual stack over PRA for CPU and RSS (above 1 = PRA uses less).");
        section.table(List.of("checks", "interval", "probes/s PRA ÷ stack", "CPU stack ÷ PRA", "RSS stack ÷ PRA"), ratios);
        section.put("runs", json);
        return section;
    }

    private SideRun pra(TargetServer target, int size, Duration interval, Duration timeout, Duration window, int windows) {
        ObserverLaunch launch = new ObserverLaunch("probing-pra-" + size + "-" + interval.toMillis(),
                LoopbackPorts.free(), context.infrastructure().kafka()).instance("bench-probing").observerId("obs-bench")
                .signingKeys(context.observerKeys("obs-bench"));
        for (int i = 0; i < size; i++) {
            launch.check("bench", "c" + i, ObserverLaunch.Check.http(URI.create(target.url("/p/" + i)))
                    .every(interval, timeout));
        }
        try (ServiceProcess health = BenchContext.ready(context.begin(launch))) {
            String metrics = health.baseUrl() + "/q/metrics";
            // Read before the first window and after the last: a scrape of thousands of checks costs CPU too.
            double[] before = new double[2];
            List<Window> measured = measure(target, size, interval, window, windows,
                    () -> ProcStats.cpuSeconds(health.pid()), () -> ProcStats.rssBytes(health.pid()),
                    () -> health.child().requireAlive(), () -> {
                        before[0] = Http.metricSum(metrics, "pra_missed_rounds_total", line -> true);
                        before[1] = Http.metricSum(metrics, "pra_probes_total", FAILED);
                    });
            context.footprintAfterLoad("health-service, " + size + " checks every " + seconds(interval) + " (part 1)",
                    ProcStats.rssBytes(health.pid()));
            double missed = Http.metricSum(metrics, "pra_missed_rounds_total", line -> true) - before[0];
            double failed = Http.metricSum(metrics, "pra_probes_total", FAILED) - before[1];
            return new SideRun(measured, missed, failed, "pra_missed_rounds_total over the windows");
        }
    }

    private SideRun blackbox(TargetServer target, int size, Duration interval, Duration timeout, Duration window,
            int windows) {
        List<PromStack.Target> targets = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            targets.add(new PromStack.Target(target.url("/p/" + i), Map.of()));
        }
        PromStack.Spec spec = new PromStack.Spec("probing-stack-" + size + "-" + interval.toMillis(), targets, interval,
                timeout, null, List.of());
        try (PromStack stack = PromStack.start(context.tools(), context.workspace(), spec)) {
            double[] start = new double[1];
            List<Window> measured = measure(target, size, interval, window, windows, stack::cpuSeconds, stack::rssBytes,
                    stack::requireAlive, () -> start[0] = System.currentTimeMillis() / 1000.0);
            double now = System.currentTimeMillis() / 1000.0;
            String range = "[" + Math.max(1, Math.round(now - start[0])) + "s]";
            double failed = stack.query("sum(count_over_time(probe_success" + range + ")) - sum(sum_over_time(probe_success"
                    + range + "))", now) + stack.query("sum(count_over_time(up" + range + ")) - sum(sum_over_time(up"
                    + range + "))", now);
            double lateness = Http.metricSum(stack.prometheusUrl("/metrics"), "prometheus_target_interval_length_seconds",
                    line -> line.contains("quantile=\"0.99\"")) - interval.toMillis() / 1000.0;
            return new SideRun(measured, lateness, failed, "p99 scrape interval minus the interval, s");
        }
    }

    private List<Window> measure(TargetServer target, int size, Duration interval, Duration window, int windows,
            DoubleSupplier cpu, LongSupplier rss, Runnable alive, Runnable beforeWindows) {
        TargetServer.RoundTracker rounds = target.trackRounds(size, interval.toNanos());
        Pause.of(interval.plusSeconds(3));
        alive.run();
        beforeWindows.run();
        rounds.startCounting();
        List<Window> measured = new ArrayList<>();
        for (int w = 0; w < windows; w++) {
            double cpu0 = cpu.getAsDouble();
            long requests0 = target.requests();
            long late0 = rounds.late();
            long missed0 = rounds.missed();
            long t0 = System.nanoTime();
            Pause.of(window);
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpuSeconds = cpu.getAsDouble() - cpu0;
            long requests = target.requests() - requests0;
            measured.add(new Window(requests / seconds, size / (interval.toMillis() / 1000.0), rounds.late() - late0,
                    rounds.missed() - missed0, cpuSeconds, rss.getAsLong() / 1e6));
            alive.run();
        }
        return measured;
    }

    private static List<String> row(int size, Duration interval, String side, SideRun run, Duration window) {
        double seconds = window.toMillis() / 1000.0;
        return List.of(Integer.toString(size), seconds(interval), side,
                summary(run.windows(), Window::probesPerSecond).format(0) + " (" + Math.round(run.windows().get(0)
                        .offeredPerSecond()) + ")",
                summary(run.windows(), w -> w.late()).format(0),
                summary(run.windows(), w -> w.missed()).format(0),
                String.format("%.2f", run.selfReportedMissed()),
                String.format("%.0f", run.failedProbes()),
                summary(run.windows(), Window::cpuSeconds).format(2),
                summary(run.windows(), w -> w.cpuMsPerThousandProbes(seconds)).format(1),
                summary(run.windows(), Window::rssMb).format(0));
    }

    private static List<String> ratioRow(int size, Duration interval, SideRun pra, SideRun stack) {
        return List.of(Integer.toString(size), seconds(interval),
                pairwise(pra, stack, (p, s) -> p.probesPerSecond() / s.probesPerSecond()).format(2),
                pairwise(pra, stack, (p, s) -> s.cpuSeconds() / p.cpuSeconds()).format(2),
                pairwise(pra, stack, (p, s) -> s.rssMb() / p.rssMb()).format(2));
    }

    private Map<String, Object> json(int size, Duration interval, Duration timeout, Duration window, SideRun pra,
            SideRun stack) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("checks", size);
        json.put("intervalSeconds", interval.toMillis() / 1000.0);
        json.put("timeoutSeconds", timeout.toMillis() / 1000.0);
        json.put("windowSeconds", window.toMillis() / 1000.0);
        json.put("offeredProbesPerSecond", size / (interval.toMillis() / 1000.0));
        json.put("pra", sideJson(pra, window));
        json.put("blackboxPrometheus", sideJson(stack, window));
        Map<String, Object> ratio = new LinkedHashMap<>();
        ratio.put("probesPerSecondPraOverStack", pairwise(pra, stack, (p, s) -> p.probesPerSecond() / s.probesPerSecond()).json());
        ratio.put("cpuStackOverPra", pairwise(pra, stack, (p, s) -> s.cpuSeconds() / p.cpuSeconds()).json());
        ratio.put("rssStackOverPra", pairwise(pra, stack, (p, s) -> s.rssMb() / p.rssMb()).json());
        json.put("ratios", ratio);
        return json;
    }

    private static Map<String, Object> sideJson(SideRun run, Duration window) {
        double seconds = window.toMillis() / 1000.0;
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("probesPerSecond", summary(run.windows(), Window::probesPerSecond).json());
        json.put("lateProbes", summary(run.windows(), w -> w.late()).json());
        json.put("missedRounds", summary(run.windows(), w -> w.missed()).json());
        json.put("cpuSecondsPerWindow", summary(run.windows(), Window::cpuSeconds).json());
        json.put("cpuMsPerThousandProbes", summary(run.windows(), w -> w.cpuMsPerThousandProbes(seconds)).json());
        json.put("rssMb", summary(run.windows(), Window::rssMb).json());
        json.put("selfReported", run.selfReportedMissed());
        json.put("selfReportedMeaning", run.selfReportNote());
        json.put("failedProbes", run.failedProbes());
        return json;
    }

    private static Summary summary(List<Window> windows, ToDoubleFunction<Window> figure) {
        return Summary.of(windows.stream().map(figure::applyAsDouble).toList());
    }

    private static Summary pairwise(SideRun pra, SideRun stack, BiFunction<Window, Window, Double> ratio) {
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < Math.min(pra.windows().size(), stack.windows().size()); i++) {
            values.add(ratio.apply(pra.windows().get(i), stack.windows().get(i)));
        }
        return Summary.of(values);
    }

    private static String seconds(Duration interval) {
        return interval.toMillis() % 1000 == 0 ? interval.toSeconds() + " s" : interval.toMillis() + " ms";
    }
}
