package io.pra.notifier.api;

import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.pra.notifier.domain.DeliveryStatus;
import io.pra.notifier.service.DeliveryService;

/** The delivery log: list deliveries, retry a FAILED one. */
@Path("/api/v1/deliveries")
@Produces(MediaType.APPLICATION_JSON)
public class DeliveryResource {

    private static final int MAX_LIMIT = 1000;

    private final DeliveryService service;

    DeliveryResource(DeliveryService service) {
        this.service = service;
    }

    /** Deliveries, newest first, filtered by status ({@code PENDING}, {@code SENT}, {@code FAILED}) and channel. */
    @GET
    public List<DeliveryView> list(@QueryParam("status") String status, @QueryParam("channel") String channel,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new BadRequestException("limit must be between 1 and " + MAX_LIMIT);
        }
        return service.list(status(status), channel, limit).stream().map(DeliveryView::of).toList();
    }

    /** Puts a FAILED delivery back to PENDING; it is sent at once. 409 if it is not FAILED. */
    @POST
    @Path("/{id}/retry")
    public Response retry(@PathParam("id") long id) {
        if (service.find(id).isEmpty()) {
            throw new NotFoundException("no delivery " + id);
        }
        DeliveryView retried = service.retry(id).map(DeliveryView::of).orElseThrow(() -> new WebApplicationException(
                Response.status(Response.Status.CONFLICT).entity(new ErrorView("delivery " + id + " is not FAILED"))
                        .type(MediaType.APPLICATION_JSON).build()));
        service.dispatchNow();
        return Response.accepted(retried).build();
    }

    private static DeliveryStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return DeliveryStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("status must be PENDING, SENT or FAILED");
        }
    }

    /** An error answer. */
    public record ErrorView(String error) {
    }
}
