package io.pra.events.health;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a health check probes; serialized as the lowercase names the schemas list. */
public enum CheckKind {
    @JsonProperty("http") HTTP,
    @JsonProperty("tcp") TCP,
    @JsonProperty("kubernetes-api") KUBERNETES_API,
    @JsonProperty("nodes") NODES,
    @JsonProperty("workload") WORKLOAD,
    @JsonProperty("promql") PROMQL,
    @JsonProperty("alert") ALERT,
    /** Raised by backup-service when RPO exposure nears its objective. */
    @JsonProperty("rpo") RPO
}
