package io.pra.kit.api;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Client errors every service answers with an {@link ErrorBody} that says what was wrong; a service maps its own
 * refusals the same way with {@link ErrorBody#response}.
 */
public class ErrorResponses {

    @ServerExceptionMapper
    public Response badRequest(BadRequestException e) {
        return ErrorBody.response(Response.Status.BAD_REQUEST, e.getMessage());
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return ErrorBody.response(Response.Status.NOT_FOUND, e.getMessage());
    }
}
