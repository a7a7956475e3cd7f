package io.pra.failover.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.pra.failover.config.FailoverConfig;

/** What this failover-service instance is and how it is set up (no secrets). */
@Path("/api/v1/info")
@Produces(MediaType.APPLICATION_JSON)
public class ServiceInfoResource {

    private final FailoverConfig config;

    ServiceInfoResource(FailoverConfig config) {
        this.config = config;
    }

    /** This instance's identity and main settings. */
    @GET
    public ServiceInfo info() {
        return new ServiceInfo("failover-service", config.instance(), config.sourceSite(), config.targetSite());
    }

    /** Response of {@code GET /api/v1/info}. */
    public record ServiceInfo(String service, String instance, String sourceSite, String targetSite) {
    }
}
