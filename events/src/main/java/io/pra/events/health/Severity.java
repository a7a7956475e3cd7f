package io.pra.events.health;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How much a failing check matters; only critical checks can make a site down. */
public enum Severity {
    @JsonProperty("info") INFO,
    @JsonProperty("warning") WARNING,
    @JsonProperty("critical") CRITICAL
}
