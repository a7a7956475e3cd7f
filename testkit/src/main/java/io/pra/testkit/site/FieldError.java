package io.pra.testkit.site;

import com.fasterxml.jackson.databind.JsonNode;
import io.pra.testkit.k8s.schema.Violation;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One cause of a 422 {@code Invalid}, as the API server writes it ({@code field.Error}): the field path
 * ({@code spec.endpoints[0].port}, map keys after a dot), the cause type ({@code FieldValueTypeInvalid}...) and the
 * message ({@code Invalid value: "integer": spec.endpoints[0].port in body must be of type string: "integer"}).
 */
public record FieldError(String field, String reason, String message) {

    private static final Map<String, String> RENDERED = Map.of(
            "Required value", "FieldValueRequired",
            "Unsupported value", "FieldValueNotSupported",
            "Duplicate value", "FieldValueDuplicate",
            "Too long", "FieldValueTooLong",
            "Too many", "FieldValueTooMany",
            "Forbidden", "FieldValueForbidden");
    private static final Pattern LIMIT = Pattern.compile("at most (\\d+)");
    private static final Pattern METADATA_MAP_KEY = Pattern.compile("((?:.*\\.)?metadata\\.(?:labels|annotations))\\[.*\\]");

    /** {@code field: message}, as in the {@code Status} message. */
    @Override
    public String toString() {
        return field + ": " + message;
    }

    /**
     * The API server's field error for a violation the schema validator found in {@code object} (the object it
     * judged): the validator speaks kube-openapi's words ({@code must be of type string: "integer"}), which the API
     * server wraps in a field error with the bad value and the path ({@code apiextensions-apiserver}'s
     * {@code kubeOpenAPIResultToFieldErrors}).
     */
    public static FieldError of(Violation violation, JsonNode object) {
        Located at = locate(object, violation.path());
        String field = at.path().isEmpty() ? "<nil>" : at.path();
        Matcher metadataMap = METADATA_MAP_KEY.matcher(violation.path());
        if (metadataMap.matches()) {
            // ValidateObjectMeta names the map, not the key: the key is in the message.
            field = metadataMap.group(1);
        }
        String message = violation.message();
        for (Map.Entry<String, String> rendered : RENDERED.entrySet()) {
            if (message.startsWith(rendered.getKey())) {
                return new FieldError(field, rendered.getValue(), message);
            }
        }
        if (message.startsWith("Invalid value")) {
            String reason = violation.type() == Violation.Type.TYPE_INVALID ? "FieldValueTypeInvalid" : "FieldValueInvalid";
            return new FieldError(field, reason, message);
        }
        String inBody = field + " in body ";
        return switch (violation.type()) {
            case TYPE_INVALID -> typeInvalid(field, inBody, message, at.value());
            case TOO_LONG -> new FieldError(field, "FieldValueTooLong", "Too long: " + message);
            case TOO_MANY -> new FieldError(field, "FieldValueTooMany", "Too many: "
                    + (at.value() == null ? "?" : Integer.toString(at.value().size()))
                    + ": must have at most " + limit(message) + " items");
            default -> new FieldError(field, "FieldValueInvalid", "Invalid value: " + goValue(at.value()) + ": "
                    + inBody + withoutValue(message, at.value()));
        };
    }

    /** The bad value of a type error is the JSON type found, as kube-openapi reports it. */
    private static FieldError typeInvalid(String field, String inBody, String message, JsonNode value) {
        if (value == null || value.isNull()) {
            String expected = message.endsWith(": null") ? message.substring(0, message.length() - ": null".length()) : message;
            return new FieldError(field, "FieldValueTypeInvalid", "Invalid value: \"null\": " + inBody + expected);
        }
        int quote = message.lastIndexOf(": \"");
        String found = quote < 0 ? "" : message.substring(quote + 3, message.length() - 1);
        return new FieldError(field, "FieldValueTypeInvalid", "Invalid value: \"" + found + "\": " + inBody + message);
    }

    /** kube-openapi's pattern message does not repeat the value; the validator's does. */
    private static String withoutValue(String message, JsonNode value) {
        if (value != null && value.isTextual() && message.endsWith(": " + value)) {
            return message.substring(0, message.length() - value.toString().length() - 2);
        }
        return message;
    }

    private static String limit(String message) {
        Matcher matcher = LIMIT.matcher(message);
        return matcher.find() ? matcher.group(1) : "?";
    }

    /** How Go's {@code field.Error} prints a decoded JSON value: strings quoted, maps and slices with {@code %#v}. */
    static String goValue(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "\"null\"";
        }
        if (value.isTextual() || value.isNumber() || value.isBoolean()) {
            return value.toString();
        }
        return goSyntax(value);
    }

    private static String goSyntax(JsonNode value) {
        if (value == null || value.isNull()) {
            return "interface {}(nil)";
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(goSyntax(item)));
            return "[]interface {}{" + String.join(", ", items) + "}";
        }
        if (value.isObject()) {
            Map<String, String> fields = new TreeMap<>();
            value.fields().forEachRemaining(e -> fields.put(e.getKey(), goSyntax(e.getValue())));
            List<String> entries = new ArrayList<>();
            fields.forEach((k, v) -> entries.add("\"" + k + "\":" + v));
            return "map[string]interface {}{" + String.join(", ", entries) + "}";
        }
        return value.toString();
    }

    /** A field path in the API server's notation and the value found there (null when absent). */
    private record Located(String path, JsonNode value) {
    }

    /**
     * Follows a validator path ({@code a.b[0].c[key]}) through {@code object}: a bracket on a list is an index and
     * stays one, a bracket on a map is a key and becomes {@code .key}, as the API server writes both.
     */
    private static Located locate(JsonNode object, String path) {
        StringBuilder api = new StringBuilder();
        JsonNode node = object;
        Iterator<String[]> steps = steps(path).iterator();
        while (steps.hasNext()) {
            String[] step = steps.next();
            boolean bracket = step[0].equals("[");
            String name = step[1];
            if (bracket && node != null && node.isArray() && name.matches("\\d+")) {
                api.append('[').append(name).append(']');
                node = node.get(Integer.parseInt(name));
            } else {
                api.append(api.isEmpty() ? "" : ".").append(name);
                node = node == null ? null : node.get(name);
            }
        }
        return new Located(api.toString(), node);
    }

    private static List<String[]> steps(String path) {
        List<String[]> steps = new ArrayList<>();
        int i = 0;
        while (i < path.length()) {
            char c = path.charAt(i);
            if (c == '.') {
                i++;
            } else if (c == '[') {
                int end = path.indexOf(']', i);
                end = end < 0 ? path.length() : end;
                steps.add(new String[] {"[", path.substring(i + 1, end)});
                i = end + 1;
            } else {
                int end = i;
                while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
                    end++;
                }
                steps.add(new String[] {".", path.substring(i, end)});
                i = end;
            }
        }
        return steps;
    }
}
