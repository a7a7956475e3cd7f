package io.pra.failover.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import io.pra.events.failover.ApprovalTimeoutAction;

/**
 * How long a run may wait for an operator's approval, and what happens when nobody answered in
 * time: proceed as if approved, or abort.
 *
 * @param timeout   time from the decision to the deadline
 * @param onTimeout what the deadline does to a run still waiting
 */
public record ApprovalPolicy(Duration timeout, ApprovalTimeoutAction onTimeout) {

    /** Audit actor and approver/aborter of what the timeout policy does. */
    public static final String SYSTEM_ACTOR = "system";

    public ApprovalPolicy {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(onTimeout, "onTimeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("approval timeout must be positive, got " + timeout);
        }
    }

    /** When the policy applies to a run decided at {@code decidedAt}. */
    public Instant deadline(Instant decidedAt) {
        return decidedAt.plus(timeout);
    }

    /**
     * Applies the policy to {@code run} at {@code now} if it still waits and its {@code deadline} has
     * come; returns true when it changed the run (approved by {@link #SYSTEM_ACTOR}, or aborted).
     */
    public static boolean applyIfDue(FailoverRun run, Instant deadline, ApprovalTimeoutAction action, Instant now) {
        if (!run.isAwaitingApproval() || deadline == null || now.isBefore(deadline)) {
            return false;
        }
        if (action == ApprovalTimeoutAction.PROCEED) {
            run.approve(SYSTEM_ACTOR, now);
        } else {
            run.abort("no operator approved before the deadline " + deadline, now);
        }
        return true;
    }
}
