package io.pra.bench;

import io.pra.bench.kafka.EventTap;
import io.pra.bench.proc.Pause;
import io.pra.bench.proc.ProcStats;
import io.pra.bench.proc.PromStack;
import io.pra.bench.report.Section;
import io.pra.bench.report.Stats;
import io.pra.bench.report.Stats.Latency;
import io.pra.bench.loopback.ArrivalSink;
import io.pra.bench.loopback.TargetServer;
import io.pra.events.EventTypes;
import io.pra.events.Topics;
import io.pra.testkit.launch.LoopbackPorts;
import io.pra.testkit.launch.NotifierLaunch;
import io.pra.testkit.launch.ObserverLaunch;
import io.pra.testkit.launch.ServiceProcess;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Comparison 2: one firing condition (a target path starts answering 503) delivered to a webhook sink by PRA
 * (health-service → {@code pra.health.degraded} → notifier-service → Slack channel) and by Prometheus (blackbox probe
 * → rule → Alertmanager → webhook), Alertmanager with the Debian package's default timings and with the fastest
 * sane ones. Both sides probe the same path every interval and fire on its first failed probe, so detection costs
 * both the same; trials are spread out in time and each is its own alert group.
 */
final class AlertBench {

    private static final Duration INTERVAL = Duration.ofSeconds(1);
    private static final Duration TIMEOUT = Duration.ofMillis(500);
    private static final Duration TRIAL_GAP = Duration.ofMillis(150);
    /** The check id and label value of the warm-up alert (no trial's token contains it). */
    private static final String WARM_UP = "warmup";

    private final BenchContext context;

    AlertBench(BenchContext context) {
        this.context = context;
    }

    /** Alertmanager as the Debian package configures it (/etc/prometheus/alertmanager.yml): group_wait 30s. */
    static String defaultAlertmanager(String webhook) {
        return alertmanager(webhook, "30s", "5m", "3h");
    }

    /** The fastest sane Alertmanager: no group wait, one-second group interval. */
    static String fastAlertmanager(String webhook) {
        return alertmanager(webhook, "0s", "1s", "1h");
    }

    private static String alertmanager(String webhook, String groupWait, String groupInterval, String repeat) {
        return """
                route:
                  group_by: ['alertname', 'cluster', 'service']
                  group_wait: %s
                  group_interval: %s
                  repeat_interval: %s
                  receiver: sink
                receivers:
                  - name: sink
                    webhook_configs:
                      - url: '%s'
                        send_resolved: false
                """.formatted(groupWait, groupInterval, repeat, webhook);
    }

    Section run(int trials) {
        List<Double> pra = new ArrayList<>();
        List<Double> praNotify = new ArrayList<>();
        List<Double> amDefault = new ArrayList<>();
        List<Double> amFast = new ArrayList<>();
        List<Double> defaultOverPra = new ArrayList<>();
        List<Double> fastOverPra = new ArrayList<>();
        List<Map<String, Object>> perTrial = new ArrayList<>();
        int[] lost = new int[3];
        try (TargetServer target = TargetServer.start(); ArrivalSink sink = ArrivalSink.start()) {
            String kafka = context.infrastructure().kafka();
            List<PromStack.Target> targets = new ArrayList<>();
            ObserverLaunch health = new ObserverLaunch("alert-health", LoopbackPorts.free(), kafka)
                    .instance("bench-alert").observerId("obs-alert").signingKeys(context.observerKeys("obs-alert"));
            check(health, "steady", target.url("/a/steady"));
            check(health, WARM_UP, target.url("/a/" + WARM_UP));
            targets.add(new PromStack.Target(target.url("/a/" + WARM_UP), Map.of("service", WARM_UP)));
            for (int i = 0; i < trials; i++) {
                String token = token(i);
                check(health, token, target.url("/a/" + token));
                targets.add(new PromStack.Target(target.url("/a/" + token), Map.of("service", token)));
            }
            NotifierLaunch notifier = new NotifierLaunch("alert-notifier", LoopbackPorts.free(), kafka,
                    context.infrastructure().database("bench_notifier")).instance("bench-alert")
                    .slackWebhook(URI.create(sink.url("/slack")));
            String rules = """
                    groups:
                      - name: bench
                        rules:
                          - alert: BenchTargetDown
                            expr: probe_success == 0
                            labels:
                              severity: critical
                    """;
            context.log("alert: starting notifier-service, health-service (%d checks), Prometheus, blackbox_exporter, "
                    + "2 Alertmanagers", trials + 1);
            ServiceProcess notifierStarting = context.begin(notifier);
            ServiceProcess healthStarting;
            try {
                healthStarting = context.begin(health);
            } catch (RuntimeException e) {
                notifierStarting.close();
                throw e;
            }
            try (ServiceProcess notifierService = BenchContext.ready(notifierStarting);
                    ServiceProcess healthService = BenchContext.ready(healthStarting);
                    PromStack stack = PromStack.start(context.tools(), context.workspace(), new PromStack.Spec("alert-stack",
                            targets, INTERVAL, TIMEOUT, rules, List.of(defaultAlertmanager(sink.url("/am-default")),
                                    fastAlertmanager(sink.url("/am-fast")))));
                    EventTap healthEvents = new EventTap(kafka, Topics.HEALTH)) {
                // Let both sides see every path healthy a few times before the first trial.
                Pause.of(INTERVAL.multipliedBy(4));
                warmUp(target, sink);
                long[] fired = new long[trials];
                for (int i = 0; i < trials; i++) {
                    fired[i] = System.nanoTime();
                    target.mode("/a/" + token(i), TargetServer.Mode.FAIL);
                    Pause.of(TRIAL_GAP);
                }
                context.log("alert: %d trials fired, waiting for the notifications (Alertmanager default waits 30 s)", trials);
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (System.nanoTime() < deadline && !allArrived(sink, trials)) {
                    Pause.millis(250);
                }
                healthService.child().requireAlive();
                notifierService.child().requireAlive();
                stack.requireAlive();
                context.footprintAfterLoad("notifier-service, after " + trials + " notifications to the Slack sink (part 2)",
                        ProcStats.rssBytes(notifierService.pid()));
                List<ArrivalSink.Arrival> arrivals = sink.arrivals();
                List<EventTap.Seen> events = healthEvents.seen();
                for (int i = 0; i < trials; i++) {
                    String token = token(i);
                    long t0 = fired[i];
                    Optional<Long> slack = first(arrivals, "/slack", token, t0);
                    Optional<EventTap.Seen> degradedEvent = events.stream()
                            .filter(e -> e.attributes().type().equals(EventTypes.HEALTH_DEGRADED))
                            .filter(e -> e.body().contains("\"" + token + "\"") && e.nanos() >= t0)
                            .findFirst();
                    Optional<Long> degraded = degradedEvent.map(EventTap.Seen::nanos);
                    Optional<Long> def = first(arrivals, "/am-default", "\"service\":\"" + token + "\"", t0);
                    Optional<Long> fast = first(arrivals, "/am-fast", "\"service\":\"" + token + "\"", t0);
                    slack.ifPresentOrElse(at -> pra.add(ms(at - t0)), () -> lost[0]++);
                    if (slack.isPresent() && degraded.isPresent()) {
                        praNotify.add(ms(slack.get() - degraded.get()));
                    }
                    perTrial.add(trial(i, t0 - fired[0], slack.map(at -> at - t0), degradedEvent, slack,
                            def.map(at -> at - t0), fast.map(at -> at - t0)));
                    def.ifPresentOrElse(at -> amDefault.add(ms(at - t0)), () -> lost[1]++);
                    fast.ifPresentOrElse(at -> amFast.add(ms(at - t0)), () -> lost[2]++);
                    if (slack.isPresent() && def.isPresent()) {
                        defaultOverPra.add((double) (def.get() - t0) / (slack.get() - t0));
                    }
                    if (slack.isPresent() && fast.isPresent()) {
                        fastOverPra.add((double) (fast.get() - t0) / (slack.get() - t0));
                    }
                }
            }
        }
        Latency praLatency = Latency.ofMillis(pra, lost[0]);
        Latency notifyLatency = Latency.ofMillis(praNotify, 0);
        Latency defaultLatency = Latency.ofMillis(amDefault, lost[1]);
        Latency fastLatency = Latency.ofMillis(amFast, lost[2]);
        Section section = new Section("alert", "2. Alert to notification: PRA vs Prometheus + Alertmanager");
        section.paragraph("""
                %d trials: at a known instant one target path starts answering 503; latency = from that instant to the \
                arrival of the notification at the bench's webhook sink (one HTTP server recording arrival times). \
                Both sides probe every path every %d s with a %d ms timeout and fire on the first failed probe: PRA \
                `failure-threshold=1` (critical checks, plus one steady check so the site itself never goes DOWN), \
                Prometheus rule `probe_success == 0` without `for`, scrape and evaluation interval %d s. \
                Alertmanager *default*: the Debian package's timings (`group_by [alertname, cluster, service]`, \
                group_wait 30s, group_interval 5m); *fastest*: group_wait 0s, group_interval 1s. Each trial has its \
                own `service` label, so it is the first alert of its group (the best case of the default). All \
                processes run at once; one warm-up alert through both sides first (not counted: it waits for \
                notifier-service's Kafka consumer to get its partitions and opens the webhook connections); trials \
                start %d ms apart. *PRA notify only*: `pra.health.degraded` consumed from Kafka by the bench → Slack \
                post received (the notifier's share).""".formatted(trials,
                INTERVAL.toSeconds(), TIMEOUT.toMillis(), INTERVAL.toSeconds(), TRIAL_GAP.toMillis()));
        section.table(List.of("path", "p50 ms", "p99 ms", "min ms", "max ms", "delivered / trials"), List.of(
                latencyRow("PRA: health-service → Kafka → notifier-service → Slack webhook", praLatency, trials),
                latencyRow("PRA notify only: degraded event → Slack webhook", notifyLatency, praNotify.size()),
                latencyRow("Prometheus → Alertmanager (Debian default) → webhook", defaultLatency, trials),
                latencyRow("Prometheus → Alertmanager (group_wait 0s) → webhook", fastLatency, trials)));
        section.paragraph("Ratios per trial (same trial, same instant), median (min–max): Alertmanager default ÷ PRA = "
                + (defaultOverPra.isEmpty() ? "n/a" : Stats.Summary.of(defaultOverPra).format(1))
                + "; Alertmanager fastest ÷ PRA = "
                + (fastOverPra.isEmpty() ? "n/a" : Stats.Summary.of(fastOverPra).format(2)) + ".");
        section.put("trials", trials);
        section.put("intervalSeconds", INTERVAL.toMillis() / 1000.0);
        section.put("pra", praLatency.json());
        section.put("praNotifyOnly", notifyLatency.json());
        section.put("alertmanagerDefault", defaultLatency.json());
        section.put("alertmanagerFastest", fastLatency.json());
        Map<String, Object> ratios = new LinkedHashMap<>();
        ratios.put("alertmanagerDefaultOverPra", defaultOverPra.isEmpty() ? null : Stats.Summary.of(defaultOverPra).json());
        ratios.put("alertmanagerFastestOverPra", fastOverPra.isEmpty() ? null : Stats.Summary.of(fastOverPra).json());
        section.put("ratios", ratios);
        section.put("perTrial", perTrial);
        return section;
    }

    /**
     * One trial's figures for the JSON report, so that an outlier can be traced: when it started (ms after the
     * first trial), each path's latency, and the id of the degraded event (to find in notifier-service's log).
     */
    private static Map<String, Object> trial(int index, long startNanos, Optional<Long> praNanos,
            Optional<EventTap.Seen> degraded, Optional<Long> slackAt, Optional<Long> defaultNanos,
            Optional<Long> fastNanos) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("trial", index);
        json.put("startMs", Math.round(ms(startNanos)));
        json.put("praMs", praNanos.map(n -> (Object) Math.round(ms(n))).orElse(null));
        json.put("notifyOnlyMs", degraded.isPresent() && slackAt.isPresent()
                ? Math.round(ms(slackAt.get() - degraded.get().nanos())) : null);
        json.put("degradedEventId", degraded.map(e -> e.attributes().id()).orElse(null));
        json.put("alertmanagerDefaultMs", defaultNanos.map(n -> (Object) Math.round(ms(n))).orElse(null));
        json.put("alertmanagerFastestMs", fastNanos.map(n -> (Object) Math.round(ms(n))).orElse(null));
        return json;
    }

    /**
     * One alert through both sides before the trials, not counted. A service is ready before its Kafka consumer has
     * its partitions (the group's first rebalance waits group.initial.rebalance.delay.ms, then the join), and the
     * first webhook call opens the connection and runs cold code: on a loaded machine the first trials waited up to
     * 2.3 s for that, a start-up cost, not the notification path's. Alertmanager gets the same warm-up.
     */
    private void warmUp(TargetServer target, ArrivalSink sink) {
        long started = System.nanoTime();
        target.mode("/a/" + WARM_UP, TargetServer.Mode.FAIL);
        long deadline = started + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline && (first(sink.arrivals(), "/slack", WARM_UP, started).isEmpty()
                || first(sink.arrivals(), "/am-fast", "\"service\":\"" + WARM_UP + "\"", started).isEmpty())) {
            Pause.millis(50);
        }
        if (System.nanoTime() >= deadline) {
            throw new IllegalStateException("the warm-up alert did not reach the sink from both PRA and Alertmanager "
                    + "within 60 s");
        }
        context.log("alert: warm-up alert delivered by both sides in %.0f ms; starting the trials",
                ms(System.nanoTime() - started));
    }

    private static void check(ObserverLaunch health, String id, String url) {
        health.check("bench", id, ObserverLaunch.Check.http(URI.create(url)).every(INTERVAL, TIMEOUT).thresholds(1, 1));
    }

    /** A check id and label value no other trial's contains. */
    static String token(int trial) {
        return "k" + trial + "z";
    }

    private static boolean allArrived(ArrivalSink sink, int trials) {
        List<ArrivalSink.Arrival> arrivals = sink.arrivals();
        for (int i = 0; i < trials; i++) {
            String token = token(i);
            if (first(arrivals, "/slack", token, 0).isEmpty()
                    || first(arrivals, "/am-default", "\"service\":\"" + token + "\"", 0).isEmpty()
                    || first(arrivals, "/am-fast", "\"service\":\"" + token + "\"", 0).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private static Optional<Long> first(List<ArrivalSink.Arrival> arrivals, String path, String needle, long after) {
        return arrivals.stream().filter(a -> a.path().equals(path) && a.nanos() >= after && a.body().contains(needle))
                .map(ArrivalSink.Arrival::nanos).findFirst();
    }

    private static List<String> latencyRow(String path, Latency latency, int trials) {
        return List.of(path, fmt(latency.p50()), fmt(latency.p99()), fmt(latency.min()), fmt(latency.max()),
                latency.trials() + " / " + trials);
    }

    static String fmt(double millis) {
        return Double.isNaN(millis) ? "n/a" : String.format("%.0f", millis);
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
