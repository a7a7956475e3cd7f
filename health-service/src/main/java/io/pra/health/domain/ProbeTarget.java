package io.pra.health.domain;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Kind-specific settings of a check. */
public sealed interface ProbeTarget {

    /**
     * HTTP(S) request whose answer must have an expected status, within a latency bound, optionally containing a text.
     */
    record Http(String method, URI url, Set<Integer> expectedStatus, Optional<Duration> maxLatency,
            Optional<String> bodyContains, boolean verifyTls) implements ProbeTarget {
    }

    /** A TCP connection that must be accepted. */
    record Tcp(String host, int port) implements ProbeTarget {
    }

    /** The site's Kubernetes API server must answer {@code /readyz} with 200. */
    record KubernetesApi() implements ProbeTarget {
    }

    /** Every node (matching the label selector, if any) must be Ready. */
    record Nodes(Optional<String> labelSelector) implements ProbeTarget {
    }

    /** Deployments and StatefulSets in the namespaces (matching the selector) must have ready replicas >= wanted. */
    record Workload(List<String> namespaces, Optional<String> labelSelector) implements ProbeTarget {
    }

    /** A PromQL instant query whose every sample must satisfy {@code value <operator> threshold}. */
    record PromQl(URI prometheusUrl, String query, Comparison comparison, double threshold) implements ProbeTarget {
    }

    /** Fails while an Alertmanager alert carrying all these labels is firing. */
    record Alert(Map<String, String> labels) implements ProbeTarget {
    }

    /** HA readiness audit of the workloads in these namespaces. */
    record Audit(List<String> namespaces) implements ProbeTarget {
    }
}
