package io.pra.failover.domain;

/** What a Velero restore that ended PartiallyFailed means for the run. */
public enum PartialFailurePolicy {
    /** The restore counts as done; its errors are reported with the step. */
    ACCEPT,
    /** The run fails at RESTORE with Velero's errors. */
    FAIL
}
