package io.pra.health.api;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.pra.health.config.HealthConfig;

/** What this health-service instance is and how it is set up (no secrets). */
@Path("/api/v1/info")
@Produces(MediaType.APPLICATION_JSON)
public class ServiceInfoResource {

    private final HealthConfig config;

    ServiceInfoResource(HealthConfig config) {
        this.config = config;
    }

    /** This instance's identity and main settings. */
    @GET
    public ServiceInfo info() {
        return new ServiceInfo("health-service", config.instance(), config.observerId(), config.failureDomain(),
                config.sites().keySet().stream().sorted().toList());
    }

    /** Response of {@code GET /api/v1/info}. */
    public record ServiceInfo(String service, String instance, String observerId, String failureDomain, List<String> sites) {
    }
}
