package io.pra.failover.service;

import io.pra.failover.domain.GuardVerdict;

/** A manual failover the guards refused; nothing was decided. */
public class FailoverRefused extends RuntimeException {

    private final GuardVerdict.Guard guard;

    public FailoverRefused(GuardVerdict.Guard guard, String reason) {
        super(reason);
        this.guard = guard;
    }

    public GuardVerdict.Guard guard() {
        return guard;
    }
}
