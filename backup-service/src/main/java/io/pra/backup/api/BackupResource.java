package io.pra.backup.api;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.pra.backup.config.ProtectionGroups;
import io.pra.backup.domain.ProtectionGroup;
import io.pra.backup.service.BackupQueries;
import io.pra.backup.service.BackupSummary;
import io.pra.backup.service.BackupTaker;

/** The backup catalog, and on-demand backups. */
@Path("/api/v1/backups")
@Produces(MediaType.APPLICATION_JSON)
public class BackupResource {

    static final int MAX_LIMIT = 500;

    private final BackupQueries queries;
    private final ProtectionGroups groups;
    private final BackupTaker onDemand;
    private final Clock clock;

    BackupResource(BackupQueries queries, ProtectionGroups groups, BackupTaker onDemand, Clock clock) {
        this.clock = clock;
        this.queries = queries;
        this.groups = groups;
        this.onDemand = onDemand;
    }

    @GET
    @Operation(summary = "Backups in the catalog, newest first")
    public List<BackupView> list(@Parameter(description = "protection group") @QueryParam("group") String group,
            @Parameter(description = "Velero phase, e.g. Completed") @QueryParam("phase") String phase,
            @Parameter(description = "at most this many, 1-500") @QueryParam("limit") @DefaultValue("50") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new BadRequestException("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
        return queries.search(blankToNull(group), blankToNull(phase), limit).stream()
                .map(record -> BackupView.of(record, List.of())).toList();
    }

    @GET
    @Path("{name}")
    @Operation(summary = "One backup, with the peer sites it was verified on")
    @APIResponse(responseCode = "404", description = "no such backup in the catalog")
    public BackupView get(@PathParam("name") String name) {
        BackupSummary backup = queries.find(name)
                .orElseThrow(() -> new NotFoundException("no backup named " + name + " in the catalog"));
        return BackupView.of(backup, queries.verifications(name).stream()
                .map(verification -> new BackupView.Verification(verification.peerSite(), verification.verifiedAt()))
                .toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Take an on-demand backup of a protection group")
    @APIResponse(responseCode = "202", description = "Backup created; Velero runs it")
    @APIResponse(responseCode = "400", description = "body missing or without a group")
    @APIResponse(responseCode = "404", description = "unknown protection group")
    public Response trigger(BackupRequest request) {
        if (request == null || request.group() == null || request.group().isBlank()) {
            throw new BadRequestException("body must be JSON like {\"group\": \"<protection group>\"}");
        }
        ProtectionGroup group = groups.find(request.group())
                .orElseThrow(() -> new NotFoundException("no protection group named " + request.group()));
        String name = onDemand.take(group);
        return Response.accepted(new BackupAccepted(name, group.name(), group.sourceSite(), clock.instant())).build();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** Body of {@code POST /api/v1/backups}. */
    public record BackupRequest(String group) {
    }

    /** Answer of {@code POST /api/v1/backups}: the name of the Backup created. */
    public record BackupAccepted(String name, String group, String site, Instant requestedAt) {
    }
}
