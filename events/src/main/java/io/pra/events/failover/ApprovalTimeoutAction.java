package io.pra.events.failover;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What happens to a run nobody approved in time (per-site policy). */
public enum ApprovalTimeoutAction {
    @JsonProperty("proceed") PROCEED,
    @JsonProperty("abort") ABORT
}
