package io.pra.events.failover;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether a drill met every objective. */
public enum DrillVerdict {
    @JsonProperty("passed") PASSED,
    @JsonProperty("failed") FAILED
}
