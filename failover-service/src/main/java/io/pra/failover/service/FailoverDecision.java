package io.pra.failover.service;

import io.pra.events.failover.FailoverDecided;
import io.pra.failover.domain.GuardVerdict;

/** What a decision attempt came to: a run (its {@code pra.failover.decided} event), or a guard's refusal. */
public sealed interface FailoverDecision {

    /** A run was decided; {@code event} is the one written to the outbox. */
    record Decided(FailoverDecided event) implements FailoverDecision {
    }

    /** No run: {@code guard} said no, {@code reason} says why. */
    record Refused(GuardVerdict.Guard guard, String reason) implements FailoverDecision {
    }
}
