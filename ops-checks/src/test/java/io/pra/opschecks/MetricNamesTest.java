package io.pra.opschecks;

import static io.pra.opschecks.Manifests.elements;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Alerts and dashboards use only pra_ series the services' code exports, and the dashboard JSON parses. */
class MetricNamesTest {

    private static final Pattern PRA_METRIC = Pattern.compile("\\bpra_[a-z0-9_]+");

    @Test
    void theServicesExportTheSeriesTheChecksRelyOn() {
        assertThat(MicrometerMetrics.exportedSeries())
                .contains("pra_rpo_exposure_seconds", "pra_backups_failed_total", "pra_site_down", "pra_site_down_votes",
                        "pra_notifier_deliveries_total", "pra_probe_latency_seconds_bucket");
    }

    @Test
    void everyMetricInTheAlertsExists() {
        List<String> expressions = new ArrayList<>();
        JsonNode rule = Manifests.parse(Repo.read(Repo.path("deploy/base/monitoring/prometheus-rule.yaml"))).get(0);
        for (JsonNode group : elements(rule.at("/spec/groups"))) {
            elements(group.path("rules")).forEach(r -> expressions.add(r.path("expr").asText()));
        }
        assertThat(expressions).hasSizeGreaterThan(5);
        assertThat(metricsIn(expressions)).isNotEmpty().isSubsetOf(MicrometerMetrics.exportedSeries());
    }

    @Test
    void theDashboardParsesAndEveryMetricInItsQueriesExists() throws IOException {
        for (var file : Repo.files(Repo.path("deploy"), ".json")) {
            JsonNode dashboard = new ObjectMapper().readTree(file.toFile());
            List<String> expressions = new ArrayList<>();
            for (JsonNode panel : elements(dashboard.path("panels"))) {
                List<JsonNode> targets = elements(panel.path("targets"));
                assertThat(targets).as("%s panel %s has queries", file, panel.path("title").asText()).isNotEmpty();
                targets.forEach(target -> expressions.add(target.path("expr").asText()));
            }
            assertThat(expressions).as("queries of %s", file).isNotEmpty().allSatisfy(e -> assertThat(e).isNotBlank());
            assertThat(metricsIn(expressions)).as("pra_ metrics of %s", file).isNotEmpty()
                    .isSubsetOf(MicrometerMetrics.exportedSeries());
        }
    }

    static Set<String> metricsIn(List<String> expressions) {
        Set<String> metrics = new TreeSet<>();
        for (String expression : expressions) {
            Matcher matcher = PRA_METRIC.matcher(expression);
            while (matcher.find()) {
                metrics.add(matcher.group());
            }
        }
        return metrics;
    }
}
