package io.pra.kit.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Body of a 4xx answer: the status, what was wrong, and, for a refusal by a named rule (failover-service's guards),
 * the rule's name.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorBody(int status, String error, String guard) {

    /** A JSON answer with this status and message. */
    public static Response response(Response.Status status, String message) {
        return response(status, message, null);
    }

    /** A JSON answer with this status and message, naming the guard that refused. */
    public static Response response(Response.Status status, String message, String guard) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(new ErrorBody(status.getStatusCode(), message, guard)).build();
    }
}
