package io.pra.failover.api;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.pra.failover.domain.RunTransitionRefused;
import io.pra.failover.drill.DrillRefused;
import io.pra.failover.service.FailoverRefused;
import io.pra.failover.service.NoSuchRecord;
import io.pra.kit.api.ErrorBody;

/** This service's refusals, answered with the kit's JSON error body (400 and 404 are the kit's own). */
public class RefusalResponses {

    @ServerExceptionMapper
    public Response noSuchRecord(NoSuchRecord e) {
        return ErrorBody.response(Response.Status.NOT_FOUND, e.getMessage());
    }

    @ServerExceptionMapper
    public Response refused(FailoverRefused e) {
        return ErrorBody.response(Response.Status.CONFLICT, e.getMessage(), e.guard().name());
    }

    @ServerExceptionMapper
    public Response transitionRefused(RunTransitionRefused e) {
        return ErrorBody.response(Response.Status.CONFLICT, e.getMessage());
    }

    @ServerExceptionMapper
    public Response drillRefused(DrillRefused e) {
        return ErrorBody.response(Response.Status.CONFLICT, e.getMessage());
    }
}
