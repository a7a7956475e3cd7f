package io.pra.testkit.site.velero;

import java.time.Duration;
import java.util.Objects;

/**
 * What goes wrong with one Velero operation.
 *
 * @param kind what happens
 * @param message the failure reason (FAIL) or error text (PARTIALLY_FAIL) Velero reports
 * @param errors the error count of a PARTIALLY_FAIL
 * @param slowFactor how much longer than usual a SLOW operation takes
 */
public record Fault(Kind kind, String message, int errors, double slowFactor) {

    /** The ways an injected fault changes an operation. */
    public enum Kind {
        /** Ends in phase Failed with the message as failureReason. */
        FAIL,
        /** Runs to the end but ends PartiallyFailed with errors &gt; 0. */
        PARTIALLY_FAIL,
        /** Stays InProgress until {@link Faults#release(Operation)}, or forever. */
        HANG,
        /** Completes normally after its usual duration times slowFactor. */
        SLOW
    }

    public Fault {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.PARTIALLY_FAIL && errors < 1) {
            throw new IllegalArgumentException("a partial failure has at least one error");
        }
        if (kind == Kind.SLOW && slowFactor < 1) {
            throw new IllegalArgumentException("a slow operation is slower: factor must be >= 1, got " + slowFactor);
        }
    }

    public static Fault fail() {
        return fail("injected failure");
    }

    public static Fault fail(String reason) {
        return new Fault(Kind.FAIL, reason, 0, 1);
    }

    public static Fault partiallyFail() {
        return partiallyFail(1, "injected item error");
    }

    public static Fault partiallyFail(int errors, String message) {
        return new Fault(Kind.PARTIALLY_FAIL, message, errors, 1);
    }

    public static Fault hang() {
        return new Fault(Kind.HANG, null, 0, 1);
    }

    public static Fault slow(double factor) {
        return new Fault(Kind.SLOW, null, 0, factor);
    }

    /** The duration an operation takes under this fault. */
    public Duration stretch(Duration usual) {
        return kind == Kind.SLOW ? Duration.ofNanos((long) (usual.toNanos() * slowFactor)) : usual;
    }
}
