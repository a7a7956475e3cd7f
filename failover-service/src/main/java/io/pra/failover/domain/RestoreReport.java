package io.pra.failover.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where a Velero restore stands, as the executor read it, and what that means for the run.
 *
 * @param state            Velero's phase, folded to what matters here
 * @param veleroPhase      Velero's exact phase string, for messages
 * @param errors           Velero's error count
 * @param warnings         Velero's warning count
 * @param failureReason    Velero's failure reason or error text; null when none
 * @param validationErrors Velero's validation errors; empty when none
 */
public record RestoreReport(State state, String veleroPhase, int errors, int warnings, String failureReason,
        List<String> validationErrors) {

    /** A restore's phase as the executor needs it. */
    public enum State {
        /** New, InProgress or any other phase Velero will still move on from. */
        RUNNING,
        COMPLETED,
        PARTIALLY_FAILED,
        /** Failed or FailedValidation. */
        FAILED
    }

    public RestoreReport {
        Objects.requireNonNull(state, "state");
        validationErrors = validationErrors == null ? List.of() : List.copyOf(validationErrors);
    }

    public boolean isFinished() {
        return state != State.RUNNING;
    }

    /** The step's verdict on a finished restore under {@code policy}. */
    public StepVerdict judge(String restoreName, PartialFailurePolicy policy) {
        if (!isFinished()) {
            throw new IllegalStateException("restore " + restoreName + " is not finished: " + veleroPhase);
        }
        String counts = errors + " errors, " + warnings + " warnings";
        return switch (state) {
            case COMPLETED -> StepVerdict.succeeded("Velero restore " + restoreName + " Completed, " + counts,
                    details());
            case PARTIALLY_FAILED -> policy == PartialFailurePolicy.ACCEPT
                    ? StepVerdict.succeeded("Velero restore " + restoreName + " PartiallyFailed, " + counts
                            + ", accepted by policy", details())
                    : StepVerdict.failed("restore " + restoreName + " PartiallyFailed: " + counts
                            + ", policy rejects", details());
            case FAILED -> StepVerdict.failed("restore " + restoreName + " " + veleroPhase
                    + (failureReason == null ? "" : ": " + failureReason), details());
            case RUNNING -> throw new IllegalStateException("unreachable");
        };
    }

    private List<String> details() {
        List<String> details = new ArrayList<>(validationErrors);
        if (failureReason != null && !failureReason.isBlank()) {
            details.add(failureReason);
        }
        return details;
    }
}
