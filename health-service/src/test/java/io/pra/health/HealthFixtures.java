package io.pra.health;

import io.pra.events.PraEvent;
import io.pra.events.health.HealthDegraded;
import io.pra.events.health.HealthRecovered;
import io.pra.testkit.site.FakeSite;
import java.util.HashMap;
import java.util.Map;

/** The watched sites of the Quarkus tests: one per scenario, probing the local targets and the fake site. */
final class HealthFixtures {

    static final String OBSERVER = "obs-test";
    static final String DOMAIN = "zone-test";

    private HealthFixtures() {
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
        return config;
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
