package io.pra.velero;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Lifecycle phase of a Velero Schedule, serialised as Velero's exact string. */
public enum SchedulePhase {
    NEW("New"),
    ENABLED("Enabled"),
    FAILED_VALIDATION("FailedValidation"),
    /** A phase this model does not know (a newer Velero); kept so that reading never fails. */
    UNKNOWN("Unknown");

    private final String value;

    SchedulePhase(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    @JsonCreator
    public static SchedulePhase fromValue(String value) {
        for (SchedulePhase phase : values()) {
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
