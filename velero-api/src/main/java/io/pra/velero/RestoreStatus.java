package io.pra.velero;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;

/** What Velero reports about a Restore (Velero's `RestoreStatus`). */
@JsonIgnoreProperties(ignoreUnknown = true)
// NON_DEFAULT mirrors Go's omitempty: nulls, zero counts and false flags are left out.
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public class RestoreStatus {

    private RestorePhase phase;
    private List<String> validationErrors;
    private int warnings;
    private int errors;
    private String failureReason;
    private String startTimestamp;
    private String completionTimestamp;
    private RestoreProgress progress;

    public RestorePhase getPhase() {
        return phase;
    }

    public void setPhase(RestorePhase phase) {
        this.phase = phase;
    }

    public List<String> getValidationErrors() {
        return validationErrors;
    }

    public void setValidationErrors(List<String> validationErrors) {
        this.validationErrors = validationErrors;
    }

    public int getWarnings() {
        return warnings;
    }

    public void setWarnings(int warnings) {
        this.warnings = warnings;
    }

    public int getErrors() {
        return errors;
    }

    public void setErrors(int errors) {
        this.errors = errors;
    }

    public String getFailureReason() {
        return failureReason;
    }

    public void setFailureReason(String failureReason) {
        this.failureReason = failureReason;
    }

    public String getStartTimestamp() {
        return startTimestamp;
    }

    public void setStartTimestamp(String startTimestamp) {
        this.startTimestamp = startTimestamp;
    }

    public String getCompletionTimestamp() {
        return completionTimestamp;
    }

    public void setCompletionTimestamp(String completionTimestamp) {
        this.completionTimestamp = completionTimestamp;
    }

    public RestoreProgress getProgress() {
        return progress;
    }

    public void setProgress(RestoreProgress progress) {
        this.progress = progress;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof RestoreStatus)) {
            return false;
        }
        RestoreStatus that = (RestoreStatus) other;
        return Objects.equals(phase, that.phase)
                && Objects.equals(validationErrors, that.validationErrors)
                && warnings == that.warnings
                && errors == that.errors
                && Objects.equals(failureReason, that.failureReason)
                && Objects.equals(startTimestamp, that.startTimestamp)
                && Objects.equals(completionTimestamp, that.completionTimestamp)
                && Objects.equals(progress, that.progress);
    }

    @Override
    public int hashCode() {
        return Objects.hash(phase, validationErrors, warnings, errors, failureReason, startTimestamp, completionTimestamp, progress);
    }

    @Override
    public String toString() {
        return "RestoreStatus{"
                + "phase=" + phase
                + ", validationErrors=" + validationErrors
                + ", warnings=" + warnings
                + ", errors=" + errors
                + ", failureReason=" + failureReason
                + ", startTimestamp=" + startTimestamp
                + ", completionTimestamp=" + completionTimestamp
                + ", progress=" + progress
                + "}";
    }
}
