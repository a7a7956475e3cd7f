package io.pra.failover.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

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

    /** The terms a run decided at {@code decidedAt} waits under, for {@code reason}. */
    public FailoverRun.ApprovalTerms terms(String reason, Instant decidedAt) {
        return new FailoverRun.ApprovalTerms(reason, deadline(decidedAt), onTimeout);
    }

    /**
     * Applies the run's own timeout terms (fixed at decision time) at {@code now} if it still waits and its
     * deadline has come; returns the action applied: approved by {@link #SYSTEM_ACTOR} (PROCEED) or aborted.
     */
    public static Optional<ApprovalTimeoutAction> applyIfDue(FailoverRun run, Instant now) {
        if (!run.isAwaitingApproval()) {
            return Optional.empty();
        }
        FailoverRun.ApprovalTerms terms = run.approval().orElseThrow();
        if (now.isBefore(terms.deadline())) {
            return Optional.empty();
        }
        if (terms.onTimeout() == ApprovalTimeoutAction.PROCEED) {
            run.approve(SYSTEM_ACTOR, now);
        } else {
            run.abort(SYSTEM_ACTOR, "no operator approved before the deadline " + terms.deadline(), now);
        }
        return Optional.of(terms.onTimeout());
    }
}
