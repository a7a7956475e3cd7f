package io.pra.testkit.k8s.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The verdict on one object: which object, what the API server would store (pruned and defaulted), why it would
 * refuse it, which unknown fields it dropped (in {@link UnknownFields#PRUNE} mode) and which validation rules could not
 * be evaluated here.
 *
 * @param object         {@code Kind namespace/name (apiVersion)}
 * @param admitted       the object as stored: unknown fields dropped, defaults applied
 * @param violations     every reason to refuse it; empty when it is accepted
 * @param prunedFields   paths of the unknown fields dropped (in {@code REJECT} mode they are violations instead)
 * @param uncheckedRules {@code x-kubernetes-validations} rules outside the evaluated CEL subset, with their path
 */
public record Admission(String object, JsonNode admitted, List<Violation> violations, List<String> prunedFields,
        List<String> uncheckedRules) {

    public Admission {
        violations = List.copyOf(violations);
        prunedFields = List.copyOf(prunedFields);
        uncheckedRules = List.copyOf(uncheckedRules);
    }

    /** True when the API server would accept the object. */
    public boolean accepted() {
        return violations.isEmpty();
    }

    /** One line naming the object, then one line per violation: {@code path: message}. */
    public String report() {
        StringBuilder text = new StringBuilder(object).append(accepted() ? ": accepted" : ": refused");
        violations.forEach(v -> text.append(System.lineSeparator()).append("  ").append(v));
        return text.toString();
    }

    /** The name of an object as messages give it: {@code Kind namespace/name (apiVersion)}. */
    static String describe(JsonNode object) {
        String namespace = object.path("metadata").path("namespace").asText("");
        return object.path("kind").asText("<no kind>") + " " + (namespace.isEmpty() ? "" : namespace + "/")
                + object.path("metadata").path("name").asText("<no name>") + " (" + object.path("apiVersion").asText("<no apiVersion>") + ")";
    }
}
