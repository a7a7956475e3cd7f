package io.pra.velero;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;

/** What Velero reports about a Schedule (Velero's `ScheduleStatus`). */
@JsonIgnoreProperties(ignoreUnknown = true)
// NON_DEFAULT mirrors Go's omitempty: nulls, zero counts and false flags are left out.
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public class ScheduleStatus {

    private SchedulePhase phase;
    /** When the schedule last created a Backup, RFC 3339. */
    private String lastBackup;
    private String lastSkipped;
    private List<String> validationErrors;

    public SchedulePhase getPhase() {
        return phase;
    }

    public void setPhase(SchedulePhase phase) {
        this.phase = phase;
    }

    public String getLastBackup() {
        return lastBackup;
    }

    public void setLastBackup(String lastBackup) {
        this.lastBackup = lastBackup;
    }

    public String getLastSkipped() {
        return lastSkipped;
    }

    public void setLastSkipped(String lastSkipped) {
        this.lastSkipped = lastSkipped;
    }

    public List<String> getValidationErrors() {
        return validationErrors;
    }

    public void setValidationErrors(List<String> validationErrors) {
        this.validationErrors = validationErrors;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof ScheduleStatus)) {
            return false;
        }
        ScheduleStatus that = (ScheduleStatus) other;
        return Objects.equals(phase, that.phase)
                && Objects.equals(lastBackup, that.lastBackup)
                && Objects.equals(lastSkipped, that.lastSkipped)
                && Objects.equals(validationErrors, that.validationErrors);
    }

    @Override
    public int hashCode() {
        return Objects.hash(phase, lastBackup, lastSkipped, validationErrors);
    }

    @Override
    public String toString() {
        return "ScheduleStatus{"
                + "phase=" + phase
                + ", lastBackup=" + lastBackup
                + ", lastSkipped=" + lastSkipped
                + ", validationErrors=" + validationErrors
                + "}";
    }
}
