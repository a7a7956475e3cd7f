package io.pra.failover.domain;

/**
 * Asked right before each side effect of a run (create a Restore, scale a workload, write the DNSEndpoint, call
 * the cutover webhook, clean up): it returns when the executor may still act for the run, and throws when it may
 * not (it lost the executor lock, the run was aborted, or the site moved to another epoch); the effect is then
 * not made.
 */
@FunctionalInterface
public interface SideEffectCheck {

    void confirm();
}
