package io.pra.testkit.k8s.schema;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code apiVersion}, {@code kind} and {@code metadata} of a custom resource and of its embedded resources
 * ({@code x-kubernetes-embedded-resource}), which the schema does not prune (apiextensions-apiserver
 * {@code objectmeta}): metadata is read as an ObjectMeta, its unknown fields dropped, then checked like any object's
 * metadata; an embedded resource must name its {@code apiVersion} and {@code kind}.
 */
final class ObjectMetaCheck {

    private static final Pattern KIND = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern API_VERSION = Pattern.compile("([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?[a-z0-9]+");

    private interface ResourceVisitor {
        void visit(JsonNode resource, String path, boolean root);
    }

    private final TypedModel model;

    ObjectMetaCheck(TypedModel model) {
        this.model = model;
    }

    /** Reads every metadata of {@code object}; drops and returns unknown metadata fields; reports unreadable ones. */
    void coerce(JsonNode object, SchemaNode root, List<String> unknown, List<Violation> out) {
        forEachResource(object, root, "", true, (resource, path, isRoot) -> {
            for (String field : List.of("apiVersion", "kind")) {
                if (resource.has(field) && !resource.get(field).isTextual()) {
                    out.add(new Violation(Violation.child(path, field), Violation.Type.TYPE_INVALID, "must be a string"));
                }
            }
            JsonNode metadata = resource.get("metadata");
            if (metadata == null || metadata.isNull()) {
                return;
            }
            String where = Violation.child(path, "metadata");
            try {
                ObjectMeta meta = model.read(metadata, ObjectMeta.class, where);
                unknown.addAll(TypedModel.inspect(meta, metadata, where, true).unknownFields());
            } catch (TypedModel.Unreadable e) {
                out.add(new Violation(e.path, Violation.Type.INVALID, e.getMessage()));
            }
        });
    }

    /** Checks every metadata of {@code object}, and the type fields of its embedded resources. */
    void validate(JsonNode object, SchemaNode root, List<Violation> out) {
        forEachResource(object, root, "", true, (resource, path, isRoot) -> {
            if (!isRoot) {
                typeFields(resource, path, out);
            }
            JsonNode metadata = resource.get("metadata");
            if (metadata != null && metadata.isObject()) {
                try {
                    ObjectMeta meta = model.read(metadata, ObjectMeta.class, Violation.child(path, "metadata"));
                    // The custom resource's own name is a DNS subdomain (customResourceValidator); an embedded
                    // resource's, whose kind the schema does not know, only a path segment (schema/objectmeta).
                    MetadataRules.NameRule rule = isRoot ? MetadataRules.NameRule.DNS_SUBDOMAIN
                            : MetadataRules.NameRule.PATH_SEGMENT;
                    MetadataRules.check(meta, Violation.child(path, "metadata"), rule, isRoot, out);
                } catch (TypedModel.Unreadable e) {
                    // reported by coerce
                }
            } else if (isRoot) {
                out.add(new Violation("metadata.name", Violation.Type.REQUIRED, "Required value: name or generateName is required"));
            }
        });
    }

    private static void typeFields(JsonNode resource, String path, List<Violation> out) {
        for (String field : List.of("apiVersion", "kind")) {
            if (!resource.has(field)) {
                out.add(new Violation(Violation.child(path, field), Violation.Type.REQUIRED, "Required value"));
            }
        }
        JsonNode kind = resource.path("kind");
        if (kind.isTextual() && !KIND.matcher(kind.asText().toLowerCase()).matches()) {
            out.add(new Violation(Violation.child(path, "kind"), Violation.Type.INVALID, "Invalid value: \"" + kind.asText()
                    + "\": may have mixed case, but should otherwise match a DNS-1035 label"));
        }
        JsonNode apiVersion = resource.path("apiVersion");
        if (apiVersion.isTextual() && !API_VERSION.matcher(apiVersion.asText()).matches()) {
            out.add(new Violation(Violation.child(path, "apiVersion"), Violation.Type.INVALID, "Invalid value: \""
                    + apiVersion.asText() + "\": must be group/version or version"));
        }
    }

    private static void forEachResource(JsonNode value, SchemaNode schema, String path, boolean root, ResourceVisitor visitor) {
        if (value == null) {
            return;
        }
        if (value.isObject()) {
            if (root || (schema != null && schema.embeddedResource)) {
                visitor.visit(value, path, root);
            }
            if (schema == null) {
                return;
            }
            value.fields().forEachRemaining(field -> {
                if ((root || schema.embeddedResource) && field.getKey().equals("metadata")) {
                    return;
                }
                SchemaNode property = schema.properties.get(field.getKey());
                if (property != null) {
                    forEachResource(field.getValue(), property, Violation.child(path, field.getKey()), false, visitor);
                } else if (schema.additionalProperties != null) {
                    forEachResource(field.getValue(), schema.additionalProperties, Violation.key(path, field.getKey()), false, visitor);
                }
            });
        } else if (value.isArray() && schema != null) {
            for (int i = 0; i < value.size(); i++) {
                forEachResource(value.get(i), schema.items, Violation.index(path, i), false, visitor);
            }
        }
    }
}
