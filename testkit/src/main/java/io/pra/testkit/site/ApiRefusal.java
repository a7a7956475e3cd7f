package io.pra.testkit.site;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * How a fake site answers a request a {@link RequestValidator} refuses: an HTTP code and a Kubernetes {@code Status}
 * body.
 */
public record ApiRefusal(int code, String statusBody) {

    /** A refusal with a {@code Status} of this code, reason (e.g. {@code Invalid}), message and optional details. */
    public static ApiRefusal of(int code, String reason, String message, ObjectNode details) {
        return new ApiRefusal(code, ApiStatus.failure(code, reason, message, details));
    }
}
