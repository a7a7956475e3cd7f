package io.pra.velero;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;

/** What Velero reports about a Backup (Velero's `BackupStatus`). */
@JsonIgnoreProperties(ignoreUnknown = true)
// NON_DEFAULT mirrors Go's omitempty: nulls, zero counts and false flags are left out.
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public class BackupStatus {

    private String formatVersion;
    /** When the backup becomes eligible for garbage collection (start + ttl), RFC 3339. */
    private String expiration;
    private BackupPhase phase;
    private List<String> validationErrors;
    /** When Velero started the backup, RFC 3339 (see {@link Timestamps}). */
    private String startTimestamp;
    /** When the backup ended, recorded for failed backups too. */
    private String completionTimestamp;
    private int volumeSnapshotsAttempted;
    private int volumeSnapshotsCompleted;
    /** The error that made the whole backup fail. */
    private String failureReason;
    private int warnings;
    private int errors;
    private BackupProgress progress;

    public String getFormatVersion() {
        return formatVersion;
    }

    public void setFormatVersion(String formatVersion) {
        this.formatVersion = formatVersion;
    }

    public String getExpiration() {
        return expiration;
    }

    public void setExpiration(String expiration) {
        this.expiration = expiration;
    }

    public BackupPhase getPhase() {
        return phase;
    }

    public void setPhase(BackupPhase phase) {
        this.phase = phase;
    }

    public List<String> getValidationErrors() {
        return validationErrors;
    }

    public void setValidationErrors(List<String> validationErrors) {
        this.validationErrors = validationErrors;
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

    public int getVolumeSnapshotsAttempted() {
        return volumeSnapshotsAttempted;
    }

    public void setVolumeSnapshotsAttempted(int volumeSnapshotsAttempted) {
        this.volumeSnapshotsAttempted = volumeSnapshotsAttempted;
    }

    public int getVolumeSnapshotsCompleted() {
        return volumeSnapshotsCompleted;
    }

    public void setVolumeSnapshotsCompleted(int volumeSnapshotsCompleted) {
        this.volumeSnapshotsCompleted = volumeSnapshotsCompleted;
    }

    public String getFailureReason() {
        return failureReason;
    }

    public void setFailureReason(String failureReason) {
        this.failureReason = failureReason;
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

    public BackupProgress getProgress() {
        return progress;
    }

    public void setProgress(BackupProgress progress) {
        this.progress = progress;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof BackupStatus)) {
            return false;
        }
        BackupStatus that = (BackupStatus) other;
        return Objects.equals(formatVersion, that.formatVersion)
                && Objects.equals(expiration, that.expiration)
                && Objects.equals(phase, that.phase)
                && Objects.equals(validationErrors, that.validationErrors)
                && Objects.equals(startTimestamp, that.startTimestamp)
                && Objects.equals(completionTimestamp, that.completionTimestamp)
                && volumeSnapshotsAttempted == that.volumeSnapshotsAttempted
                && volumeSnapshotsCompleted == that.volumeSnapshotsCompleted
                && Objects.equals(failureReason, that.failureReason)
                && warnings == that.warnings
                && errors == that.errors
                && Objects.equals(progress, that.progress);
    }

    @Override
    public int hashCode() {
        return Objects.hash(formatVersion, expiration, phase, validationErrors, startTimestamp, completionTimestamp, volumeSnapshotsAttempted, volumeSnapshotsCompleted, failureReason, warnings, errors, progress);
    }

    @Override
    public String toString() {
        return "BackupStatus{"
                + "formatVersion=" + formatVersion
                + ", expiration=" + expiration
                + ", phase=" + phase
                + ", validationErrors=" + validationErrors
                + ", startTimestamp=" + startTimestamp
                + ", completionTimestamp=" + completionTimestamp
                + ", volumeSnapshotsAttempted=" + volumeSnapshotsAttempted
                + ", volumeSnapshotsCompleted=" + volumeSnapshotsCompleted
                + ", failureReason=" + failureReason
                + ", warnings=" + warnings
                + ", errors=" + errors
                + ", progress=" + progress
                + "}";
    }
}
