package io.pra.health.domain;

/** A check's state after hysteresis: a single failure does not make it DEGRADED, a single success does not heal it. */
public enum CheckStatus {
    /** Not judged yet: not probed yet, or failing in the start-up grace without having passed once. */
    PENDING,
    HEALTHY,
    DEGRADED
}
