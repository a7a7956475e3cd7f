package io.pra.health.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pra.events.health.Severity;
import io.pra.health.domain.CheckSpec;
import io.pra.health.domain.DownRule;
import io.pra.health.domain.ProbeKind;
import io.pra.health.domain.ProbeTarget;
import io.pra.health.domain.SitePlan;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The real mapping, read by SmallRye Config with Quarkus's duration format as at start-up, then validated. */
class HealthPlannerTest {

    @Test
    void aValidConfigurationBecomesPlans() {
        Map<String, String> config = valid();
        config.put("pra.health.sites.a.down-rule", "at-least");
        config.put("pra.health.sites.a.down-min-failing", "2");
        List<SitePlan> plans = HealthPlanner.plan(mapping(config));
        assertThat(plans).singleElement().satisfies(plan -> {
            assertThat(plan.rule()).isEqualTo(DownRule.atLeast(2));
            assertThat(plan.checks()).extracting(CheckSpec::checkId).containsExactly("alerts", "port", "web");
        });
        CheckSpec web = plans.get(0).checks().get(2);
        assertThat(web.kind()).isEqualTo(ProbeKind.HTTP);
        assertThat(web.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(web.interval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(web.failureThreshold()).isEqualTo(3);
        assertThat(((ProbeTarget.Http) web.target()).verifyTls()).as("TLS verification on by default").isTrue();
        assertThat(((ProbeTarget.Http) web.target()).expectedStatus()).containsExactly(200, 204);
        assertThat(((ProbeTarget.Alert) plans.get(0).checks().get(0).target()).labels())
                .containsEntry("alertname", "ShopDown");
    }

    @Test
    void anUnknownKindIsNamedWithItsCheck() {
        Map<String, String> config = valid();
        config.put("pra.health.sites.a.checks.web.kind", "smoke-signal");
        assertThatThrownBy(() -> HealthPlanner.plan(mapping(config)))
                .isInstanceOf(InvalidHealthConfigException.class)
                .hasMessageContaining("pra.health.sites.a.checks.web.kind: unknown check kind 'smoke-signal' of check 'web'");
    }

    @Test
    void aNegativeStartupGraceIsNamedAndTheDefaultIsThirtySeconds() {
        assertThat(mapping(valid()).startupGrace()).isEqualTo(Duration.ofSeconds(30));
        Map<String, String> config = valid();
        config.put("pra.health.startup-grace", "-1s");
        assertThatThrownBy(() -> HealthPlanner.plan(mapping(config)))
                .hasMessageContaining("pra.health.startup-grace: must not be negative, got PT-1S");
    }

    @Test
    void aNegativeIntervalIsNamed() {
        Map<String, String> config = valid();
        config.put("pra.health.sites.a.checks.port.interval", "-5s");
        assertThatThrownBy(() -> HealthPlanner.plan(mapping(config)))
                .hasMessageContaining("pra.health.sites.a.checks.port.interval: must be positive, got PT-5S");
    }

    @Test
    void aBadUrlIsNamed() {
        Map<String, String> config = valid();
        config.put("pra.health.sites.a.checks.web.url", "shop.example/health");
        assertThatThrownBy(() -> HealthPlanner.plan(mapping(config)))
                .hasMessageContaining("pra.health.sites.a.checks.web.url: bad URL 'shop.example/health'");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        Map<String, String> config = valid();
        config.put("pra.health.sites.a.checks.web.failure-threshold", "0");
        config.put("pra.health.sites.a.checks.port.port", "70000");
        config.put("pra.health.sites.a.checks.nodes.kind", "nodes");
        config.put("pra.health.vote-interval", "1m");
        assertThatThrownBy(() -> HealthPlanner.plan(mapping(config)))
                .hasMessageContaining("pra.health.sites.a.checks.web.failure-threshold: must be at least 1, got 0")
                .hasMessageContaining("pra.health.sites.a.checks.port.port: must be between 1 and 65535, got 70000")
                .hasMessageContaining("pra.health.sites.a.kubernetes.api-url or pra.health.sites.a.kubernetes.kubeconfig is required")
                .hasMessageContaining("pra.health.vote-interval (PT1M) must be shorter than pra.health.vote-ttl");
    }

    @Test
    void noSitesIsValid() {
        assertThat(HealthPlanner.plan(mapping(new HashMap<>()))).isEmpty();
    }

    private static Map<String, String> valid() {
        Map<String, String> config = new HashMap<>();
        config.put("pra.health.sites.a.checks.web.kind", "http");
        config.put("pra.health.sites.a.checks.web.url", "https://shop.example/health");
        config.put("pra.health.sites.a.checks.web.expected-status", "200,204");
        config.put("pra.health.sites.a.checks.port.kind", "tcp");
        config.put("pra.health.sites.a.checks.port.host", "db.example");
        config.put("pra.health.sites.a.checks.port.port", "5432");
        config.put("pra.health.sites.a.checks.alerts.kind", "alert");
        config.put("pra.health.sites.a.checks.alerts.labels.alertname", "ShopDown");
        return config;
    }

    private static HealthConfig mapping(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(HealthConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .build();
        return config.getConfigMapping(HealthConfig.class);
    }
}
