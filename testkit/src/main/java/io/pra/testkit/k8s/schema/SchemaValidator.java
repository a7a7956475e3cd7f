package io.pra.testkit.k8s.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The API server's handling of a custom resource against one version's structural schema, in its order: prune
 * unknown fields, drop non-nullable nulls, read metadata, apply defaults, then validate values, metadata and embedded
 * resources, list types, and (when nothing blocking was found) the {@code x-kubernetes-validations} rules.
 */
public final class SchemaValidator {

    private final SchemaNode root;
    private final ObjectMetaCheck metadata = new ObjectMetaCheck(TypedModel.shared());

    public SchemaValidator(SchemaNode root) {
        this.root = root;
    }

    /** Admits a copy of {@code object} (a whole custom resource); {@code object} itself is not changed. */
    public Admission admit(JsonNode object, UnknownFields unknownFields) {
        JsonNode admitted = object.deepCopy();
        List<Violation> violations = new ArrayList<>();
        List<String> unknown = new ArrayList<>(Pruning.pruneUnknownFields(admitted, root));
        Pruning.dropNonNullableNulls(admitted, root);
        metadata.coerce(admitted, root, unknown, violations);
        Pruning.applyDefaults(admitted, root);

        ValueValidation.validate(admitted, root, "", violations);
        metadata.validate(admitted, root, violations);
        ListTypes.validate(admitted, root, "", violations);
        List<String> unchecked = new ArrayList<>();
        if (violations.stream().noneMatch(Violation::blocksRules)) {
            Rules.evaluate(admitted, root, "", violations, unchecked);
        } else if (Rules.any(root)) {
            violations.add(new Violation("", Violation.Type.INVALID, "some validation rules were not checked because the"
                    + " object was invalid; correct the existing errors to complete validation"));
        }
        List<String> pruned = List.of();
        if (unknownFields == UnknownFields.REJECT) {
            List<Violation> all = new ArrayList<>();
            unknown.forEach(path -> all.add(new Violation(path, Violation.Type.UNKNOWN_FIELD, "unknown field \"" + path + "\"")));
            all.addAll(violations);
            violations = all;
        } else {
            pruned = unknown;
        }
        return new Admission(Admission.describe(object), admitted, violations, pruned, unchecked);
    }
}
