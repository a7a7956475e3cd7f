package io.pra.health.domain;

/** A check's state after hysteresis: a single failure does not make it DEGRADED, a single success does not heal it. */
public enum CheckStatus {
    /** Not probed yet. */
    PENDING,
    HEALTHY,
    DEGRADED
}
