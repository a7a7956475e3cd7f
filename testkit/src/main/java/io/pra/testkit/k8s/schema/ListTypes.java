package io.pra.testkit.k8s.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code x-kubernetes-list-type}: the items of a {@code set} are unique, the items of a {@code map} are objects
 * unique by their {@code x-kubernetes-list-map-keys} (apiextensions-apiserver {@code listtype/validation.go}).
 */
final class ListTypes {

    private ListTypes() {
    }

    static void validate(JsonNode value, SchemaNode schema, String path, List<Violation> out) {
        if (schema == null || value == null) {
            return;
        }
        if (value.isObject()) {
            value.fields().forEachRemaining(field -> {
                SchemaNode property = schema.properties.get(field.getKey());
                if (property != null) {
                    validate(field.getValue(), property, Violation.child(path, field.getKey()), out);
                } else if (schema.additionalProperties != null) {
                    validate(field.getValue(), schema.additionalProperties, Violation.key(path, field.getKey()), out);
                }
            });
        } else if (value.isArray()) {
            if ("set".equals(schema.listType)) {
                duplicates(elements(value), path, out);
            } else if ("map".equals(schema.listType)) {
                mapKeys(value, schema, path, out);
            }
            for (int i = 0; i < value.size(); i++) {
                validate(value.get(i), schema.items, Violation.index(path, i), out);
            }
        }
    }

    private static void mapKeys(JsonNode list, SchemaNode schema, String path, List<Violation> out) {
        List<JsonNode> keys = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode item = list.get(i);
            if (!item.isObject() && !item.isNull()) {
                out.add(new Violation(Violation.index(path, i), Violation.Type.INVALID, "must be an object for an array of list-type map"));
                return;
            }
            ObjectNode key = JsonNodeFactory.instance.objectNode();
            for (String field : schema.listMapKeys) {
                if (item.has(field)) {
                    key.set(field, item.get(field));
                }
            }
            keys.add(key);
        }
        duplicates(keys, path, out);
    }

    private static void duplicates(List<JsonNode> items, String path, List<Violation> out) {
        for (int i = 1; i < items.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (CelOperators.equal(items.get(i), items.get(j))) {
                    out.add(new Violation(Violation.index(path, i), Violation.Type.DUPLICATE, "Duplicate value: " + items.get(i)));
                    break;
                }
            }
        }
    }

    private static List<JsonNode> elements(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list;
    }
}
