package io.pra.backup.api;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.pra.backup.config.ProtectionGroups;
import io.pra.backup.domain.ProtectionGroup;
import io.pra.backup.service.BackupQueries;
import io.pra.backup.service.BackupSummary;
import io.pra.backup.service.RpoMonitor;

/** Protection groups with their current RPO exposure. */
@Path("/api/v1/groups")
@Produces(MediaType.APPLICATION_JSON)
public class GroupResource {

    private final ProtectionGroups groups;
    private final RpoMonitor rpo;
    private final BackupQueries queries;
    private final Clock clock;

    GroupResource(ProtectionGroups groups, RpoMonitor rpo, BackupQueries queries, Clock clock) {
        this.groups = groups;
        this.rpo = rpo;
        this.queries = queries;
        this.clock = clock;
    }

    @GET
    @Operation(summary = "Protection groups, their RPO exposure and last verified backup")
    public List<GroupView> list() {
        Instant now = clock.instant();
        return groups.all().stream().map(group -> view(group, now)).toList();
    }

    private GroupView view(ProtectionGroup group, Instant now) {
        RpoMonitor.GroupRpo current = rpo.latest(group.name()).orElse(null);
        String lastVerified = queries.newestVerified(group.name()).map(BackupSummary::name).orElse(null);
        return new GroupView(group.name(), group.sourceSite(), group.peerSites(), group.namespaces(),
                group.schedule(), group.storageLocation(), group.rpoObjective().toSeconds(),
                current == null ? null : current.exposure(now).toSeconds(),
                current == null ? null : current.level().name(), lastVerified,
                current == null ? null : current.newestVerifiedStart());
    }

    /** A group as the REST API shows it. */
    public record GroupView(String name, String sourceSite, List<String> peerSites, List<String> namespaces,
            String schedule, String storageLocation, long rpoObjectiveSeconds, Long rpoExposureSeconds,
            String rpoLevel, String lastVerifiedBackup, Instant lastVerifiedBackupStartedAt) {
    }
}
