package io.pra.failover.api;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.pra.failover.service.OperatorQueries;

/** The append-only audit log: decisions, approvals, aborts, mode changes. */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private final OperatorQueries queries;

    AuditResource(OperatorQueries queries) {
        this.queries = queries;
    }

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.OPERATOR})
    @Operation(summary = "Audit entries, newest first")
    public List<AuditView> list(@QueryParam("site") String site, @QueryParam("limit") @DefaultValue("100") int limit) {
        return queries.audit(RequestChecks.blankToNull(site), RequestChecks.limit(limit)).stream()
                .map(AuditView::of).toList();
    }
}
