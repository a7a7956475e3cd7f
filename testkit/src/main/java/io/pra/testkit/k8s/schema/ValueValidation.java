package io.pra.testkit.k8s.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The OpenAPI value validation the API server runs on a custom resource after pruning and defaulting (kube-openapi
 * {@code validation/validate}): type with {@code nullable} and int-or-string, {@code enum}, string length,
 * {@code pattern} and {@code format}, numeric bounds and {@code multipleOf}, item and property counts,
 * {@code uniqueItems}, {@code required}, {@code items}, {@code properties}, {@code additionalProperties}, and the
 * {@code allOf}, {@code anyOf}, {@code oneOf}, {@code not} combinators.
 */
final class ValueValidation {

    private ValueValidation() {
    }

    static void validate(JsonNode value, SchemaNode schema, String path, List<Violation> out) {
        if (schema == null) {
            return;
        }
        if (value == null || value.isNull()) {
            if (!schema.types().isEmpty() && !schema.nullable) {
                out.add(new Violation(path, Violation.Type.TYPE_INVALID, "must be of type " + String.join(",", schema.types())
                        + ": null"));
            }
            checkEnum(value, schema, path, out);
            return;
        }
        String actual = jsonType(value);
        if (!schema.types().isEmpty() && !schema.types().contains(actual)
                && !(actual.equals("number") && schema.types().contains("integer") && isIntegral(value))
                && !(actual.equals("integer") && schema.types().contains("number"))) {
            out.add(new Violation(path, Violation.Type.TYPE_INVALID, "must be of type " + String.join(",", schema.types())
                    + ": \"" + actual + "\""));
            return;
        }
        combinators(value, schema, path, out);
        if (value.isTextual()) {
            strings(value.asText(), schema, path, out);
        } else if (value.isNumber()) {
            numbers(value, schema, path, out);
        } else if (value.isArray()) {
            arrays(value, schema, path, out);
        } else if (value.isObject()) {
            objects(value, schema, path, out);
        }
        checkEnum(value, schema, path, out);
    }

    private static void combinators(JsonNode value, SchemaNode schema, String path, List<Violation> out) {
        if (!schema.anyOf.isEmpty()) {
            List<Violation> best = null;
            for (SchemaNode branch : schema.anyOf) {
                List<Violation> errors = errorsOf(value, branch, path);
                if (errors.isEmpty()) {
                    best = null;
                    break;
                }
                best = best == null || errors.size() < best.size() ? errors : best;
            }
            if (best != null) {
                out.add(new Violation(path, Violation.Type.INVALID, "must validate at least one schema (anyOf)"));
                out.addAll(best);
            }
        }
        if (!schema.oneOf.isEmpty()) {
            int valid = 0;
            List<Violation> best = null;
            for (SchemaNode branch : schema.oneOf) {
                List<Violation> errors = errorsOf(value, branch, path);
                if (errors.isEmpty()) {
                    valid++;
                } else if (best == null || errors.size() < best.size()) {
                    best = errors;
                }
            }
            if (valid != 1) {
                out.add(new Violation(path, Violation.Type.INVALID, "must validate one and only one schema (oneOf). "
                        + (valid == 0 ? "Found none valid" : "Found " + valid + " valid alternatives")));
                if (valid == 0) {
                    out.addAll(best);
                }
            }
        }
        if (!schema.allOf.isEmpty()) {
            boolean all = true;
            for (SchemaNode branch : schema.allOf) {
                List<Violation> errors = errorsOf(value, branch, path);
                all &= errors.isEmpty();
                out.addAll(errors);
            }
            if (!all) {
                out.add(new Violation(path, Violation.Type.INVALID, "must validate all the schemas (allOf)"));
            }
        }
        if (schema.not != null && errorsOf(value, schema.not, path).isEmpty()) {
            out.add(new Violation(path, Violation.Type.INVALID, "must not validate the schema (not)"));
        }
    }

    private static List<Violation> errorsOf(JsonNode value, SchemaNode schema, String path) {
        List<Violation> errors = new ArrayList<>();
        validate(value, schema, path, errors);
        return errors;
    }

    private static void strings(String text, SchemaNode schema, String path, List<Violation> out) {
        long length = text.codePointCount(0, text.length());
        if (schema.maxLength != null && length > schema.maxLength) {
            out.add(new Violation(path, Violation.Type.TOO_LONG, "may not be more than " + schema.maxLength + " bytes"));
        }
        if (schema.minLength != null && length < schema.minLength) {
            out.add(new Violation(path, Violation.Type.INVALID, "should be at least " + schema.minLength + " chars long"));
        }
        if (schema.pattern != null && !schema.pattern.matcher(text).find()) {
            out.add(new Violation(path, Violation.Type.INVALID, "should match '" + schema.patternSource + "': \"" + text + "\""));
        }
        if (schema.format != null && !Formats.valid(schema.format, text)) {
            out.add(new Violation(path, Violation.Type.INVALID, "must be of type " + schema.format + ": \"" + text + "\""));
        }
    }

    private static void numbers(JsonNode value, SchemaNode schema, String path, List<Violation> out) {
        double number = value.asDouble();
        if (schema.multipleOf != null && schema.multipleOf != 0 && !isWhole(number / schema.multipleOf)) {
            out.add(new Violation(path, Violation.Type.INVALID, "should be a multiple of " + plain(schema.multipleOf)));
        }
        if (schema.maximum != null && (schema.exclusiveMaximum ? number >= schema.maximum : number > schema.maximum)) {
            out.add(new Violation(path, Violation.Type.INVALID, "should be less than " + (schema.exclusiveMaximum ? "" : "or equal to ")
                    + plain(schema.maximum)));
        }
        if (schema.minimum != null && (schema.exclusiveMinimum ? number <= schema.minimum : number < schema.minimum)) {
            out.add(new Violation(path, Violation.Type.INVALID, "should be greater than "
                    + (schema.exclusiveMinimum ? "" : "or equal to ") + plain(schema.minimum)));
        }
    }

    private static void arrays(JsonNode array, SchemaNode schema, String path, List<Violation> out) {
        if (schema.minItems != null && array.size() < schema.minItems) {
            out.add(new Violation(path, Violation.Type.INVALID, "should have at least " + schema.minItems + " items"));
        }
        if (schema.maxItems != null && array.size() > schema.maxItems) {
            out.add(new Violation(path, Violation.Type.TOO_MANY, "must have at most " + schema.maxItems + " items"));
        }
        if (schema.uniqueItems) {
            for (int i = 1; i < array.size(); i++) {
                for (int j = 0; j < i; j++) {
                    if (CelOperators.equal(array.get(i), array.get(j))) {
                        out.add(new Violation(path, Violation.Type.DUPLICATE, "shouldn't contain duplicates"));
                        i = array.size();
                        break;
                    }
                }
            }
        }
        for (int i = 0; i < array.size(); i++) {
            validate(array.get(i), schema.items, Violation.index(path, i), out);
        }
    }

    private static void objects(JsonNode object, SchemaNode schema, String path, List<Violation> out) {
        if (schema.minProperties != null && object.size() < schema.minProperties) {
            out.add(new Violation(path, Violation.Type.INVALID, "should have at least " + schema.minProperties + " properties"));
        }
        if (schema.maxProperties != null && object.size() > schema.maxProperties) {
            out.add(new Violation(path, Violation.Type.TOO_MANY, "should have at most " + schema.maxProperties + " properties"));
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            SchemaNode property = schema.properties.get(field.getKey());
            if (property != null) {
                validate(field.getValue(), property, Violation.child(path, field.getKey()), out);
            } else if (schema.additionalProperties != null) {
                validate(field.getValue(), schema.additionalProperties, Violation.key(path, field.getKey()), out);
            } else if (schema.additionalPropertiesForbidden) {
                out.add(new Violation(Violation.child(path, field.getKey()), Violation.Type.INVALID, "additional property "
                        + field.getKey() + " is not allowed"));
            }
        }
        for (String name : schema.required) {
            if (!object.has(name)) {
                out.add(new Violation(Violation.child(path, name), Violation.Type.REQUIRED, "Required value"));
            }
        }
    }

    private static void checkEnum(JsonNode value, SchemaNode schema, String path, List<Violation> out) {
        if (schema.enumValues == null) {
            return;
        }
        JsonNode actual = value == null ? NullNode.getInstance() : value;
        if (schema.enumValues.stream().noneMatch(allowed -> CelOperators.equal(allowed, actual))) {
            List<String> supported = new ArrayList<>();
            schema.enumValues.forEach(v -> supported.add(v.isTextual() ? "\"" + v.asText() + "\"" : v.toString()));
            out.add(new Violation(path, Violation.Type.NOT_SUPPORTED, "Unsupported value: " + actual
                    + ": supported values: " + String.join(", ", supported)));
        }
    }

    static String jsonType(JsonNode value) {
        if (value.isTextual()) {
            return "string";
        } else if (value.isBoolean()) {
            return "boolean";
        } else if (value.isIntegralNumber()) {
            return "integer";
        } else if (value.isNumber()) {
            return "number";
        } else if (value.isArray()) {
            return "array";
        } else if (value.isObject()) {
            return "object";
        }
        return value.getNodeType().toString().toLowerCase();
    }

    private static boolean isIntegral(JsonNode number) {
        return isWhole(number.asDouble());
    }

    private static boolean isWhole(double number) {
        return !Double.isInfinite(number) && number == Math.rint(number);
    }

    private static String plain(double number) {
        return isWhole(number) ? Long.toString((long) number) : Double.toString(number);
    }
}
