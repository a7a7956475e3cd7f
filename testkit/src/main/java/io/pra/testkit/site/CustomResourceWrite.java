package io.pra.testkit.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pra.testkit.k8s.schema.CustomResourceDefinitions.Definition;
import io.pra.testkit.k8s.schema.CustomResourceDefinitions.Version;
import io.pra.testkit.site.rbac.RequestAttributes;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One create, update or patch of a custom resource: which kind, served version and object it is for, the paths the
 * store knows it by, how the API server's strategies prepare the object, and the API server's words for the ways it
 * can be refused before validation.
 */
record CustomResourceWrite(Definition definition, Version version, RequestAttributes attributes) {

    private static final Map<String, String> OPTIONS = Map.of("create", "CreateOptions", "update", "UpdateOptions",
            "patch", "PatchOptions");

    String verb() {
        return attributes.verb();
    }

    String group() {
        return definition.group();
    }

    String kind() {
        return definition.kind();
    }

    String resource() {
        return attributes.resource();
    }

    /** The name in the URL ({@code ""} for a create). */
    String name() {
        return attributes.name();
    }

    /** The name of the object written, for messages: the URL's, else the object's own (a create). */
    String name(JsonNode object) {
        return attributes.name().isEmpty() ? object.path("metadata").path("name").asText("") : attributes.name();
    }

    boolean statusWrite() {
        return attributes.subresource().equals("status");
    }

    /** The object's own path (the parent of a {@code /status} request). */
    String objectPath() {
        return statusWrite() ? attributes.path().substring(0, attributes.path().lastIndexOf("/status")) : attributes.path();
    }

    /** The path the store is asked to write: the object's, or its {@code /status}. */
    String requestPath() {
        return attributes.path();
    }

    /** The collection a create posts to. */
    String collectionPath() {
        return attributes.path();
    }

    /** A body whose apiVersion or kind is not the endpoint's, in the API server's words; empty when they match. */
    Optional<String> typeMismatch(JsonNode object) {
        String expected = definition.group() + "/" + version.name();
        String apiVersion = object.path("apiVersion").asText("");
        if (!apiVersion.isEmpty() && !apiVersion.equals(expected)) {
            return Optional.of("the API version in the data (" + apiVersion + ") does not match the expected API version ("
                    + expected + ")");
        }
        String kind = object.path("kind").asText("");
        if (!kind.isEmpty() && !kind.equals(definition.kind())) {
            return Optional.of("the kind in the data (" + kind + ") does not match the expected kind ("
                    + definition.kind() + ")");
        }
        return Optional.empty();
    }

    /**
     * The object as the strategy prepares it before validation: with a status subresource, a create drops
     * {@code status}, an object update keeps the stored {@code status}, and a {@code /status} update is the stored
     * object with the new {@code status}; without one, the object as sent.
     */
    JsonNode prepare(JsonNode decoded, Optional<JsonNode> stored) {
        if (!version.statusSubresource()) {
            return decoded;
        }
        if (verb().equals("create")) {
            ObjectNode created = (ObjectNode) decoded.deepCopy();
            created.remove("status");
            return created;
        }
        ObjectNode prepared = (ObjectNode) (statusWrite() ? stored.orElseThrow() : decoded).deepCopy();
        JsonNode status = (statusWrite() ? decoded : stored.orElseThrow()).get("status");
        if (status == null) {
            prepared.remove("status");
        } else {
            prepared.set("status", status.deepCopy());
        }
        return prepared;
    }

    String undecodable(String problem) {
        return "the object provided is unrecognized (must be of type " + definition.kind() + "): " + problem;
    }

    /** What the API server answers {@code fieldValidation=Strict} when the body has unknown fields. */
    String strictDecodingError(List<String> unknownFields) {
        List<String> each = unknownFields.stream().map(path -> "unknown field \"" + path + "\"").toList();
        return definition.kind() + " in version \"" + version.name() + "\" cannot be handled as a " + definition.kind()
                + ": strict decoding error: " + String.join(", ", each);
    }

    /** The 422 for a {@code fieldValidation} value other than Ignore, Warn and Strict. */
    String unsupportedFieldValidation(String uri) {
        String given = FieldValidation.given(uri);
        return ApiStatus.invalid(OPTIONS.get(verb()), "meta.k8s.io", "", List.of(new FieldError("fieldValidation",
                "FieldValueNotSupported", "Unsupported value: \"" + given + "\": supported values: \"Ignore\", \"Strict\", "
                        + "\"Warn\"")));
    }
}
