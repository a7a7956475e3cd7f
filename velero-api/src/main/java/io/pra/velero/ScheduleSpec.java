package io.pra.velero;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/** When a Velero Schedule creates Backups and what they look like (Velero's `ScheduleSpec`). */
@JsonIgnoreProperties(ignoreUnknown = true)
// NON_DEFAULT mirrors Go's omitempty: nulls, zero counts and false flags are left out.
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public class ScheduleSpec {

    /** The spec every Backup created by this schedule gets. */
    private BackupSpec template;
    /** A 5-field cron expression, or `@every <Go duration>`. */
    private String schedule;
    private Boolean useOwnerReferencesInBackup;
    private boolean paused;
    private Boolean skipImmediately;

    public BackupSpec getTemplate() {
        return template;
    }

    public void setTemplate(BackupSpec template) {
        this.template = template;
    }

    public String getSchedule() {
        return schedule;
    }

    public void setSchedule(String schedule) {
        this.schedule = schedule;
    }

    public Boolean getUseOwnerReferencesInBackup() {
        return useOwnerReferencesInBackup;
    }

    public void setUseOwnerReferencesInBackup(Boolean useOwnerReferencesInBackup) {
        this.useOwnerReferencesInBackup = useOwnerReferencesInBackup;
    }

    public boolean isPaused() {
        return paused;
    }

    public void setPaused(boolean paused) {
        this.paused = paused;
    }

    public Boolean getSkipImmediately() {
        return skipImmediately;
    }

    public void setSkipImmediately(Boolean skipImmediately) {
        this.skipImmediately = skipImmediately;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof ScheduleSpec)) {
            return false;
        }
        ScheduleSpec that = (ScheduleSpec) other;
        return Objects.equals(template, that.template)
                && Objects.equals(schedule, that.schedule)
                && Objects.equals(useOwnerReferencesInBackup, that.useOwnerReferencesInBackup)
                && paused == that.paused
                && Objects.equals(skipImmediately, that.skipImmediately);
    }

    @Override
    public int hashCode() {
        return Objects.hash(template, schedule, useOwnerReferencesInBackup, paused, skipImmediately);
    }

    @Override
    public String toString() {
        return "ScheduleSpec{"
                + "template=" + template
                + ", schedule=" + schedule
                + ", useOwnerReferencesInBackup=" + useOwnerReferencesInBackup
                + ", paused=" + paused
                + ", skipImmediately=" + skipImmediately
                + "}";
    }
}
