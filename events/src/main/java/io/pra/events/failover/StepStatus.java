package io.pra.events.failover;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where one phase of a run stands. */
public enum StepStatus {
    @JsonProperty("started") STARTED,
    @JsonProperty("succeeded") SUCCEEDED,
    @JsonProperty("failed") FAILED,
    /** Not done, by design: e.g. FENCE_SOURCE when site A's API does not answer in time. */
    @JsonProperty("skipped") SKIPPED
}
