package io.pra.velero;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Lifecycle phase of a Velero Restore, serialised as Velero's exact string. */
public enum RestorePhase {
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
    /** A phase this model does not know (a newer Velero); kept so that reading never fails. */
    UNKNOWN("Unknown");

    private final String value;

    RestorePhase(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    @JsonCreator
    public static RestorePhase fromValue(String value) {
        for (RestorePhase phase : values()) {
            if (phase.value.equals(value)) {
                return phase;
            }
        }
        return UNKNOWN;
    }

    /** True once Velero will not touch the restore again. */
    public boolean isTerminal() {
        return this == COMPLETED || this == PARTIALLY_FAILED || this == FAILED || this == FAILED_VALIDATION;
    }

    @Override
    public String toString() {
        return value;
    }
}
