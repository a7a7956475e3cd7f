package io.pra.testkit.k8s.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;

/**
 * CEL's operators over JSON values. {@code ||} and {@code &&} are commutative and absorb errors as CEL does
 * ({@code error || true} is true); equality across types is false (heterogeneous equality, as Kubernetes enables);
 * ordering is defined for numbers and for strings only.
 */
final class CelOperators {

    private CelOperators() {
    }

    static Object or(Object left, Object right) {
        if (isBoolean(left, true) || isBoolean(right, true)) {
            return BooleanNode.TRUE;
        }
        return logical("||", left, right, BooleanNode.FALSE);
    }

    static Object and(Object left, Object right) {
        if (isBoolean(left, false) || isBoolean(right, false)) {
            return BooleanNode.FALSE;
        }
        return logical("&&", left, right, BooleanNode.TRUE);
    }

    private static Object logical(String operator, Object left, Object right, JsonNode bothNeutral) {
        if (left instanceof CelExpression.Error) {
            return left;
        }
        if (right instanceof CelExpression.Error) {
            return right;
        }
        if (((JsonNode) left).isBoolean() && ((JsonNode) right).isBoolean()) {
            return bothNeutral;
        }
        return new CelExpression.Error("no such overload: " + CelExpression.describe(left) + " " + operator + " "
                + CelExpression.describe(right));
    }

    private static boolean isBoolean(Object value, boolean expected) {
        return value instanceof JsonNode node && node.isBoolean() && node.asBoolean() == expected;
    }

    static Object compare(String operator, Object left, Object right) {
        if (left instanceof CelExpression.Error) {
            return left;
        }
        if (right instanceof CelExpression.Error) {
            return right;
        }
        JsonNode a = (JsonNode) left;
        JsonNode b = (JsonNode) right;
        if (operator.equals("==") || operator.equals("!=")) {
            return BooleanNode.valueOf(equal(a, b) == operator.equals("=="));
        }
        int order;
        if (a.isNumber() && b.isNumber()) {
            order = Double.compare(a.asDouble(), b.asDouble());
        } else if (a.isTextual() && b.isTextual()) {
            order = a.asText().compareTo(b.asText());
        } else {
            return new CelExpression.Error("no such overload: " + CelExpression.describe(a) + " " + operator + " "
                    + CelExpression.describe(b));
        }
        return BooleanNode.valueOf(switch (operator) {
            case "<" -> order < 0;
            case "<=" -> order <= 0;
            case ">" -> order > 0;
            default -> order >= 0;
        });
    }

    static boolean equal(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.asDouble() == b.asDouble();
        }
        return a.getNodeType() == b.getNodeType() && a.equals(b);
    }

    static Object index(Object target, Object index) {
        if (target instanceof CelExpression.Error) {
            return target;
        }
        if (index instanceof CelExpression.Error) {
            return index;
        }
        JsonNode container = (JsonNode) target;
        JsonNode key = (JsonNode) index;
        if (container.isArray() && key.isIntegralNumber()) {
            int i = key.asInt();
            return i >= 0 && i < container.size() ? container.get(i) : new CelExpression.Error("index out of range: " + i);
        }
        if (container.isObject() && key.isTextual()) {
            return container.has(key.asText()) ? container.get(key.asText())
                    : new CelExpression.Error("no such key: " + key.asText());
        }
        return new CelExpression.Error("no such overload: index " + CelExpression.describe(key) + " of "
                + CelExpression.describe(container));
    }

    static Object size(Object value) {
        if (value instanceof CelExpression.Error) {
            return value;
        }
        JsonNode node = (JsonNode) value;
        if (node.isTextual()) {
            return LongNode.valueOf(node.asText().codePointCount(0, node.asText().length()));
        }
        if (node.isArray() || node.isObject()) {
            return LongNode.valueOf(node.size());
        }
        return new CelExpression.Error("no such overload: size(" + CelExpression.describe(node) + ")");
    }

    static Object negate(Object value) {
        if (value instanceof CelExpression.Error) {
            return value;
        }
        JsonNode node = (JsonNode) value;
        if (node.isIntegralNumber()) {
            return LongNode.valueOf(-node.asLong());
        }
        if (node.isNumber()) {
            return DoubleNode.valueOf(-node.asDouble());
        }
        return new CelExpression.Error("no such overload: -" + CelExpression.describe(node));
    }
}
