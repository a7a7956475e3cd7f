package io.pra.health.api;

import io.pra.health.service.AlertBoard;
import io.pra.health.service.AlertmanagerPayload;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** Alertmanager-compatible webhook receiver: point a {@code webhook_configs} URL at {@code /alerts}. */
@Path("/alerts")
public class AlertWebhookResource {

    private final AlertBoard board;

    AlertWebhookResource(AlertBoard board) {
        this.board = board;
    }

    /** Takes one notification; 400 with the reason when the body is not one. */
    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response receive(String body) {
        try {
            var alerts = AlertmanagerPayload.parse(body);
            board.receive(alerts);
            return Response.ok(Map.of("received", alerts.size())).build();
        } catch (AlertmanagerPayload.MalformedAlertException e) {
            return Response.status(Response.Status.BAD_REQUEST).entity(Map.of("error", e.getMessage())).build();
        }
    }
}
