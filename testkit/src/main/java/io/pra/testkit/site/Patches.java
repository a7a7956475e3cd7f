package io.pra.testkit.site;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.zjsonpatch.JsonPatch;
import io.fabric8.zjsonpatch.JsonPatchException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The patch types of the Kubernetes API and what each makes of a stored object, for the parts of a fake site that
 * must see a patch's result before it is stored (the mock store merges with Jackson's reader-for-update, which adds
 * to arrays and keeps nulls, unlike the API server).
 */
enum Patches {
    /** RFC 6902 ({@code application/json-patch+json}). */
    JSON_PATCH("application/json-patch+json"),
    /** RFC 7386 ({@code application/merge-patch+json}). */
    MERGE_PATCH("application/merge-patch+json"),
    /** Kubernetes' strategic merge patch: built-in kinds only, the API server refuses it for custom resources. */
    STRATEGIC_MERGE_PATCH("application/strategic-merge-patch+json"),
    /** Server-side apply. */
    APPLY_PATCH("application/apply-patch+yaml");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String mediaType;

    Patches(String mediaType) {
        this.mediaType = mediaType;
    }

    String mediaType() {
        return mediaType;
    }

    /** The patch type a {@code Content-Type} names, parameters ignored; empty for anything else. */
    static Optional<Patches> of(String contentType) {
        String type = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        for (Patches patch : values()) {
            if (patch.mediaType.equals(type)) {
                return Optional.of(patch);
            }
        }
        return Optional.empty();
    }

    /**
     * What {@code patch} makes of {@code current} (left unchanged). A strategic merge patch is applied as a merge
     * patch, which is what it does to the fields a Scale has; an apply patch is not supported.
     *
     * @throws InvalidPatchException when the patch cannot be applied (a JSON patch's path missing, a failed test)
     */
    JsonNode apply(JsonNode current, JsonNode patch) {
        return switch (this) {
            case JSON_PATCH -> {
                try {
                    yield JsonPatch.apply(patch, current);
                } catch (JsonPatchException | IllegalArgumentException e) {
                    throw new InvalidPatchException(e.getMessage());
                }
            }
            case MERGE_PATCH, STRATEGIC_MERGE_PATCH -> merge(current.deepCopy(), patch);
            case APPLY_PATCH -> throw new InvalidPatchException("server-side apply is not supported by the fake site");
        };
    }

    /** The body of a patch request as JSON. */
    static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidPatchException("the patch is not JSON: " + e.getOriginalMessage());
        }
    }

    /** RFC 7386: objects merge member by member, {@code null} removes, anything else (arrays too) replaces. */
    static JsonNode merge(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch;
        }
        ObjectNode result = target.isObject() ? (ObjectNode) target : JSON.createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> fields = patch.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isNull()) {
                result.remove(field.getKey());
            } else {
                result.set(field.getKey(), merge(result.path(field.getKey()), field.getValue()));
            }
        }
        return result;
    }

    /** A patch that does not apply to the stored object; the API server answers 422. */
    static final class InvalidPatchException extends RuntimeException {

        InvalidPatchException(String message) {
            super(message);
        }
    }
}
