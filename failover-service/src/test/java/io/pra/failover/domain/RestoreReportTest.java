package io.pra.failover.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.pra.failover.domain.RestoreReport.State;
import io.pra.failover.domain.StepVerdict.Outcome;

class RestoreReportTest {

    private static final String NAME = "pra-1";

    @Test
    void aCompletedRestoreSucceeds() {
        StepVerdict verdict = report(State.COMPLETED, "Completed", 0, null).judge(NAME, PartialFailurePolicy.FAIL);

        assertThat(verdict.outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(verdict.detail()).isEqualTo("Velero restore pra-1 Completed, 0 errors, 2 warnings");
    }

    @Test
    void aPartiallyFailedRestoreFailsUnderTheFailPolicyWithVelerosErrors() {
        StepVerdict verdict = report(State.PARTIALLY_FAILED, "PartiallyFailed", 3, "secret shop-db: forbidden")
                .judge(NAME, PartialFailurePolicy.FAIL);

        assertThat(verdict.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(verdict.detail()).isEqualTo("restore pra-1 PartiallyFailed: 3 errors, 2 warnings, policy rejects");
        assertThat(verdict.errors()).containsExactly("secret shop-db: forbidden");
    }

    @Test
    void aPartiallyFailedRestoreIsAcceptedUnderTheAcceptPolicyAndStillReportsItsErrors() {
        StepVerdict verdict = report(State.PARTIALLY_FAILED, "PartiallyFailed", 1, "one item")
                .judge(NAME, PartialFailurePolicy.ACCEPT);

        assertThat(verdict.outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(verdict.detail()).contains("accepted by policy").contains("1 errors");
        assertThat(verdict.errors()).containsExactly("one item");
    }

    @Test
    void aFailedRestoreFailsWhateverThePolicyWithItsReasonAndValidationErrors() {
        RestoreReport failed = new RestoreReport(State.FAILED, "FailedValidation", 0, 0, null,
                List.of("backup not found"));

        StepVerdict verdict = failed.judge(NAME, PartialFailurePolicy.ACCEPT);

        assertThat(verdict.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(verdict.detail()).isEqualTo("restore pra-1 FailedValidation");
        assertThat(verdict.errors()).containsExactly("backup not found");
    }

    @Test
    void aRunningRestoreCannotBeJudged() {
        assertThatThrownBy(() -> report(State.RUNNING, "InProgress", 0, null).judge(NAME, PartialFailurePolicy.FAIL))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("InProgress");
    }

    private static RestoreReport report(State state, String phase, int errors, String reason) {
        return new RestoreReport(state, phase, errors, 2, reason, List.of());
    }
}
