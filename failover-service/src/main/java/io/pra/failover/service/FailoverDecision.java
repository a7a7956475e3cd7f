package io.pra.failover.service;

import io.pra.failover.domain.FailoverRun;
import io.pra.failover.domain.GuardVerdict;

/** What a decision attempt came to: a run, or a guard's refusal. */
public sealed interface FailoverDecision {

    /** A run was decided; its {@code decision()} is the {@code pra.failover.decided} written to the outbox. */
    record Decided(FailoverRun run) implements FailoverDecision {
    }

    /** No run: {@code guard} said no, {@code reason} says why. */
    record Refused(GuardVerdict.Guard guard, String reason) implements FailoverDecision {
    }
}
