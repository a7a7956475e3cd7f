package io.pra.notifier.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.pra.notifier.config.NotifierConfig;

/** What this notifier-service instance is and how it is set up (no secrets). */
@Path("/api/v1/info")
@Produces(MediaType.APPLICATION_JSON)
public class ServiceInfoResource {

    private final NotifierConfig config;

    ServiceInfoResource(NotifierConfig config) {
        this.config = config;
    }

    /** This instance's identity and main settings. */
    @GET
    public ServiceInfo info() {
        return new ServiceInfo("notifier-service", config.instance(), config.defaultChannel());
    }

    /** Response of {@code GET /api/v1/info}. */
    public record ServiceInfo(String service, String instance, String defaultChannel) {
    }
}
