package io.pra.velero;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/** What Velero reports about a BackupStorageLocation. */
@JsonIgnoreProperties(ignoreUnknown = true)
// NON_DEFAULT mirrors Go's omitempty: nulls, zero counts and false flags are left out.
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public class BackupStorageLocationStatus {

    private BackupStorageLocationPhase phase;
    /** Last time the location's backups were synced into the cluster, RFC 3339. */
    private String lastSyncedTime;
    private String lastValidationTime;
    private String message;

    public BackupStorageLocationPhase getPhase() {
        return phase;
    }

    public void setPhase(BackupStorageLocationPhase phase) {
        this.phase = phase;
    }

    public String getLastSyncedTime() {
        return lastSyncedTime;
    }

    public void setLastSyncedTime(String lastSyncedTime) {
        this.lastSyncedTime = lastSyncedTime;
    }

    public String getLastValidationTime() {
        return lastValidationTime;
    }

    public void setLastValidationTime(String lastValidationTime) {
        this.lastValidationTime = lastValidationTime;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof BackupStorageLocationStatus)) {
            return false;
        }
        BackupStorageLocationStatus that = (BackupStorageLocationStatus) other;
        return Objects.equals(phase, that.phase)
                && Objects.equals(lastSyncedTime, that.lastSyncedTime)
                && Objects.equals(lastValidationTime, that.lastValidationTime)
                && Objects.equals(message, that.message);
    }

    @Override
    public int hashCode() {
        return Objects.hash(phase, lastSyncedTime, lastValidationTime, message);
    }

    @Override
    public String toString() {
        return "BackupStorageLocationStatus{"
                + "phase=" + phase
                + ", lastSyncedTime=" + lastSyncedTime
                + ", lastValidationTime=" + lastValidationTime
                + ", message=" + message
                + "}";
    }
}
