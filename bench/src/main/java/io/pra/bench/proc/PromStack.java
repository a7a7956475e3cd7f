package io.pra.bench.proc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
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

    private final List<Child> children;
    private final int prometheusPort;

    private PromStack(List<Child> children, int prometheusPort) {
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
        List<Child> children = new ArrayList<>();
        try {
            int blackboxPort = Ports.free();
            Path blackboxConfig = write(dir.resolve("blackbox.yml"), """
                    modules:
                      http_2xx:
                        prober: http
                        timeout: %dms
                        http:
                          preferred_ip_protocol: ip4
                    """.formatted(spec.probeTimeout().toMillis()));
            Child blackbox = Child.start(spec.name() + "-blackbox", List.of(tools.path(Tools.BLACKBOX).toString(),
                    "--config.file=" + blackboxConfig, "--web.listen-address=127.0.0.1:" + blackboxPort), dir, Map.of());
            children.add(blackbox);
            Http.awaitOk("http://127.0.0.1:" + blackboxPort + "/-/healthy", blackbox, Duration.ofSeconds(30));

            List<String> alertmanagers = new ArrayList<>();
            for (int i = 0; i < spec.alertmanagerConfigs().size(); i++) {
                int port = Ports.free();
                Path amDir = workspace.dir(spec.name() + "/am-" + i);
                Path config = write(amDir.resolve("alertmanager.yml"), spec.alertmanagerConfigs().get(i));
                Child am = Child.start(spec.name() + "-alertmanager-" + i, List.of(tools.path(Tools.ALERTMANAGER).toString(),
                        "--config.file=" + config, "--storage.path=" + amDir.resolve("data"),
                        "--web.listen-address=127.0.0.1:" + port, "--cluster.listen-address="), amDir, Map.of());
                children.add(am);
                Http.awaitOk("http://127.0.0.1:" + port + "/-/ready", am, Duration.ofSeconds(30));
                alertmanagers.add("127.0.0.1:" + port);
            }

            int prometheusPort = Ports.free();
            Path rules = spec.rules() == null ? null : write(dir.resolve("rules.yml"), spec.rules());
            Path config = write(dir.resolve("prometheus.yml"), prometheusConfig(spec, blackboxPort, alertmanagers, rules));
            Child prometheus = Child.start(spec.name() + "-prometheus", List.of(tools.path(Tools.PROMETHEUS).toString(),
                    "--config.file=" + config, "--storage.tsdb.path=" + dir.resolve("tsdb"),
                    "--web.listen-address=127.0.0.1:" + prometheusPort), dir, Map.of());
            children.add(prometheus);
            Http.awaitOk("http://127.0.0.1:" + prometheusPort + "/-/ready", prometheus, Duration.ofSeconds(60));
            return new PromStack(children, prometheusPort);
        } catch (RuntimeException e) {
            children.forEach(Child::close);
            throw e;
        }
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

    /** Prometheus, blackbox_exporter, then the Alertmanagers. */
    public List<Child> children() {
        return children;
    }

    public String prometheusUrl(String path) {
        return "http://127.0.0.1:" + prometheusPort + path;
    }

    /** CPU seconds of all the stack's processes. */
    public double cpuSeconds() {
        return children.stream().mapToDouble(Child::cpuSeconds).sum();
    }

    /** Resident memory of all the stack's processes, in bytes. */
    public long rssBytes() {
        return children.stream().mapToLong(Child::rssBytes).sum();
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
        children.forEach(Child::requireAlive);
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
        children.forEach(Child::close);
    }
}
