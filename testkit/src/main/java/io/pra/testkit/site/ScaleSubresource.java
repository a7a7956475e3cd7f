package io.pra.testkit.site;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.pra.testkit.site.rbac.RequestAttributes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * The {@code scale} subresource of Deployments, StatefulSets and ReplicaSets, which the mock store lacks: GET answers
 * an {@code autoscaling/v1 Scale} of the workload; PUT and PATCH of a Scale change the workload's
 * {@code spec.replicas} and nothing else (a stale {@code resourceVersion} is a conflict, as in Kubernetes).
 */
final class ScaleSubresource {

    private static final Set<String> SCALABLE = Set.of("deployments", "statefulsets", "replicasets");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final StoreCalls store;

    ScaleSubresource(StoreCalls store) {
        this.store = store;
    }

    /** Whether the request is for a workload's {@code scale} subresource. */
    static boolean handles(RequestAttributes request) {
        return request.resourceRequest() && request.apiGroup().equals("apps")
                && SCALABLE.contains(request.resource()) && request.subresource().equals("scale")
                && !request.name().isEmpty();
    }

    MockResponse dispatch(RecordedRequest request, RequestAttributes attributes) {
        String parentPath = attributes.path().substring(0, attributes.path().lastIndexOf("/scale"));
        MockResponse current = store.get(parentPath);
        if (current.code() != 200) {
            return current;
        }
        ObjectNode parent = parse(StoreCalls.body(current));
        return switch (attributes.verb()) {
            case "get" -> StoreCalls.json(200, scale(parent).toString());
            case "update" -> apply(parentPath, parent, parse(StoreCalls.body(request)), attributes);
            case "patch" -> patch(parentPath, parent, request, attributes);
            default -> StoreCalls.json(405, ApiStatus.failure(405, "MethodNotAllowed",
                    attributes.verb() + " is not supported on the scale subresource", null));
        };
    }

    private MockResponse apply(String parentPath, ObjectNode parent, ObjectNode wanted, RequestAttributes attributes) {
        String qualified = attributes.resource() + ".apps \"" + attributes.name() + "\"";
        String version = wanted.path("metadata").path("resourceVersion").asText("");
        if (!version.isEmpty() && !version.equals(parent.path("metadata").path("resourceVersion").asText())) {
            return StoreCalls.json(409, ApiStatus.failure(409, "Conflict", "Operation cannot be fulfilled on "
                    + qualified + ": the object has been modified; please apply your changes to the latest version "
                    + "and try again", null));
        }
        JsonNode replicas = wanted.path("spec").path("replicas");
        if (!replicas.isIntegralNumber() || replicas.asInt() < 0) {
            return StoreCalls.json(422, ApiStatus.failure(422, "Invalid", "Scale.autoscaling \"" + attributes.name()
                    + "\" is invalid: spec.replicas: Invalid value: " + replicas + ": must be greater than or equal "
                    + "to 0", null));
        }
        ObjectNode spec = parent.path("spec") instanceof ObjectNode existing ? existing : parent.putObject("spec");
        spec.put("replicas", replicas.asInt());
        MockResponse updated = store.put(parentPath, parent.toString());
        if (updated.code() != 200) {
            return updated;
        }
        return StoreCalls.json(200, scale(parse(StoreCalls.body(updated))).toString());
    }

    private MockResponse patch(String parentPath, ObjectNode parent, RecordedRequest request,
            RequestAttributes attributes) {
        try {
            return patched(scale(parent), request).map(wanted -> apply(parentPath, parent, wanted, attributes))
                    .orElseGet(() -> StoreCalls.json(415, ApiStatus.unsupportedPatch(List.of(Patches.JSON_PATCH,
                            Patches.MERGE_PATCH, Patches.STRATEGIC_MERGE_PATCH))));
        } catch (Patches.InvalidPatchException e) {
            return StoreCalls.json(422, ApiStatus.failure(422, "Invalid", e.getMessage(), null));
        }
    }

    /** The Scale a patch makes of {@code current}; empty for a patch type the API server does not take. */
    private static Optional<ObjectNode> patched(ObjectNode current, RecordedRequest request) {
        return Patches.of(request.getHeader("Content-Type")).filter(type -> type != Patches.APPLY_PATCH)
                .map(type -> type.apply(current, Patches.read(StoreCalls.body(request))))
                .map(result -> result instanceof ObjectNode object ? object : JSON.createObjectNode());
    }

    /** The {@code autoscaling/v1 Scale} of a workload. */
    static ObjectNode scale(ObjectNode workload) {
        ObjectNode scale = JSON.createObjectNode();
        scale.put("kind", "Scale");
        scale.put("apiVersion", "autoscaling/v1");
        ObjectNode metadata = scale.putObject("metadata");
        for (String field : new String[] {"name", "namespace", "uid", "resourceVersion", "creationTimestamp"}) {
            JsonNode value = workload.path("metadata").path(field);
            if (!value.isMissingNode() && !value.isNull()) {
                metadata.set(field, value);
            }
        }
        JsonNode replicas = workload.path("spec").path("replicas");
        scale.putObject("spec").put("replicas", replicas.isIntegralNumber() ? replicas.asInt() : 1);
        ObjectNode status = scale.putObject("status");
        status.put("replicas", workload.path("status").path("replicas").asInt(0));
        status.put("selector", selector(workload.path("spec").path("selector").path("matchLabels")));
        return scale;
    }

    private static String selector(JsonNode matchLabels) {
        Map<String, String> labels = new TreeMap<>();
        matchLabels.fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        StringJoiner joined = new StringJoiner(",");
        labels.forEach((key, value) -> joined.add(key + "=" + value));
        return joined.toString();
    }

    private static ObjectNode parse(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            return node instanceof ObjectNode object ? object : JSON.createObjectNode();
        } catch (JsonProcessingException e) {
            return JSON.createObjectNode();
        }
    }
}
