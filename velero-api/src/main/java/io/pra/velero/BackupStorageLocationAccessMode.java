package io.pra.velero;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Permissions Velero has on a BackupStorageLocation; a standby site usually reads its peer's location. */
public enum BackupStorageLocationAccessMode {
    READ_ONLY("ReadOnly"),
    READ_WRITE("ReadWrite");

    private final String value;

    BackupStorageLocationAccessMode(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    @JsonCreator
    public static BackupStorageLocationAccessMode fromValue(String value) {
        for (BackupStorageLocationAccessMode mode : values()) {
            if (mode.value.equals(value)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown access mode: " + value);
    }

    @Override
    public String toString() {
        return value;
    }
}
