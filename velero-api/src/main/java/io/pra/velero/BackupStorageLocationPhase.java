package io.pra.velero;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Whether Velero can currently read and write a BackupStorageLocation. */
public enum BackupStorageLocationPhase {
    AVAILABLE("Available"),
    UNAVAILABLE("Unavailable"),
    /** A phase this model does not know (a newer Velero); kept so that reading never fails. */
    UNKNOWN("Unknown");

    private final String value;

    BackupStorageLocationPhase(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    @JsonCreator
    public static BackupStorageLocationPhase fromValue(String value) {
        for (BackupStorageLocationPhase phase : values()) {
            if (phase.value.equals(value)) {
                return phase;
            }
        }
        return UNKNOWN;
    }

    @Override
    public String toString() {
        return value;
    }
}
