package io.pra.opschecks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * promtool checks the PrometheusRule's groups and runs their unit tests
 * (deploy/base/monitoring/tests/pra-rules.test.yaml), which must cover every alert.
 */
class PrometheusRulesIT {

    private static final Path RULE = Repo.path("deploy/base/monitoring/prometheus-rule.yaml");
    private static final Path TESTS = Repo.path("deploy/base/monitoring/tests/pra-rules.test.yaml");

    @Test
    void rulesAreValidAndTheirUnitTestsPass(@TempDir Path dir) throws IOException {
        Path rules = extractRuleFile(dir);
        Tool.run(dir, "promtool", "check", "rules", rules.toString()).assertSuccess();
        Files.copy(TESTS, dir.resolve("pra-rules.test.yaml"));
        String output = Tool.run(dir, "promtool", "test", "rules", "pra-rules.test.yaml").assertSuccess().output();
        assertThat(output).contains("SUCCESS");
    }

    @Test
    void everyAlertHasAUnitTestThatFiresIt() {
        Set<String> alerts = new HashSet<>();
        JsonNode rule = Manifests.parse(Repo.read(RULE)).get(0);
        for (JsonNode group : Manifests.elements(rule.at("/spec/groups"))) {
            Manifests.elements(group.path("rules")).forEach(r -> alerts.add(r.path("alert").asText()));
        }
        Set<String> fired = new HashSet<>();
        JsonNode tests = Manifests.parse(Repo.read(TESTS)).get(0);
        for (JsonNode test : Manifests.elements(tests.path("tests"))) {
            for (JsonNode alertTest : Manifests.elements(test.path("alert_rule_test"))) {
                if (!alertTest.path("exp_alerts").isEmpty()) {
                    fired.add(alertTest.path("alertname").asText());
                }
            }
        }
        assertThat(fired).as("alerts with a firing unit test").containsAll(alerts);
    }

    /** The PrometheusRule's spec is a plain Prometheus rule file: write it where promtool can read it. */
    static Path extractRuleFile(Path dir) throws IOException {
        JsonNode rule = Manifests.parse(Repo.read(RULE)).get(0);
        assertThat(rule.path("kind").asText()).isEqualTo("PrometheusRule");
        Path file = dir.resolve("pra-rules.yaml");
        Manifests.YAML.writeValue(file.toFile(), rule.path("spec"));
        return file;
    }
}
