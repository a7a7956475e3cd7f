package io.pra.testkit.site;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pra.testkit.site.rbac.RequestAttributes;
import io.pra.testkit.site.rbac.UserInfo;
import java.util.List;

/** The Kubernetes {@code Status} bodies a fake site answers refusals with, worded as the API server words them. */
public final class ApiStatus {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ApiStatus() {
    }

    /** 401: no bearer token, or one the site does not know. */
    public static String unauthorized() {
        return failure(401, "Unauthorized", "Unauthorized", null);
    }

    /** 403: what the API server says when no RBAC rule allows {@code user} to do {@code request}. */
    public static String forbidden(UserInfo user, RequestAttributes request) {
        if (!request.resourceRequest()) {
            return failure(403, "Forbidden", "forbidden: User \"" + user.name() + "\" cannot " + request.verb()
                    + " path \"" + request.path() + "\"", null);
        }
        String resource = request.combinedResource();
        String scope = request.namespace().isEmpty() ? "at the cluster scope"
                : "in the namespace \"" + request.namespace() + "\"";
        String reason = "User \"" + user.name() + "\" cannot " + request.verb() + " resource \"" + resource
                + "\" in API group \"" + request.apiGroup() + "\" " + scope;
        String qualified = request.apiGroup().isEmpty() ? request.resource()
                : request.resource() + "." + request.apiGroup();
        String named = request.name().isEmpty() ? "" : " \"" + request.name() + "\"";
        ObjectNode details = JSON.createObjectNode();
        if (!request.name().isEmpty()) {
            details.put("name", request.name());
        }
        if (!request.apiGroup().isEmpty()) {
            details.put("group", request.apiGroup());
        }
        details.put("kind", request.resource());
        return failure(403, "Forbidden", qualified + named + " is forbidden: " + reason, details);
    }

    /** 404 for a path no API serves: a group, version or resource that does not exist (or a version not served). */
    public static String pathNotFound() {
        return failure(404, "NotFound", "the server could not find the requested resource", JSON.createObjectNode());
    }

    /** 404 for an object, or a subresource of a kind that has none: {@code backups.velero.io "b1" not found}. */
    public static String notFound(String group, String resource, String name) {
        ObjectNode details = JSON.createObjectNode();
        details.put("name", name);
        if (!group.isEmpty()) {
            details.put("group", group);
        }
        details.put("kind", resource);
        String qualified = group.isEmpty() ? resource : resource + "." + group;
        return failure(404, "NotFound", qualified + " \"" + name + "\" not found", details);
    }

    /** 400, e.g. a body that cannot be decoded for this endpoint. */
    public static String badRequest(String message) {
        return failure(400, "BadRequest", message, null);
    }

    /** 415: a patch of a type this endpoint does not take, naming the ones it does. */
    static String unsupportedPatch(List<Patches> accepted) {
        return failure(415, "UnsupportedMediaType", "the body of the request was in an unknown format - accepted media"
                + " types include: " + String.join(", ", accepted.stream().map(Patches::mediaType).toList()), null);
    }

    /**
     * 422 {@code Invalid}, as {@code errors.NewInvalid} writes it: the message names the kind and object and lists
     * the field errors ({@code Restore.velero.io "r1" is invalid: spec.backupName: Required value}, several in
     * brackets), and {@code details.causes} has one entry per field error.
     */
    public static String invalid(String kind, String group, String name, List<FieldError> errors) {
        ObjectNode details = JSON.createObjectNode();
        details.put("name", name);
        details.put("group", group);
        details.put("kind", kind);
        ArrayNode causes = details.putArray("causes");
        errors.forEach(error -> causes.addObject().put("reason", error.reason()).put("message", error.message())
                .put("field", error.field()));
        String qualified = group.isEmpty() ? kind : kind + "." + group;
        List<String> lines = errors.stream().map(FieldError::toString).toList();
        String aggregated = lines.size() == 1 ? lines.get(0) : "[" + String.join(", ", lines) + "]";
        return failure(422, "Invalid", qualified + " \"" + name + "\" is invalid" + (lines.isEmpty() ? "" : ": " + aggregated),
                details);
    }

    /** A {@code Status} with {@code status: Failure}; {@code details} may be null. */
    public static String failure(int code, String reason, String message, ObjectNode details) {
        ObjectNode status = JSON.createObjectNode();
        status.put("kind", "Status");
        status.put("apiVersion", "v1");
        status.putObject("metadata");
        status.put("status", "Failure");
        status.put("message", message);
        status.put("reason", reason);
        if (details != null) {
            status.set("details", details);
        }
        status.put("code", code);
        return status.toString();
    }
}
