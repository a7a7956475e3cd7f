package io.pra.health;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.pra.events.PraEvent;
import io.pra.events.health.HealthDegraded;
import io.pra.events.health.HealthRecovered;
import io.pra.testkit.site.FakeSite;
import io.pra.testkit.site.rbac.ServiceAccount;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** The watched sites of the Quarkus tests: one per scenario, probing the local targets and the fake site. */
final class HealthFixtures {

    static final String OBSERVER = "obs-test";
    static final String DOMAIN = "zone-test";
    /** Protected namespaces of the shipped settings, where deploy/'s RBAC lets observers list workloads. */
    static final String WORKLOAD_NAMESPACE = "shop";
    static final String AUDIT_NAMESPACE = "payments";
    static final String PROM_QUERY = "min(up{job=\"shop\"})";
    static final String COLD_SITE = "cold";
    static final Duration STARTUP_GRACE = Duration.ofMinutes(1);

    private HealthFixtures() {
    }

    /**
     * Waits until every check of the site has passed once, so it is out of the startup grace: a test that makes a
     * target fail right after the shared application started would otherwise wait out the grace.
     */
    static void awaitWarmedUp(String site) {
        await().atMost(Duration.ofSeconds(60)).until(() -> Integer.valueOf(0).equals(given().get("/sites").then()
                .statusCode(200).extract().path("find { it.site == '" + site + "' }.warmingUp")));
    }

    /** The check id of a degraded or recovered event, else empty. */
    static String checkIdOf(PraEvent event) {
        if (event instanceof HealthDegraded degraded) {
            return degraded.checkId();
        }
        if (event instanceof HealthRecovered recovered) {
            return recovered.checkId();
        }
        return "";
    }

    /** A Deployment of one nginx container, with or without liveness and readiness probes. */
    static Deployment deployment(String name, int replicas, boolean probes) {
        Probe probe = probes ? new ProbeBuilder().withNewHttpGet().withPath("/healthz").withPort(new IntOrString(8080))
                .endHttpGet().build() : null;
        return new DeploymentBuilder()
                .withNewMetadata().withName(name).endMetadata()
                .withNewSpec().withReplicas(replicas)
                .withNewSelector().addToMatchLabels("app", name).endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app", name).endMetadata()
                .withNewSpec().addNewContainer().withName("web").withImage("nginx:1.27")
                .withLivenessProbe(probe).withReadinessProbe(probe).endContainer().endSpec()
                .endTemplate().endSpec().build();
    }

    /** An Alertmanager (version 4) webhook notification of one alert on the fake site. */
    static String alertmanagerNotification(String status, String severity) {
        String endsAt = status.equals("firing") ? "0001-01-01T00:00:00Z" : "2026-03-14T10:05:00Z";
        return """
                {"version": "4", "groupKey": "{}:{alertname=\\"ShopCheckoutDown\\"}", "truncatedAlerts": 0,
                 "status": "%1$s", "receiver": "pra-health",
                 "groupLabels": {"alertname": "ShopCheckoutDown"},
                 "commonLabels": {"alertname": "ShopCheckoutDown", "site": "fake", "severity": "%2$s"},
                 "commonAnnotations": {"summary": "checkout is down"},
                 "externalURL": "http://alertmanager.local:9093",
                 "alerts": [{"status": "%1$s",
                   "labels": {"alertname": "ShopCheckoutDown", "site": "fake", "severity": "%2$s"},
                   "annotations": {"summary": "checkout is down"},
                   "startsAt": "2026-03-14T10:00:00Z", "endsAt": "%3$s",
                   "generatorURL": "http://prometheus.local:9090/graph", "fingerprint": "c0ffee%2$s"}]}
                """.formatted(status, severity, endsAt);
    }

    /**
     * An observer whose site is down before it starts: two critical checks answering 503 from their first probe, and
     * a warning check that passes (it leaves the grace at once).
     */
    static Map<String, String> coldStartConfig(TargetFarm farm) {
        Map<String, String> config = new HashMap<>();
        config.put("pra.health.observer-id", "obs-cold");
        config.put("pra.health.failure-domain", DOMAIN);
        config.put("pra.health.vote-interval", "300ms");
        config.put("pra.health.vote-ttl", "3s");
        config.put("pra.health.startup-grace", STARTUP_GRACE.toString());
        farm.respond("/cold/front", 503);
        farm.respond("/cold/api", 503);
        http(config, COLD_SITE, "front", farm.url() + "/cold/front", "critical", 2, 2);
        http(config, COLD_SITE, "api", farm.url() + "/cold/api", "critical", 2, 2);
        http(config, COLD_SITE, "steady", farm.url() + "/cold/steady", "warning", 2, 2);
        return config;
    }

    static Map<String, String> scenarioConfig(TargetFarm farm, FakeSite site) {
        Map<String, String> config = new HashMap<>();
        config.put("pra.health.observer-id", OBSERVER);
        config.put("pra.health.failure-domain", DOMAIN);
        config.put("pra.health.vote-interval", "300ms");
        config.put("pra.health.vote-ttl", "3s");
        // Hysteresis: failure threshold 3, success threshold 2.
        http(config, "hyst", "web", farm.url() + "/hyst/web", "warning", 3, 2);
        tcp(config, "hyst", "port", farm.tcpPort());
        // Votes: two critical checks, both must fail (all-critical).
        http(config, "down", "front", farm.url() + "/down/front", "critical", 2, 2);
        http(config, "down", "api", farm.url() + "/down/api", "critical", 2, 2);
        // Flapping: alternating answers never reach a failure threshold of 2.
        http(config, "flap", "web", farm.url() + "/flap/web", "critical", 2, 2);
        // A hanging target next to a steady one.
        http(config, "hang", "stuck", farm.hangingUrl(), "warning", 2, 1);
        config.put("pra.health.sites.hang.checks.stuck.timeout", "1500ms");
        http(config, "hang", "steady", farm.url() + "/hang/steady", "warning", 2, 1);
        // The fake Kubernetes site, a fake Prometheus and the Alertmanager webhook.
        String fake = "pra.health.sites.fake.";
        config.put(fake + "kubernetes.api-url", site.url());
        config.put(fake + "kubernetes.token", site.token(ServiceAccount.HEALTH_SERVICE));
        config.put(fake + "kubernetes.request-timeout", "2s");
        kubernetes(config, "api", "kubernetes-api");
        kubernetes(config, "nodes", "nodes");
        kubernetes(config, "shop", "workload");
        config.put(fake + "checks.shop.namespaces", WORKLOAD_NAMESPACE);
        kubernetes(config, "ha", "audit");
        // The audit covers both protected namespaces, as the shipped settings' does.
        config.put(fake + "checks.ha.namespaces", AUDIT_NAMESPACE + "," + WORKLOAD_NAMESPACE);
        kubernetes(config, "prom", "promql");
        config.put(fake + "checks.prom.url", farm.url());
        config.put(fake + "checks.prom.query", PROM_QUERY);
        config.put(fake + "checks.prom.operator", ">=");
        config.put(fake + "checks.prom.threshold", "1");
        farm.promValue(PROM_QUERY, "1");
        kubernetes(config, "alerts", "alert");
        config.put(fake + "checks.alerts.labels.site", "fake");
        config.put(fake + "checks.alerts.labels.severity", "critical");
        return config;
    }

    private static void kubernetes(Map<String, String> config, String check, String kind) {
        String prefix = "pra.health.sites.fake.checks." + check + ".";
        config.put(prefix + "kind", kind);
        config.put(prefix + "severity", "warning");
        config.put(prefix + "interval", "200ms");
        config.put(prefix + "timeout", "1500ms");
        config.put(prefix + "failure-threshold", "2");
        config.put(prefix + "success-threshold", "2");
    }

    private static void http(Map<String, String> config, String site, String check, String url, String severity,
            int failureThreshold, int successThreshold) {
        String prefix = "pra.health.sites." + site + ".checks." + check + ".";
        config.put(prefix + "kind", "http");
        config.put(prefix + "url", url);
        config.put(prefix + "severity", severity);
        config.put(prefix + "interval", "100ms");
        config.put(prefix + "timeout", "1s");
        config.put(prefix + "failure-threshold", String.valueOf(failureThreshold));
        config.put(prefix + "success-threshold", String.valueOf(successThreshold));
    }

    private static void tcp(Map<String, String> config, String site, String check, int port) {
        String prefix = "pra.health.sites." + site + ".checks." + check + ".";
        config.put(prefix + "kind", "tcp");
        config.put(prefix + "host", "127.0.0.1");
        config.put(prefix + "port", String.valueOf(port));
        config.put(prefix + "severity", "warning");
        config.put(prefix + "interval", "100ms");
        config.put(prefix + "timeout", "500ms");
        config.put(prefix + "failure-threshold", "2");
        config.put(prefix + "success-threshold", "2");
    }
}
