package io.pra.testkit.k8s.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Evaluates the {@code x-kubernetes-validations} rules of every schema node that has a value, with {@code self}
 * bound to that value. A rule outside the CEL subset of {@link CelExpression} is listed as not checked.
 */
final class Rules {

    private Rules() {
    }

    static void evaluate(JsonNode value, SchemaNode schema, String path, List<Violation> out, List<String> unchecked) {
        if (schema == null || value == null || value.isNull()) {
            return;
        }
        for (ValidationRule rule : schema.rules) {
            if (rule.expression == null) {
                unchecked.add((path.isEmpty() ? "<object>" : path) + ": " + rule.rule + " (" + rule.unsupported + ")");
                continue;
            }
            Object result = rule.expression.evaluate(value);
            if (result instanceof CelExpression.Error error) {
                out.add(new Violation(path, Violation.Type.RULE, error.message() + " evaluating rule: " + rule.rule));
            } else if (!((JsonNode) result).isBoolean()) {
                out.add(new Violation(path, Violation.Type.RULE, "rule did not evaluate to a boolean: " + rule.rule));
            } else if (!((JsonNode) result).asBoolean()) {
                out.add(new Violation(path, Violation.Type.RULE, "Invalid value: " + rule.message));
            }
        }
        if (value.isObject()) {
            value.fields().forEachRemaining(field -> {
                SchemaNode property = schema.properties.get(field.getKey());
                if (property != null) {
                    evaluate(field.getValue(), property, Violation.child(path, field.getKey()), out, unchecked);
                } else if (schema.additionalProperties != null) {
                    evaluate(field.getValue(), schema.additionalProperties, Violation.key(path, field.getKey()), out, unchecked);
                }
            });
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                evaluate(value.get(i), schema.items, Violation.index(path, i), out, unchecked);
            }
        }
    }

    /** Whether {@code schema} or any node below it has a rule. */
    static boolean any(SchemaNode schema) {
        if (schema == null) {
            return false;
        }
        if (!schema.rules.isEmpty() || any(schema.items) || any(schema.additionalProperties)) {
            return true;
        }
        return schema.properties.values().stream().anyMatch(Rules::any);
    }
}
