package io.pra.failover.domain;

import java.util.List;
import java.util.Objects;

/**
 * How one executed phase ended.
 *
 * @param outcome succeeded, skipped (done on purpose, e.g. an unreachable source not fenced) or failed
 * @param detail  one line saying what the step did or why it failed
 * @param errors  detailed errors (Velero's, Kubernetes'); empty when none
 */
public record StepVerdict(Outcome outcome, String detail, List<String> errors) {

    /** The ways a phase ends. */
    public enum Outcome {
        SUCCEEDED,
        SKIPPED,
        FAILED
    }

    public StepVerdict {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static StepVerdict succeeded(String detail) {
        return new StepVerdict(Outcome.SUCCEEDED, detail, List.of());
    }

    public static StepVerdict succeeded(String detail, List<String> errors) {
        return new StepVerdict(Outcome.SUCCEEDED, detail, errors);
    }

    public static StepVerdict skipped(String detail) {
        return new StepVerdict(Outcome.SKIPPED, detail, List.of());
    }

    public static StepVerdict failed(String detail) {
        return new StepVerdict(Outcome.FAILED, detail, List.of());
    }

    public static StepVerdict failed(String detail, List<String> errors) {
        return new StepVerdict(Outcome.FAILED, detail, errors);
    }

    public boolean isFailure() {
        return outcome == Outcome.FAILED;
    }
}
