package io.pra.notifier.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.pra.notifier.service.DeliveryService;

/** Sends a test message to one channel, to check its settings end to end. */
@Path("/api/v1/test")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TestMessageResource {

    private final DeliveryService service;

    TestMessageResource(DeliveryService service) {
        this.service = service;
    }

    /** Sends now and says whether the channel accepted it. */
    @POST
    public TestResult send(TestRequest request) {
        if (request == null || request.channel() == null) {
            throw new jakarta.ws.rs.BadRequestException("channel is required");
        }
        String text = request.message() == null ? "This is a test of PRA notifications." : request.message();
        return service.sendTest(request.channel(), text)
                .map(outcome -> new TestResult(request.channel(), outcome.sent(), outcome.error()))
                .orElseThrow(() -> new NotFoundException("no channel named " + request.channel()));
    }

    /** Body of {@code POST /api/v1/test}. */
    public record TestRequest(String channel, String message) {
    }

    /** Whether the channel accepted the test message, and why not. */
    public record TestResult(String channel, boolean sent, String error) {
    }
}
