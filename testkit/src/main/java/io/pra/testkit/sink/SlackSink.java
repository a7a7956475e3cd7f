package io.pra.testkit.sink;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

/**
 * A stand-in for Slack incoming webhooks (WireMock on a random local port). It answers
 * {@code 200 ok} to {@code POST /services/...} as Slack does, records every request, and can be
 * told to answer the next requests with 429 (with {@code Retry-After}) or 500.
 */
public final class SlackSink implements AutoCloseable {

    /** Path prefix of Slack incoming webhook URLs. */
    public static final String WEBHOOK_PREFIX = "/services/";

    private static final int DEFAULT_PRIORITY = 10;
    private static final int FAULT_PRIORITY = 1;

    private final WireMockServer server;

    private SlackSink(WireMockServer server) {
        this.server = server;
    }

    /** Starts a sink that accepts every webhook post. */
    public static SlackSink start() {
        WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        SlackSink sink = new SlackSink(server);
        sink.acceptAll();
        return sink;
    }

    private void acceptAll() {
        server.stubFor(post(urlPathMatching(WEBHOOK_PREFIX + ".*")).atPriority(DEFAULT_PRIORITY)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/plain").withBody("ok")));
        server.stubFor(any(anyUrl()).atPriority(DEFAULT_PRIORITY + 1)
                .willReturn(aResponse().withStatus(404).withBody("no_service")));
    }

    /** A webhook URL on this sink, e.g. {@code webhookUrl("T000/B000/XXXX")}. */
    public String webhookUrl(String path) {
        return server.baseUrl() + WEBHOOK_PREFIX + path;
    }

    /** The sink's base URL. */
    public String baseUrl() {
        return server.baseUrl();
    }

    /** The next {@code times} posts get 429 Too Many Requests with {@code Retry-After: seconds}. */
    public void rateLimitNext(int times, int retryAfterSeconds) {
        failNext(times, aResponse().withStatus(429).withHeader("Retry-After", String.valueOf(retryAfterSeconds))
                .withBody("rate_limited"));
    }

    /** The next {@code times} posts get 500 Internal Server Error. */
    public void failNext(int times) {
        failNext(times, aResponse().withStatus(500).withBody("internal_error"));
    }

    // A chain of scenario states, one per faulty answer; its last state leaves the default stub to answer.
    private void failNext(int times, ResponseDefinitionBuilder response) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1, was " + times);
        }
        String scenario = "faults-" + UUID.randomUUID();
        String state = Scenario.STARTED;
        for (int i = 1; i <= times; i++) {
            String next = i == times ? "done" : "fault-" + i;
            server.stubFor(post(urlPathMatching(WEBHOOK_PREFIX + ".*")).atPriority(FAULT_PRIORITY)
                    .inScenario(scenario).whenScenarioStateIs(state).willSetStateTo(next).willReturn(response));
            state = next;
        }
    }

    /** Every webhook post received so far, whatever it was answered, oldest first. */
    public List<ReceivedPost> posts() {
        return server.getAllServeEvents().stream()
                .filter(event -> event.getRequest().getUrl().startsWith(WEBHOOK_PREFIX))
                .sorted(Comparator.comparing(event -> event.getRequest().getLoggedDate()))
                .map(event -> new ReceivedPost(event.getRequest().getUrl(), event.getRequest().getBodyAsString(),
                        event.getRequest().getHeader("Content-Type"), event.getResponse().getStatus()))
                .toList();
    }

    /** Forgets received posts and pending faults; keeps accepting. */
    public void reset() {
        server.resetAll();
        acceptAll();
    }

    @Override
    public void close() {
        server.stop();
    }

    /** One post received by the sink and the status it was answered with. */
    public record ReceivedPost(String path, String body, String contentType, int status) {

        /** Whether the sink accepted it (Slack answered 200). */
        public boolean accepted() {
            return status == 200;
        }
    }
}
