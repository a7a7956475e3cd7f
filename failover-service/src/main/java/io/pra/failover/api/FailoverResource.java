package io.pra.failover.api;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.pra.failover.service.OperatorQueries;
import io.pra.failover.service.RunControl;

/** Failover runs: list, detail with phases, approve, abort. */
@Path("/api/v1/failovers")
@Produces(MediaType.APPLICATION_JSON)
public class FailoverResource {

    private final OperatorQueries queries;
    private final RunControl control;
    private final OperatorIdentity operator;

    FailoverResource(OperatorQueries queries, RunControl control, OperatorIdentity operator) {
        this.queries = queries;
        this.control = control;
        this.operator = operator;
    }

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.OPERATOR})
    @Operation(summary = "Runs, newest decision first")
    public List<RunView> list(@QueryParam("site") String site,
            @QueryParam("limit") @DefaultValue("50") int limit,
            @QueryParam("offset") @DefaultValue("0") int offset) {
        return queries.runs(RequestChecks.blankToNull(site), RequestChecks.offset(offset), RequestChecks.limit(limit))
                .stream().map(RunView::of).toList();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.VIEWER, Roles.OPERATOR})
    @Operation(summary = "One run, with its phases and their times")
    @APIResponse(responseCode = "404", description = "unknown run")
    public RunView get(@PathParam("id") String id) {
        return RunView.of(queries.run(RequestChecks.failoverId(id)));
    }

    @POST
    @Path("{id}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Approve a run waiting for approval (not by the requester of a manual failover)")
    @APIResponse(responseCode = "404", description = "unknown run")
    @APIResponse(responseCode = "409", description = "not waiting for approval, or the approver is the requester")
    public RunView approve(@PathParam("id") String id, ApprovalRequest request) {
        UUID failoverId = RequestChecks.failoverId(id);
        String comment = request == null ? null : RequestChecks.blankToNull(request.comment());
        control.approve(failoverId, operator.name(), comment);
        return RunView.of(queries.run(failoverId));
    }

    /** The same approval without a body (no comment), so a plain {@code POST} works too. */
    @POST
    @Path("{id}/approve")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Approve a run waiting for approval, without a comment")
    public RunView approveWithoutComment(@PathParam("id") String id) {
        return approve(id, null);
    }

    @POST
    @Path("{id}/abort")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Abort a run; refused once CUTOVER has begun")
    @APIResponse(responseCode = "400", description = "no reason given")
    @APIResponse(responseCode = "404", description = "unknown run")
    @APIResponse(responseCode = "409", description = "the run is over or CUTOVER has begun")
    public RunView abort(@PathParam("id") String id, AbortRequest request) {
        UUID failoverId = RequestChecks.failoverId(id);
        String reason = RequestChecks.reason(request == null ? null : request.reason(), AbortRequest.EXAMPLE);
        control.abort(failoverId, operator.name(), reason);
        return RunView.of(queries.run(failoverId));
    }

    /** Optional body of {@code POST /api/v1/failovers/{id}/approve}. */
    public record ApprovalRequest(String comment) {
    }

    /** Body of {@code POST /api/v1/failovers/{id}/abort}. */
    public record AbortRequest(String reason) {
        static final String EXAMPLE = "{\"reason\": \"site a is back\"}";
    }
}
