package io.pra.failover.domain;

/** How a protected site fails over: by itself, only with an operator's approval, or not at all. */
public enum SiteMode {
    /** A quorum decides and the run starts, unless the expected data loss is over budget. */
    AUTO,
    /** Every run waits for an operator's approval. */
    MANUAL,
    /** PRA never fails this site over; votes are still recorded. */
    OFF
}
