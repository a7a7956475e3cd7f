package io.pra.failover.api;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.pra.failover.service.OperatorQueries;
import io.pra.failover.service.SiteControl;

/** Protected sites: their state, a manual failover, their mode. */
@Path("/api/v1/sites")
@Produces(MediaType.APPLICATION_JSON)
public class SiteResource {

    private final OperatorQueries queries;
    private final SiteControl control;
    private final OperatorIdentity operator;

    SiteResource(OperatorQueries queries, SiteControl control, OperatorIdentity operator) {
        this.queries = queries;
        this.control = control;
        this.operator = operator;
    }

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.OPERATOR})
    @Operation(summary = "Protected sites with mode, epoch, votes, RPO exposure and active run")
    public List<SiteView> list() {
        return queries.sites().stream().map(SiteView::of).toList();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.VIEWER, Roles.OPERATOR})
    @Operation(summary = "One protected site")
    @APIResponse(responseCode = "404", description = "unknown site")
    public SiteView get(@PathParam("id") String id) {
        return SiteView.of(queries.site(id));
    }

    @POST
    @Path("{id}/failover")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Ask for a failover; it waits for another operator's approval")
    @APIResponse(responseCode = "202", description = "run decided, awaiting approval")
    @APIResponse(responseCode = "400", description = "no reason given")
    @APIResponse(responseCode = "404", description = "unknown site")
    @APIResponse(responseCode = "409", description = "a guard refused (mode OFF, active run, cooldown, no backup)")
    public Response failover(@PathParam("id") String id, FailoverRequest request) {
        String reason = RequestChecks.reason(request == null ? null : request.reason(), FailoverRequest.EXAMPLE);
        return Response.accepted(RunView.of(control.requestFailover(id, operator.name(), reason))).build();
    }

    @PUT
    @Path("{id}/mode")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Set the site's mode: AUTO, MANUAL or OFF")
    @APIResponse(responseCode = "400", description = "mode not AUTO, MANUAL or OFF, or no reason")
    @APIResponse(responseCode = "404", description = "unknown site")
    public SiteView mode(@PathParam("id") String id, ModeRequest request) {
        var mode = RequestChecks.mode(request == null ? null : request.mode());
        String reason = RequestChecks.reason(request.reason(), ModeRequest.EXAMPLE);
        control.changeMode(id, mode, operator.name(), reason);
        return SiteView.of(queries.site(id));
    }

    /** Body of {@code POST /api/v1/sites/{id}/failover}. */
    public record FailoverRequest(String reason) {
        static final String EXAMPLE = "{\"reason\": \"site a lost its storage\"}";
    }

    /** Body of {@code PUT /api/v1/sites/{id}/mode}. */
    public record ModeRequest(String mode, String reason) {
        static final String EXAMPLE = "{\"mode\": \"MANUAL\", \"reason\": \"maintenance on site b\"}";
    }
}
