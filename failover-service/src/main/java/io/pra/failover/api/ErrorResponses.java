package io.pra.failover.api;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.pra.failover.domain.RunTransitionRefused;
import io.pra.failover.drill.DrillRefused;
import io.pra.failover.service.FailoverRefused;
import io.pra.failover.service.NoSuchRecord;

/** Client errors answered with a JSON body that says what was wrong. */
public class ErrorResponses {

    /** Body of a 4xx answer; {@code guard} names the guard that refused a manual failover. */
    public record ErrorBody(int status, String error, String guard) {
    }

    @ServerExceptionMapper
    public Response badRequest(BadRequestException e) {
        return body(Response.Status.BAD_REQUEST, e.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return body(Response.Status.NOT_FOUND, e.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response noSuchRecord(NoSuchRecord e) {
        return body(Response.Status.NOT_FOUND, e.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response refused(FailoverRefused e) {
        return body(Response.Status.CONFLICT, e.getMessage(), e.guard().name());
    }

    @ServerExceptionMapper
    public Response transitionRefused(RunTransitionRefused e) {
        return body(Response.Status.CONFLICT, e.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response drillRefused(DrillRefused e) {
        return body(Response.Status.CONFLICT, e.getMessage(), null);
    }

    private static Response body(Response.Status status, String message, String guard) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(new ErrorBody(status.getStatusCode(), message, guard)).build();
    }
}
