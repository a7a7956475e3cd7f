package io.pra.testkit.site;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.pra.testkit.k8s.schema.Admission;
import io.pra.testkit.k8s.schema.CustomResourceDefinitions.Definition;
import io.pra.testkit.k8s.schema.CustomResourceDefinitions.Version;
import io.pra.testkit.k8s.schema.SchemaValidator;
import io.pra.testkit.k8s.schema.UnknownFields;
import io.pra.testkit.site.rbac.RequestAttributes;
import java.util.List;
import java.util.Optional;

/**
 * What the API server's custom resource handler does with a request for a group some installed CRD defines: a
 * resource no CRD defines, or a version its CRD does not serve, is 404; so is a subresource the version does not
 * have ({@code status} only when the CRD declares it). Creates, updates and patches (of the object or of its status)
 * go through {@link #write}: the object the request produces is pruned, prepared as the status strategy prepares it,
 * and validated against the version's structural schema before the store sees it. Reads and deletes go to the store.
 */
final class CustomResourceRequests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Patches> CUSTOM_RESOURCE_PATCHES = List.of(Patches.JSON_PATCH, Patches.MERGE_PATCH,
            Patches.APPLY_PATCH);

    private final StoreCalls store;
    private final InstalledDefinitions definitions;
    private final SchemaLog log;

    CustomResourceRequests(StoreCalls store, InstalledDefinitions definitions, SchemaLog log) {
        this.store = store;
        this.definitions = definitions;
        this.log = log;
    }

    /** Whether the request is for a group that an installed CRD defines. */
    boolean handles(RequestAttributes request) {
        return request.resourceRequest() && !request.apiGroup().isEmpty() && definitions.definesGroup(request.apiGroup());
    }

    /**
     * Discovery of a group/version ({@code /apis/<group>/<version>}) of a CRD group that no CRD serves: 404, as the
     * API server answers; empty for any other request.
     */
    Optional<MockResponse> unservedDiscovery(RequestAttributes request) {
        if (request.resourceRequest() || !request.verb().equals("get")) {
            return Optional.empty();
        }
        String[] parts = request.path().replaceAll("^/+|/+$", "").split("/");
        if (parts.length != 3 || !parts[0].equals("apis") || !definitions.definesGroup(parts[1])
                || definitions.servesVersion(parts[1], parts[2])) {
            return Optional.empty();
        }
        return Optional.of(StoreCalls.json(404, ApiStatus.pathNotFound()));
    }

    /** Serves the request as {@code user} (for the log) sent it. */
    MockResponse dispatch(RecordedRequest request, RequestAttributes attributes, String user) {
        Optional<Definition> definition = definitions.find(attributes.apiGroup(), attributes.resource());
        Optional<Version> version = definition.flatMap(d -> d.version(attributes.apiVersion())).filter(Version::served);
        if (version.isEmpty()) {
            return refused(user, attributes, 404, ApiStatus.pathNotFound());
        }
        boolean status = attributes.subresource().equals("status");
        if (!attributes.subresource().isEmpty() && !(status && version.get().statusSubresource())) {
            return refused(user, attributes, 404, ApiStatus.notFound(attributes.apiGroup(), attributes.resource(),
                    attributes.name()));
        }
        CustomResourceWrite write = new CustomResourceWrite(definition.get(), version.get(), attributes);
        return switch (attributes.verb()) {
            case "create" -> status ? refused(user, attributes, 405, ApiStatus.failure(405, "MethodNotAllowed",
                    "the server does not allow this method on the requested resource", null))
                    : write(write, request, user);
            case "update", "patch" -> write(write, request, user);
            default -> store.forward(request);
        };
    }

    /**
     * One write, in the API server's order: decode (the body, or the stored object with the patch applied) and prune
     * unknown fields; the strategy's preparation (a status subresource keeps {@code status} out of object writes and
     * everything but {@code status} out of {@code /status} writes); validation; then the store. Writes are
     * serialized, so that a patch is applied to the object it is then stored over.
     */
    private synchronized MockResponse write(CustomResourceWrite target, RecordedRequest request, String user) {
        RequestAttributes attributes = target.attributes();
        Optional<FieldValidation> mode = FieldValidation.of(request.getPath());
        if (mode.isEmpty()) {
            return refused(user, attributes, 422, target.unsupportedFieldValidation(request.getPath()));
        }
        Optional<JsonNode> stored = Optional.empty();
        if (!target.verb().equals("create")) {
            MockResponse current = store.get(target.objectPath());
            if (current.code() != 200) {
                return StoreCalls.json(404, ApiStatus.notFound(target.group(), target.resource(), target.name()));
            }
            stored = Optional.of(read(StoreCalls.body(current)));
        }
        JsonNode sent;
        try {
            sent = sent(target, request, stored);
        } catch (Patches.InvalidPatchException e) {
            return refused(user, attributes, 422, ApiStatus.failure(422, "Invalid", e.getMessage(), null));
        } catch (Undecodable e) {
            return refused(user, attributes, 400, ApiStatus.badRequest(target.undecodable(e.getMessage())));
        }
        if (sent == null) {
            return refused(user, attributes, 415, ApiStatus.unsupportedPatch(CUSTOM_RESOURCE_PATCHES));
        }
        Optional<String> mismatch = target.typeMismatch(sent);
        if (mismatch.isPresent()) {
            return refused(user, attributes, 400, ApiStatus.badRequest(mismatch.get()));
        }
        if (target.verb().equals("update") && sent.path("metadata").path("resourceVersion").asText("").isEmpty()) {
            return refused(user, attributes, 422, ApiStatus.invalid(target.kind(), target.group(), target.name(), List.of(
                    new FieldError("metadata.resourceVersion", "FieldValueInvalid",
                            "Invalid value: 0x0: must be specified for an update"))));
        }
        SchemaValidator schema = new SchemaValidator(target.version().schema());
        Admission decoded = schema.admit(sent, UnknownFields.PRUNE);
        if (mode.get() == FieldValidation.STRICT && !decoded.prunedFields().isEmpty()) {
            return refused(user, attributes, 400, ApiStatus.badRequest(target.strictDecodingError(decoded.prunedFields())));
        }
        Admission verdict = schema.admit(target.prepare(decoded.admitted(), stored), UnknownFields.PRUNE);
        if (!verdict.accepted()) {
            List<FieldError> causes = verdict.violations().stream()
                    .map(violation -> FieldError.of(violation, verdict.admitted())).toList();
            return refused(user, attributes, 422, ApiStatus.invalid(target.kind(), target.group(),
                    target.name(verdict.admitted()), causes));
        }
        MockResponse response = target.verb().equals("create")
                ? store.post(target.collectionPath(), verdict.admitted().toString())
                : store.put(target.requestPath(), verdict.admitted().toString());
        if (response.code() < 300 && !decoded.prunedFields().isEmpty()) {
            log.record(new SchemaLog.Entry(user, attributes.describe(), response.code(), "", decoded.prunedFields()));
            if (mode.get() == FieldValidation.WARN) {
                decoded.prunedFields().forEach(path -> response.addHeader("Warning",
                        warning("unknown field \"" + path + "\"")));
            }
        }
        return response;
    }

    /** The object the request asks for: its body, or what its patch makes of the stored object; null: no such patch. */
    private static JsonNode sent(CustomResourceWrite target, RecordedRequest request, Optional<JsonNode> stored)
            throws Undecodable {
        String body = StoreCalls.body(request);
        if (!target.verb().equals("patch")) {
            try {
                JsonNode object = JSON.readTree(body);
                if (object instanceof ObjectNode) {
                    return object;
                }
                throw new Undecodable("the body is not a JSON object");
            } catch (JsonProcessingException e) {
                throw new Undecodable(e.getOriginalMessage());
            }
        }
        Optional<Patches> type = Patches.of(request.getHeader("Content-Type"))
                .filter(t -> t == Patches.JSON_PATCH || t == Patches.MERGE_PATCH);
        if (type.isEmpty()) {
            return null;
        }
        return type.get().apply(stored.orElseThrow(), Patches.read(body));
    }

    /** Answers {@code status} (a {@code Status} of {@code code}) and records the refusal. */
    private MockResponse refused(String user, RequestAttributes attributes, int code, String status) {
        log.record(new SchemaLog.Entry(user, attributes.describe(), code, read(status).path("message").asText(), List.of()));
        return StoreCalls.json(code, status);
    }

    /** A {@code Warning} header value as the API server writes one: code 299, no agent, the text quoted. */
    static String warning(String text) {
        return "299 - \"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** A create or update body that is not a JSON object. */
    private static final class Undecodable extends Exception {

        Undecodable(String message) {
            super(message);
        }
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the site's store holds an object that is not JSON", e);
        }
    }
}
