package io.pra.bench.proc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pra.testkit.launch.ChildProcess;
import io.pra.testkit.launch.LoopbackPorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The usual stack, run from the Debian packages as child processes on loopback with generated config:
 * blackbox_exporter probing, Prometheus scraping it (and evaluating alert rules), optionally Alertmanagers.
 */
public final class PromStack implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Readiness is asked often: the tools' start-up is part of what the bench waits for. */
    private static final Duration POLL = Duration.ofMillis(20);

    private final List<ChildProcess> children;
    private final int prometheusPort;

    private PromStack(List<ChildProcess> children, int prometheusPort) {
        this.children = children;
        this.prometheusPort = prometheusPort;
    }

    /** One scrape target: the URL blackbox_exporter probes and extra labels of its series. */
    public record Target(String url, Map<String, String> labels) {
    }

    /** What to start. */
    public record Spec(String name, List<Target> targets, Duration interval, Duration probeTimeout,
            String rules, List<String> alertmanagerConfigs) {
    }

    /** Starts blackbox_exporter, the Alertmanagers, then Prometheus; waits until each is ready. */
    public static PromStack start(Tools tools, Workspace workspace, Spec spec) {
        Path dir = workspace.dir(spec.name());
        List<ChildProcess> children = new ArrayList<>();
        try {
            int blackboxPort = LoopbackPorts.free();
            Path blackboxConfig = write(dir.resolve("blackbox.yml"), """
                    modules:
                      http_2xx:
                        prober: http
                        timeout: %dms
                        http:
                          preferred_ip_protocol: ip4
                    """.formatted(spec.probeTimeout().toMillis()));
            ChildProcess blackbox = started(children, spec.name() + "-blackbox", dir, List.of(
                    tools.path(Tools.BLACKBOX).toString(), "--config.file=" + blackboxConfig,
                    "--web.listen-address=127.0.0.1:" + blackboxPort));
            blackbox.awaitHttpOk(local(blackboxPort, "/-/healthy"), Duration.ofSeconds(30), POLL);

            List<String> alertmanagers = new ArrayList<>();
            for (int i = 0; i < spec.alertmanagerConfigs().size(); i++) {
                int port = LoopbackPorts.free();
                Path amDir = workspace.dir(spec.name() + "/am-" + i);
                Path config = write(amDir.resolve("alertmanager.yml"), spec.alertmanagerConfigs().get(i));
                ChildProcess am = started(children, spec.name() + "-alertmanager-" + i, amDir, List.of(
                        tools.path(Tools.ALERTMANAGER).toString(), "--config.file=" + config,
                        "--storage.path=" + amDir.resolve("data"), "--web.listen-address=127.0.0.1:" + port,
                        "--cluster.listen-address="));
                am.awaitHttpOk(local(port, "/-/ready"), Duration.ofSeconds(30), POLL);
                alertmanagers.add("127.0.0.1:" + port);
            }

            int prometheusPort = LoopbackPorts.free();
            Path rules = spec.rules() == null ? null : write(dir.resolve("rules.yml"), spec.rules());
            Path config = write(dir.resolve("prometheus.yml"), prometheusConfig(spec, blackboxPort, alertmanagers, rules));
            ChildProcess prometheus = started(children, spec.name() + "-prometheus", dir, List.of(
                    tools.path(Tools.PROMETHEUS).toString(), "--config.file=" + config,
                    "--storage.tsdb.path=" + dir.resolve("tsdb"), "--web.listen-address=127.0.0.1:" + prometheusPort));
            prometheus.awaitHttpOk(local(prometheusPort, "/-/ready"), Duration.ofSeconds(60), POLL);
            return new PromStack(children, prometheusPort);
        } catch (RuntimeException e) {
            children.forEach(ChildProcess::close);
            throw e;
        }
    }

    /** Starts a tool in {@code dir} (its log there too) and adds it to {@code children}, to be closed with them. */
    private static ChildProcess started(List<ChildProcess> children, String name, Path dir, List<String> command) {
        ChildProcess child = ChildProcess.start(name, command, dir, Map.of(), dir.resolve(name + ".log"));
        children.add(child);
        return child;
    }

    private static URI local(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String prometheusConfig(Spec spec, int blackboxPort, List<String> alertmanagers, Path rules) {
        long interval = spec.interval().toMillis();
        StringBuilder yaml = new StringBuilder();
        yaml.append("global:\n")
                .append("  scrape_interval: ").append(interval).append("ms\n")
                .append("  scrape_timeout: ").append(Math.min(interval, spec.probeTimeout().toMillis() + 500)).append("ms\n")
                .append("  evaluation_interval: ").append(interval).append("ms\n");
        if (rules != null) {
            yaml.append("rule_files: ['").append(rules).append("']\n");
        }
        if (!alertmanagers.isEmpty()) {
            yaml.append("alerting:\n  alertmanagers:\n    - static_configs:\n        - targets: [")
                    .append(String.join(", ", alertmanagers.stream().map(am -> "'" + am + "'").toList()))
                    .append("]\n");
        }
        yaml.append("scrape_configs:\n")
                .append("  - job_name: blackbox\n")
                .append("    metrics_path: /probe\n")
                .append("    params: {module: [http_2xx]}\n")
                .append("    static_configs:\n");
        for (Target target : spec.targets()) {
            yaml.append("      - targets: ['").append(target.url()).append("']\n");
            if (!target.labels().isEmpty()) {
                yaml.append("        labels: {");
                yaml.append(String.join(", ", target.labels().entrySet().stream()
                        .map(label -> label.getKey() + ": '" + label.getValue() + "'").toList()));
                yaml.append("}\n");
            }
        }
        yaml.append("    relabel_configs:\n")
                .append("      - source_labels: [__address__]\n        target_label: __param_target\n")
                .append("      - source_labels: [__param_target]\n        target_label: instance\n")
                .append("      - target_label: __address__\n        replacement: 127.0.0.1:").append(blackboxPort).append("\n");
        return yaml.toString();
    }

    public String prometheusUrl(String path) {
        return "http://127.0.0.1:" + prometheusPort + path;
    }

    /** CPU seconds of all the stack's processes. */
    public double cpuSeconds() {
        return children.stream().mapToDouble(child -> ProcStats.cpuSeconds(child.pid())).sum();
    }

    /** Resident memory of all the stack's processes, in bytes. */
    public long rssBytes() {
        return children.stream().mapToLong(child -> ProcStats.rssBytes(child.pid())).sum();
    }

    /** Sum of the values of an instant query's result vector at the given Unix time (0 when empty). */
    public double query(String promql, double unixSeconds) {
        String url = prometheusUrl("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)
                + "&time=" + String.format("%.3f", unixSeconds));
        try {
            JsonNode result = JSON.readTree(Http.text(url)).path("data").path("result");
            double sum = 0;
            for (JsonNode sample : result) {
                sum += Double.parseDouble(sample.path("value").get(1).asText());
            }
            return sum;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the answer to " + promql, e);
        }
    }

    public void requireAlive() {
        children.forEach(ChildProcess::requireAlive);
    }

    private static Path write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    @Override
    public void close() {
        children.forEach(ChildProcess::close);
    }
}
