package io.pra.velero;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What a Restore does with an object that already exists on the target cluster. */
public enum ExistingResourcePolicy {
    /** Leave the existing object alone (Velero's default, also when the field is empty). */
    NONE("none"),
    /** Patch the existing object towards the backed-up one. */
    UPDATE("update");

    private final String value;

    ExistingResourcePolicy(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    @JsonCreator
    public static ExistingResourcePolicy fromValue(String value) {
        for (ExistingResourcePolicy policy : values()) {
            if (policy.value.equals(value)) {
                return policy;
            }
        }
        throw new IllegalArgumentException("unknown existing resource policy: " + value);
    }

    @Override
    public String toString() {
        return value;
    }
}
