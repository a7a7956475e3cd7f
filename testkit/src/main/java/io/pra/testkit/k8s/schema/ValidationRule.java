package io.pra.testkit.k8s.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code x-kubernetes-validations} rule of a schema node: its CEL text and message, and its parsed expression, or
 * why it is outside the subset {@link CelExpression} evaluates (such a rule is reported as not checked).
 */
final class ValidationRule {

    final String rule;
    final String message;
    final CelExpression expression;
    final String unsupported;

    private ValidationRule(String rule, String message) {
        this.rule = rule;
        this.message = message;
        CelExpression parsed = null;
        String reason = null;
        try {
            parsed = CelExpression.parse(rule);
        } catch (CelExpression.Unsupported e) {
            reason = e.getMessage();
        }
        this.expression = parsed;
        this.unsupported = reason;
    }

    static List<ValidationRule> read(JsonNode rules) {
        List<ValidationRule> list = new ArrayList<>();
        for (JsonNode rule : rules) {
            String message = rule.path("message").asText("");
            list.add(new ValidationRule(rule.path("rule").asText(),
                    message.isEmpty() ? "failed rule: " + rule.path("rule").asText() : message));
        }
        return List.copyOf(list);
    }
}
