package io.pra.backup.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.pra.backup.config.BackupConfig;

/** What this backup-service instance is and how it is set up (no secrets). */
@Path("/api/v1/info")
@Produces(MediaType.APPLICATION_JSON)
public class ServiceInfoResource {

    private final BackupConfig config;

    ServiceInfoResource(BackupConfig config) {
        this.config = config;
    }

    /** This instance's identity and main settings. */
    @GET
    public ServiceInfo info() {
        return new ServiceInfo("backup-service", config.instance(), config.sourceSite(), config.veleroNamespace());
    }

    /** Response of {@code GET /api/v1/info}. */
    public record ServiceInfo(String service, String instance, String sourceSite, String veleroNamespace) {
    }
}
