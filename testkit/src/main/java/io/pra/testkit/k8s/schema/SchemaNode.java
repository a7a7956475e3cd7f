package io.pra.testkit.k8s.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One node of a CRD's {@code openAPIV3Schema}, read into the fields the API server acts on. Only the keywords a
 * CustomResourceDefinition may use are accepted ({@code $ref}, {@code patternProperties}, {@code definitions} and
 * the like are refused when the schema is read), so a schema this class reads is one the API server would take.
 */
public final class SchemaNode {

    private static final Set<String> KEYWORDS = Set.of(
            "description", "title", "type", "format", "default", "example", "externalDocs", "nullable",
            "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum", "multipleOf",
            "maxLength", "minLength", "pattern", "maxItems", "minItems", "uniqueItems",
            "maxProperties", "minProperties", "required", "enum", "items", "properties", "additionalProperties",
            "allOf", "anyOf", "oneOf", "not",
            "x-kubernetes-preserve-unknown-fields", "x-kubernetes-embedded-resource", "x-kubernetes-int-or-string",
            "x-kubernetes-list-type", "x-kubernetes-list-map-keys", "x-kubernetes-map-type",
            "x-kubernetes-validations");

    final String type;
    final boolean nullable;
    final boolean intOrString;
    final boolean preserveUnknownFields;
    final boolean embeddedResource;
    final Map<String, SchemaNode> properties;
    /** {@code additionalProperties} given as a schema; null when absent or given as a boolean. */
    final SchemaNode additionalProperties;
    /** {@code additionalProperties: false}: only {@link #properties} may appear (kept for value validation). */
    final boolean additionalPropertiesForbidden;
    final SchemaNode items;
    final List<String> required;
    final List<JsonNode> enumValues;
    final String format;
    final Pattern pattern;
    final String patternSource;
    final Double minimum;
    final Double maximum;
    final boolean exclusiveMinimum;
    final boolean exclusiveMaximum;
    final Double multipleOf;
    final Long minLength;
    final Long maxLength;
    final Long minItems;
    final Long maxItems;
    final boolean uniqueItems;
    final Long minProperties;
    final Long maxProperties;
    final JsonNode defaultValue;
    final List<SchemaNode> allOf;
    final List<SchemaNode> anyOf;
    final List<SchemaNode> oneOf;
    final SchemaNode not;
    final String listType;
    final List<String> listMapKeys;
    final List<ValidationRule> rules;

    private SchemaNode(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(where + ": a schema must be an object");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String keyword = names.next();
            if (!KEYWORDS.contains(keyword)) {
                throw new IllegalArgumentException(where + ": keyword " + keyword + " is not allowed in a CRD schema");
            }
        }
        type = text(node, "type");
        nullable = node.path("nullable").asBoolean(false);
        intOrString = node.path("x-kubernetes-int-or-string").asBoolean(false);
        preserveUnknownFields = node.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        embeddedResource = node.path("x-kubernetes-embedded-resource").asBoolean(false);
        properties = properties(node.path("properties"), where);
        JsonNode additional = node.path("additionalProperties");
        additionalProperties = additional.isObject() ? new SchemaNode(additional, where + ".additionalProperties") : null;
        additionalPropertiesForbidden = additional.isBoolean() && !additional.asBoolean();
        items = node.path("items").isObject() ? new SchemaNode(node.path("items"), where + ".items") : null;
        required = strings(node.path("required"));
        enumValues = node.has("enum") ? List.copyOf(elements(node.path("enum"))) : null;
        format = text(node, "format");
        patternSource = text(node, "pattern");
        pattern = compile(patternSource, where);
        minimum = number(node, "minimum");
        maximum = number(node, "maximum");
        exclusiveMinimum = node.path("exclusiveMinimum").asBoolean(false);
        exclusiveMaximum = node.path("exclusiveMaximum").asBoolean(false);
        multipleOf = number(node, "multipleOf");
        minLength = count(node, "minLength");
        maxLength = count(node, "maxLength");
        minItems = count(node, "minItems");
        maxItems = count(node, "maxItems");
        uniqueItems = node.path("uniqueItems").asBoolean(false);
        minProperties = count(node, "minProperties");
        maxProperties = count(node, "maxProperties");
        defaultValue = node.has("default") ? node.get("default") : null;
        allOf = schemas(node.path("allOf"), where + ".allOf");
        anyOf = schemas(node.path("anyOf"), where + ".anyOf");
        oneOf = schemas(node.path("oneOf"), where + ".oneOf");
        not = node.path("not").isObject() ? new SchemaNode(node.path("not"), where + ".not") : null;
        listType = text(node, "x-kubernetes-list-type");
        listMapKeys = strings(node.path("x-kubernetes-list-map-keys"));
        rules = ValidationRule.read(node.path("x-kubernetes-validations"));
    }

    /** Reads an {@code openAPIV3Schema}; {@code where} names it in errors (e.g. the CRD and version). */
    public static SchemaNode read(JsonNode schema, String where) {
        return new SchemaNode(schema, where);
    }

    /** The schema of a field of this object: a declared property, else {@code additionalProperties}, else null. */
    SchemaNode field(String name) {
        SchemaNode property = properties.get(name);
        return property != null ? property : additionalProperties;
    }

    /** The types a value may have here: {@code integer} and {@code string} for int-or-string, none when unset. */
    List<String> types() {
        if (intOrString) {
            return List.of("integer", "string");
        }
        return type == null ? List.of() : List.of(type);
    }

    private static Map<String, SchemaNode> properties(JsonNode node, String where) {
        if (!node.isObject()) {
            return Map.of();
        }
        Map<String, SchemaNode> map = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> map.put(e.getKey(), new SchemaNode(e.getValue(), where + "." + e.getKey())));
        return Collections.unmodifiableMap(map);
    }

    private static List<SchemaNode> schemas(JsonNode node, String where) {
        List<SchemaNode> list = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            list.add(new SchemaNode(node.get(i), where + "[" + i + "]"));
        }
        return List.copyOf(list);
    }

    private static Pattern compile(String regex, String where) {
        if (regex == null) {
            return null;
        }
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(where + ": pattern " + regex + " does not compile: " + e.getDescription(), e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Double number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isNumber() ? null : value.asDouble();
    }

    private static Long count(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isNumber() ? null : value.asLong();
    }

    private static List<String> strings(JsonNode array) {
        Set<String> values = new LinkedHashSet<>();
        elements(array).forEach(v -> values.add(v.asText()));
        return List.copyOf(values);
    }

    private static List<JsonNode> elements(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list;
    }
}
