package io.pra.testkit.k8s.schema;

import java.util.Set;

/**
 * One reason the API server would refuse an object: where ({@code spec.kafka.listeners[0].port}, map keys in
 * brackets, {@code ""} for the object itself), what kind of error, and the message.
 */
public record Violation(String path, Type type, String message) {

    /** The kinds of error, after the API server's field error types, plus the checks made before any schema. */
    public enum Type {
        /** A field the schema neither declares nor preserves (refused in strict mode, pruned otherwise). */
        UNKNOWN_FIELD,
        /** The value has the wrong JSON type. */
        TYPE_INVALID,
        /** A required field is missing. */
        REQUIRED,
        /** The value is not one of the schema's {@code enum}. */
        NOT_SUPPORTED,
        /** A format, pattern, bound, combinator or metadata rule failed. */
        INVALID,
        /** A string longer than {@code maxLength}. */
        TOO_LONG,
        /** More items or properties than allowed. */
        TOO_MANY,
        /** A repeated item of a set, or a repeated key of a map-list. */
        DUPLICATE,
        /** An {@code x-kubernetes-validations} rule is false or could not be evaluated. */
        RULE,
        /** The apiVersion names a version of the kind that is not served. */
        NOT_SERVED,
        /** No CustomResourceDefinition and no built-in API defines the kind. */
        UNKNOWN_KIND
    }

    /** As in the API server: after one of these, the {@code x-kubernetes-validations} rules are not evaluated. */
    private static final Set<Type> BLOCKING = Set.of(Type.NOT_SUPPORTED, Type.REQUIRED, Type.TOO_LONG, Type.TOO_MANY,
            Type.TYPE_INVALID);

    boolean blocksRules() {
        return BLOCKING.contains(type);
    }

    /** The path of field {@code name} of the object at {@code path}. */
    static String child(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** The path of item {@code index} of the list at {@code path}. */
    static String index(String path, int index) {
        return path + "[" + index + "]";
    }

    /** The path of key {@code key} of the map (additionalProperties) at {@code path}. */
    static String key(String path, String key) {
        return path + "[" + key + "]";
    }

    @Override
    public String toString() {
        return (path.isEmpty() ? "<object>" : path) + ": " + message;
    }
}
