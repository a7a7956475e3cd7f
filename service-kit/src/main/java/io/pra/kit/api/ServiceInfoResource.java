package io.pra.kit.api;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /api/v1/info}: what this instance is and how it is set up (no secrets). */
@Path("/api/v1/info")
@Produces(MediaType.APPLICATION_JSON)
public class ServiceInfoResource {

    private final ServiceInfo info;

    ServiceInfoResource(ServiceInfo info) {
        this.info = info;
    }

    /** {@code service}, {@code instance} and the service's main settings, in one flat object. */
    @GET
    public Map<String, Object> info() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("service", info.service());
        body.put("instance", info.instance());
        body.putAll(info.settings());
        return body;
    }
}
