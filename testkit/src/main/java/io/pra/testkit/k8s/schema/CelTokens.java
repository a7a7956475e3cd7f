package io.pra.testkit.k8s.schema;

import java.util.ArrayList;
import java.util.List;

/** Splits a CEL expression into tokens; a string literal becomes its opening quote followed by its unescaped text. */
final class CelTokens {

    private static final List<String> OPERATORS = List.of("||", "&&", "==", "!=", "<=", ">=", "<", ">", "!", "(", ")",
            ".", ",", "[", "]", "-");

    private CelTokens() {
    }

    static List<String> of(String expression) throws CelExpression.Unsupported {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < expression.length()) {
            char c = expression.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"' || c == '\'') {
                i = string(expression, i, tokens);
            } else if (Character.isDigit(c)) {
                int start = i;
                while (i < expression.length() && (Character.isLetterOrDigit(expression.charAt(i)) || expression.charAt(i) == '.')) {
                    i++;
                }
                String number = expression.substring(start, i);
                if (!number.matches("\\d+|\\d+\\.\\d+([eE][+-]?\\d+)?|\\d+[eE][+-]?\\d+")) {
                    throw new CelExpression.Unsupported("number " + number + " is outside the supported CEL subset");
                }
                tokens.add(number);
            } else if (Character.isJavaIdentifierStart(c)) {
                int start = i;
                while (i < expression.length() && Character.isJavaIdentifierPart(expression.charAt(i))) {
                    i++;
                }
                tokens.add(expression.substring(start, i));
            } else {
                i = operator(expression, i, tokens);
            }
        }
        return tokens;
    }

    private static int operator(String expression, int i, List<String> tokens) throws CelExpression.Unsupported {
        for (String operator : OPERATORS) {
            if (expression.startsWith(operator, i)) {
                tokens.add(operator);
                return i + operator.length();
            }
        }
        throw new CelExpression.Unsupported("character " + expression.charAt(i) + " is outside the supported CEL subset");
    }

    private static int string(String expression, int start, List<String> tokens) throws CelExpression.Unsupported {
        char quote = expression.charAt(start);
        if (expression.startsWith(String.valueOf(quote).repeat(3), start)) {
            throw new CelExpression.Unsupported("triple-quoted strings are outside the supported CEL subset");
        }
        StringBuilder text = new StringBuilder().append(quote);
        int i = start + 1;
        while (i < expression.length() && expression.charAt(i) != quote) {
            char c = expression.charAt(i);
            if (c == '\\' && i + 1 < expression.length()) {
                char escaped = expression.charAt(++i);
                switch (escaped) {
                    case '\\', '"', '\'' -> text.append(escaped);
                    case 'n' -> text.append('\n');
                    case 't' -> text.append('\t');
                    case 'r' -> text.append('\r');
                    default -> throw new CelExpression.Unsupported("escape \\" + escaped + " is outside the supported CEL subset");
                }
            } else {
                text.append(c);
            }
            i++;
        }
        if (i >= expression.length()) {
            throw new CelExpression.Unsupported("unterminated string literal");
        }
        tokens.add(text.toString());
        return i + 1;
    }
}
