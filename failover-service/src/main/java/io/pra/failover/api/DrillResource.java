package io.pra.failover.api;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.pra.events.failover.DrillStarted;
import io.pra.failover.drill.DrillQueries;
import io.pra.failover.drill.DrillService;
import io.pra.failover.service.OperatorQueries;

/** DR drills: restore + verify into {@code drill-<ns>} namespaces on the target site, never a cutover. */
@Path("/api/v1/drills")
@Produces(MediaType.APPLICATION_JSON)
public class DrillResource {

    private final DrillService drills;
    private final DrillQueries queries;
    private final OperatorQueries sites;
    private final OperatorIdentity operator;

    DrillResource(DrillService drills, DrillQueries queries, OperatorQueries sites, OperatorIdentity operator) {
        this.drills = drills;
        this.queries = queries;
        this.sites = sites;
        this.operator = operator;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Start a drill of a protected site; it runs in the background")
    @APIResponse(responseCode = "202", description = "drill started")
    @APIResponse(responseCode = "400", description = "no site given")
    @APIResponse(responseCode = "404", description = "unknown site")
    @APIResponse(responseCode = "409", description = "a failover or another drill runs, or no backup is restorable")
    public Response start(DrillView.DrillRequest request) {
        String site = request == null ? null : RequestChecks.blankToNull(request.site());
        if (site == null) {
            throw new BadRequestException("site is required, e.g. {\"site\":\"a\"}");
        }
        sites.site(site);
        DrillStarted started = drills.start(site, operator.name());
        return Response.accepted(DrillView.of(queries.drill(started.failoverId()))).build();
    }

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.OPERATOR})
    @Operation(summary = "Drills, newest first")
    public List<DrillView> list(@QueryParam("site") String site, @QueryParam("limit") @DefaultValue("20") int limit) {
        return queries.newestFirst(RequestChecks.blankToNull(site), RequestChecks.limit(limit)).stream()
                .map(DrillView::of).toList();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.VIEWER, Roles.OPERATOR})
    @Operation(summary = "One drill, with its verdict and score once over")
    @APIResponse(responseCode = "404", description = "unknown drill")
    public DrillView get(@PathParam("id") String id) {
        return DrillView.of(queries.drill(RequestChecks.drillId(id)));
    }
}
