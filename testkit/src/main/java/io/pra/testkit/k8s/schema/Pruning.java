package io.pra.testkit.k8s.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the API server does to a custom resource before validating it, in its order (apiextensions-apiserver
 * {@code pruning/algorithm.go}, {@code defaulting/prunenulls.go}, {@code defaulting/algorithm.go}): drop every field
 * the structural schema neither declares nor preserves, drop nulls where the schema is not nullable and has no
 * default, then apply defaults. {@code apiVersion}, {@code kind} and {@code metadata} of the object and of embedded
 * resources are left to {@link ObjectMetaCheck}. Works in place on Jackson's mutable nodes.
 */
final class Pruning {

    private static final Set<String> META_FIELDS = Set.of("apiVersion", "kind", "metadata");

    private Pruning() {
    }

    /** Removes unknown fields from {@code object} (an object's root) and returns their paths. */
    static List<String> pruneUnknownFields(JsonNode object, SchemaNode root) {
        List<String> pruned = new ArrayList<>();
        prune(object, root, "", true, pruned);
        return pruned;
    }

    private static void prune(JsonNode value, SchemaNode schema, String path, boolean resourceRoot, List<String> pruned) {
        if (schema != null && schema.preserveUnknownFields) {
            keepUnknown(value, schema, path, resourceRoot, pruned);
            return;
        }
        if (value instanceof ObjectNode object) {
            boolean embedded = resourceRoot || (schema != null && schema.embeddedResource);
            for (String name : fieldNames(object)) {
                if (embedded && META_FIELDS.contains(name)) {
                    continue;
                }
                SchemaNode property = schema == null ? null : schema.properties.get(name);
                if (property != null) {
                    prune(object.get(name), property, Violation.child(path, name), false, pruned);
                } else if (schema != null && schema.additionalProperties != null) {
                    prune(object.get(name), schema.additionalProperties, Violation.key(path, name), false, pruned);
                } else {
                    pruned.add(Violation.child(path, name));
                    object.remove(name);
                }
            }
        } else if (value instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                prune(array.get(i), schema == null ? null : schema.items, Violation.index(path, i), false, pruned);
            }
        }
    }

    /** Under {@code x-kubernetes-preserve-unknown-fields}: unknown fields stay, declared ones are pruned inside. */
    private static void keepUnknown(JsonNode value, SchemaNode schema, String path, boolean resourceRoot,
            List<String> pruned) {
        if (schema == null) {
            return;
        }
        if (value instanceof ObjectNode object) {
            for (String name : fieldNames(object)) {
                if ((resourceRoot || schema.embeddedResource) && META_FIELDS.contains(name)) {
                    continue;
                }
                SchemaNode property = schema.properties.get(name);
                if (property != null) {
                    prune(object.get(name), property, Violation.child(path, name), false, pruned);
                } else if (schema.additionalProperties != null) {
                    prune(object.get(name), schema.additionalProperties, Violation.key(path, name), false, pruned);
                }
            }
        } else if (value instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                keepUnknown(array.get(i), schema.items, Violation.index(path, i), false, pruned);
            }
        }
    }

    /** Removes {@code null} values of fields that are not nullable and have no default. */
    static void dropNonNullableNulls(JsonNode value, SchemaNode schema) {
        if (value instanceof ObjectNode object) {
            for (String name : fieldNames(object)) {
                SchemaNode field = schema == null ? null : schema.field(name);
                JsonNode fieldValue = object.get(name);
                if (fieldValue.isNull() && field != null && !field.nullable && field.defaultValue == null) {
                    object.remove(name);
                } else {
                    dropNonNullableNulls(fieldValue, field);
                }
            }
        } else if (value instanceof ArrayNode array) {
            array.forEach(item -> dropNonNullableNulls(item, schema == null ? null : schema.items));
        }
    }

    /** Sets the default of every absent (or non-nullable null) field that has one, inside objects that exist. */
    static void applyDefaults(JsonNode value, SchemaNode schema) {
        if (schema == null) {
            return;
        }
        if (value instanceof ObjectNode object) {
            schema.properties.forEach((name, property) -> {
                JsonNode current = object.get(name);
                if (property.defaultValue != null && (current == null || (current.isNull() && !property.nullable))) {
                    object.set(name, property.defaultValue.deepCopy());
                }
            });
            for (String name : fieldNames(object)) {
                SchemaNode field = schema.field(name);
                if (field != null && object.get(name).isNull() && !field.nullable && field.defaultValue != null) {
                    object.set(name, field.defaultValue.deepCopy());
                }
                applyDefaults(object.get(name), field);
            }
        } else if (value instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                SchemaNode items = schema.items;
                if (items != null && array.get(i).isNull() && !items.nullable && items.defaultValue != null) {
                    array.set(i, items.defaultValue.deepCopy());
                }
                applyDefaults(array.get(i), items);
            }
        }
    }

    private static List<String> fieldNames(ObjectNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
