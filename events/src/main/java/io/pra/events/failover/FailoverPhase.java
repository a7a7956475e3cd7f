package io.pra.events.failover;

/** Persisted phases of a run, in execution order, then its terminal states. */
public enum FailoverPhase {
    FENCE_SOURCE,
    RESTORE,
    VERIFY,
    CUTOVER,
    COMPLETED,
    FAILED,
    ABORTED
}
