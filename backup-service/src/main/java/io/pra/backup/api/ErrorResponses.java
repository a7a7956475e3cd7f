package io.pra.backup.api;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Client errors answered with a JSON body that says what was wrong. */
public class ErrorResponses {

    /** Body of a 4xx answer. */
    public record ErrorBody(int status, String error) {
    }

    @ServerExceptionMapper
    public Response badRequest(BadRequestException e) {
        return body(Response.Status.BAD_REQUEST, e.getMessage());
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return body(Response.Status.NOT_FOUND, e.getMessage());
    }

    private static Response body(Response.Status status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(new ErrorBody(status.getStatusCode(), message)).build();
    }
}
