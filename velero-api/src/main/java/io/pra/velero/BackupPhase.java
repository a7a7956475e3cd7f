package io.pra.velero;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Lifecycle phase of a Velero Backup, serialised as Velero's exact string. */
public enum BackupPhase {
    NEW("New"),
    FAILED_VALIDATION("FailedValidation"),
    IN_PROGRESS("InProgress"),
    WAITING_FOR_PLUGIN_OPERATIONS("WaitingForPluginOperations"),
    WAITING_FOR_PLUGIN_OPERATIONS_PARTIALLY_FAILED("WaitingForPluginOperationsPartiallyFailed"),
    FINALIZING("Finalizing"),
    FINALIZING_PARTIALLY_FAILED("FinalizingPartiallyFailed"),
    COMPLETED("Completed"),
    PARTIALLY_FAILED("PartiallyFailed"),
    FAILED("Failed"),
    DELETING("Deleting"),
    /** A phase this model does not know (a newer Velero); kept so that reading never fails. */
    UNKNOWN("Unknown");

    private final String value;

    BackupPhase(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    @JsonCreator
    public static BackupPhase fromValue(String value) {
        for (BackupPhase phase : values()) {
            if (phase.value.equals(value)) {
                return phase;
            }
        }
        return UNKNOWN;
    }

    /** True once Velero will not touch the backup again (Deleting aside). */
    public boolean isTerminal() {
        return this == COMPLETED || this == PARTIALLY_FAILED || this == FAILED || this == FAILED_VALIDATION;
    }

    /** True when the backup's data can be restored from (Velero restores PartiallyFailed backups too). */
    public boolean isRestorable() {
        return this == COMPLETED || this == PARTIALLY_FAILED;
    }

    @Override
    public String toString() {
        return value;
    }
}
