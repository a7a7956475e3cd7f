package io.pra.events.failover;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What started a run. */
public enum Trigger {
    /** A quorum of observers voted the source site down. */
    @JsonProperty("quorum") QUORUM,
    /** An operator asked for it. */
    @JsonProperty("manual") MANUAL,
    /** A drill: restore and verify on the target, never a cutover. */
    @JsonProperty("drill") DRILL
}
