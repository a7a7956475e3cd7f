package io.pra.health.config;

import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/** One check of a site ({@code pra.health.sites.<site>.checks.<check>}); kind-specific settings are optional. */
public interface CheckConfig {

    /** http, tcp, kubernetes-api, nodes, workload, promql, alert or audit. */
    String kind();

    /** Time between the starts of two probes. */
    @WithDefault("10s")
    Duration interval();

    /** Bound on one probe. */
    @WithDefault("3s")
    Duration timeout();

    /** warning or critical; only critical checks make a site DOWN. */
    @WithDefault("critical")
    String severity();

    /** Failures in a row that make the check DEGRADED. */
    @WithDefault("3")
    int failureThreshold();

    /** Successes in a row that make a DEGRADED check healthy again. */
    @WithDefault("2")
    int successThreshold();

    /** http: the URL; promql: the Prometheus base URL. */
    Optional<String> url();

    /** http: request method. */
    @WithDefault("GET")
    String method();

    /** http: statuses that pass. */
    @WithDefault("200")
    List<Integer> expectedStatus();

    /** http: slower answers fail. */
    Optional<Duration> maxLatency();

    /** http: text the body must contain. */
    Optional<String> bodyContains();

    /** http: verify the server's certificate and host name. */
    @WithDefault("true")
    boolean tlsVerify();

    /** tcp: host to connect to. */
    Optional<String> host();

    /** tcp: port to connect to. */
    OptionalInt port();

    /** workload, audit: namespaces to inspect. */
    Optional<List<String>> namespaces();

    /** nodes, workload: Kubernetes label selector, e.g. {@code app.kubernetes.io/part-of=shop}. */
    Optional<String> selector();

    /** promql: the instant query. */
    Optional<String> query();

    /** promql: comparison of each sample with the threshold: {@code <}, {@code <=}, {@code >}, {@code >=}, {@code ==}, {@code !=}. */
    @WithDefault(">")
    String operator();

    /** promql: the threshold. */
    OptionalDouble threshold();

    /** alert: labels a firing alert must carry to fail this check. */
    Map<String, String> labels();
}
