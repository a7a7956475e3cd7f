package io.pra.testkit.launch;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A health-service process, one observer: who it is, how it votes, what it probes ({@code pra.health.*}). */
public final class ObserverLaunch extends ServiceLaunch {

    private String instance;
    private String observerId;
    private String failureDomain;
    private Duration voteTtl;
    private Duration voteInterval;
    private Duration clockOffset;
    private SigningKeyFiles signingKeys;
    private final Map<String, Kubernetes> kubernetes = new LinkedHashMap<>();
    private final Map<String, Map<String, Check>> checks = new LinkedHashMap<>();

    /** A site's Kubernetes API as the observer's {@code kubernetes-api}, {@code workload}... checks reach it. */
    public record Kubernetes(SiteAccess access, Duration requestTimeout) {
    }

    /** One check of a site; a null field keeps the service's default. */
    public record Check(String kind, URI url, String host, Integer port, List<String> namespaces, Duration interval,
            Duration timeout, Integer failureThreshold, Integer successThreshold) {

        /** A check of any kind, a wrong one included (start-up must refuse it). */
        public static Check of(String kind) {
            return new Check(kind, null, null, null, null, null, null, null, null);
        }

        public static Check http(URI url) {
            return new Check("http", url, null, null, null, null, null, null, null);
        }

        public static Check tcp(String host, int port) {
            return new Check("tcp", null, host, port, null, null, null, null, null);
        }

        public static Check kubernetesApi() {
            return of("kubernetes-api");
        }

        public static Check workload(List<String> namespaces) {
            return new Check("workload", null, null, null, namespaces, null, null, null, null);
        }

        public Check url(URI url) {
            return new Check(kind, url, host, port, namespaces, interval, timeout, failureThreshold, successThreshold);
        }

        public Check every(Duration interval, Duration timeout) {
            return new Check(kind, url, host, port, namespaces, interval, timeout, failureThreshold, successThreshold);
        }

        /** Failures in a row that degrade the check, successes in a row that make it healthy again. */
        public Check thresholds(int failures, int successes) {
            return new Check(kind, url, host, port, namespaces, interval, timeout, failures, successes);
        }
    }

    public ObserverLaunch(String name, int httpPort, String kafkaBootstrap) {
        super("health-service", name, httpPort, kafkaBootstrap, null);
    }

    public ObserverLaunch instance(String instance) {
        this.instance = instance;
        return this;
    }

    /** The observer id failover-service counts votes by. */
    public ObserverLaunch observerId(String id) {
        this.observerId = id;
        return this;
    }

    public ObserverLaunch failureDomain(String domain) {
        this.failureDomain = domain;
        return this;
    }

    /** How long each vote counts, and the period of the site rounds (heartbeats while a site is down). */
    public ObserverLaunch votes(Duration ttl, Duration interval) {
        this.voteTtl = ttl;
        this.voteInterval = interval;
        return this;
    }

    /** Added to the observer's clock: plays an observer whose clock is wrong. */
    public ObserverLaunch clockOffset(Duration offset) {
        this.clockOffset = offset;
        return this;
    }

    /** The observer's own key pair, which signs every event it publishes; health-service does not start without one. */
    public ObserverLaunch signingKeys(SigningKeyFiles keys) {
        this.signingKeys = keys;
        return this;
    }

    public ObserverLaunch kubernetes(String site, Kubernetes api) {
        kubernetes.put(site, api);
        return this;
    }

    public ObserverLaunch check(String site, String id, Check check) {
        checks.computeIfAbsent(site, s -> new LinkedHashMap<>()).put(id, check);
        return this;
    }

    @Override
    void render(LaunchSettings.Builder settings) {
        settings.put("pra.health.instance", instance).put("pra.health.observer-id", observerId)
                .put("pra.health.failure-domain", failureDomain).put("pra.health.vote-ttl", voteTtl)
                .put("pra.health.vote-interval", voteInterval).put("pra.health.clock-offset", clockOffset);
        if (signingKeys != null) {
            // Absolute: the process may run in a work directory of its own.
            settings.put("pra.health.signing.private-key-file", signingKeys.privateKey().toAbsolutePath())
                    .put("pra.health.signing.public-key-file", signingKeys.publicKey().toAbsolutePath());
        }
        kubernetes.forEach((site, api) -> {
            String prefix = "pra.health.sites." + site + ".kubernetes.";
            settings.put(prefix + "api-url", api.access().url()).put(prefix + "token", api.access().token())
                    .put(prefix + "request-timeout", api.requestTimeout());
        });
        checks.forEach((site, byId) -> byId.forEach((id, check) -> {
            String prefix = "pra.health.sites." + site + ".checks." + id + ".";
            settings.put(prefix + "kind", check.kind()).put(prefix + "url", check.url())
                    .put(prefix + "host", check.host()).put(prefix + "port", check.port())
                    .put(prefix + "interval", check.interval()).put(prefix + "timeout", check.timeout())
                    .put(prefix + "failure-threshold", check.failureThreshold())
                    .put(prefix + "success-threshold", check.successThreshold())
                    .put(prefix + "namespaces", check.namespaces());
        }));
    }
}
