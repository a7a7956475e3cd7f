package io.pra.testkit.k8s.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;

/**
 * A small subset of CEL, enough for the {@code x-kubernetes-validations} rules of the CRDs PRA deploys: {@code self},
 * field selection, {@code has()}, {@code size()}, indexing, literals (string, int, double, bool, null), {@code !},
 * unary {@code -}, {@code == != < <= > >=}, {@code &&} and {@code ||} with CEL's error-absorbing logic. Anything else
 * fails to parse with {@link Unsupported}, and the rule is reported as not checked rather than guessed at.
 */
final class CelExpression {

    /** A rule whose expression is outside the subset. */
    static final class Unsupported extends Exception {
        Unsupported(String message) {
            super(message);
        }
    }

    /** A CEL evaluation error (no such key, no matching overload), which the API server reports as a rule failure. */
    record Error(String message) {
    }

    private sealed interface Node permits Literal, Self, Select, Has, Index, Size, Not, Negate, Binary {
    }

    private record Literal(JsonNode value) implements Node {
    }

    private record Self() implements Node {
    }

    private record Select(Node target, String field) implements Node {
    }

    private record Has(Select select) implements Node {
    }

    private record Index(Node target, Node index) implements Node {
    }

    private record Size(Node target) implements Node {
    }

    private record Not(Node operand) implements Node {
    }

    private record Negate(Node operand) implements Node {
    }

    private record Binary(String operator, Node left, Node right) implements Node {
    }

    private final Node root;

    private CelExpression(Node root) {
        this.root = root;
    }

    /** Parses {@code rule}; throws {@link Unsupported} for anything outside the subset. */
    static CelExpression parse(String rule) throws Unsupported {
        Parser parser = new Parser(CelTokens.of(rule));
        Node node = parser.or();
        parser.expectEnd();
        return new CelExpression(node);
    }

    /** The value of the expression with {@code self} bound to {@code self}: a {@link JsonNode} or an {@link Error}. */
    Object evaluate(JsonNode self) {
        return eval(root, self);
    }

    private static Object eval(Node node, JsonNode self) {
        if (node instanceof Literal literal) {
            return literal.value();
        } else if (node instanceof Self) {
            return self;
        } else if (node instanceof Select select) {
            Object target = eval(select.target(), self);
            if (target instanceof Error) {
                return target;
            }
            JsonNode object = (JsonNode) target;
            if (!object.isObject()) {
                return new Error("no such overload: field selection ." + select.field() + " on " + object.getNodeType());
            }
            return object.has(select.field()) ? object.get(select.field()) : new Error("no such key: " + select.field());
        } else if (node instanceof Has has) {
            Object target = eval(has.select().target(), self);
            if (target instanceof Error) {
                return target;
            }
            JsonNode object = (JsonNode) target;
            return object.isObject() ? BooleanNode.valueOf(object.has(has.select().field()))
                    : new Error("no such overload: has() on " + object.getNodeType());
        } else if (node instanceof Index index) {
            return CelOperators.index(eval(index.target(), self), eval(index.index(), self));
        } else if (node instanceof Size size) {
            return CelOperators.size(eval(size.target(), self));
        } else if (node instanceof Not not) {
            Object operand = eval(not.operand(), self);
            if (operand instanceof JsonNode value && value.isBoolean()) {
                return BooleanNode.valueOf(!value.asBoolean());
            }
            return operand instanceof Error ? operand : new Error("no such overload: !" + describe(operand));
        } else if (node instanceof Negate negate) {
            return CelOperators.negate(eval(negate.operand(), self));
        }
        Binary binary = (Binary) node;
        Object left = eval(binary.left(), self);
        Object right = eval(binary.right(), self);
        return switch (binary.operator()) {
            case "||" -> CelOperators.or(left, right);
            case "&&" -> CelOperators.and(left, right);
            default -> CelOperators.compare(binary.operator(), left, right);
        };
    }

    static String describe(Object value) {
        return value instanceof JsonNode node ? node.getNodeType().toString().toLowerCase() : String.valueOf(value);
    }

    /** Recursive descent over the subset's grammar, lowest precedence first. */
    private static final class Parser {

        private final List<String> tokens;
        private int next;

        Parser(List<String> tokens) {
            this.tokens = tokens;
        }

        Node or() throws Unsupported {
            Node left = and();
            while (accept("||")) {
                left = new Binary("||", left, and());
            }
            return left;
        }

        private Node and() throws Unsupported {
            Node left = relation();
            while (accept("&&")) {
                left = new Binary("&&", left, relation());
            }
            return left;
        }

        private Node relation() throws Unsupported {
            Node left = unary();
            for (String operator : List.of("==", "!=", "<=", ">=", "<", ">")) {
                if (accept(operator)) {
                    return new Binary(operator, left, unary());
                }
            }
            return left;
        }

        private Node unary() throws Unsupported {
            if (accept("!")) {
                return new Not(unary());
            }
            if (accept("-")) {
                return new Negate(unary());
            }
            return member();
        }

        private Node member() throws Unsupported {
            Node node = primary();
            while (true) {
                if (accept(".")) {
                    String name = identifier();
                    if (accept("(")) {
                        expect(")");
                        if (!name.equals("size")) {
                            throw new Unsupported("method " + name + "() is outside the supported CEL subset");
                        }
                        node = new Size(node);
                    } else {
                        node = new Select(node, name);
                    }
                } else if (accept("[")) {
                    Node index = or();
                    expect("]");
                    node = new Index(node, index);
                } else {
                    return node;
                }
            }
        }

        private Node primary() throws Unsupported {
            String token = peek();
            if (accept("(")) {
                Node inner = or();
                expect(")");
                return inner;
            }
            if (token.startsWith("\"") || token.startsWith("'")) {
                next++;
                return new Literal(TextNode.valueOf(token.substring(1)));
            }
            if (Character.isDigit(token.charAt(0))) {
                next++;
                return new Literal(token.contains(".") || token.contains("e") || token.contains("E")
                        ? DoubleNode.valueOf(Double.parseDouble(token)) : LongNode.valueOf(Long.parseLong(token)));
            }
            String name = identifier();
            switch (name) {
                case "true", "false" -> {
                    return new Literal(BooleanNode.valueOf(name.equals("true")));
                }
                case "null" -> {
                    return new Literal(NullNode.getInstance());
                }
                case "self" -> {
                    return new Self();
                }
                case "has" -> {
                    expect("(");
                    Node argument = member();
                    expect(")");
                    if (!(argument instanceof Select select)) {
                        throw new Unsupported("has() takes a field selection");
                    }
                    return new Has(select);
                }
                case "size" -> {
                    expect("(");
                    Node argument = or();
                    expect(")");
                    return new Size(argument);
                }
                default -> throw new Unsupported("identifier or function " + name
                        + " is outside the supported CEL subset (oldSelf rules are transition rules, not checked on create)");
            }
        }

        private String identifier() throws Unsupported {
            String token = peek();
            if (!Character.isJavaIdentifierStart(token.charAt(0))) {
                throw new Unsupported("expected a name, found " + token);
            }
            next++;
            return token;
        }

        private String peek() throws Unsupported {
            if (next >= tokens.size()) {
                throw new Unsupported("unexpected end of expression");
            }
            return tokens.get(next);
        }

        private boolean accept(String token) {
            if (next < tokens.size() && tokens.get(next).equals(token)) {
                next++;
                return true;
            }
            return false;
        }

        private void expect(String token) throws Unsupported {
            if (!accept(token)) {
                throw new Unsupported("expected " + token + (next < tokens.size() ? ", found " + tokens.get(next) : " at the end"));
            }
        }

        void expectEnd() throws Unsupported {
            if (next != tokens.size()) {
                throw new Unsupported("unexpected " + tokens.get(next));
            }
        }
    }
}
