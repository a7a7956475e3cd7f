package io.pra.failover.domain;

/** A run was asked for a transition its state does not allow; the message says why. */
public class RunTransitionRefused extends RuntimeException {

    public RunTransitionRefused(String message) {
        super(message);
    }
}
