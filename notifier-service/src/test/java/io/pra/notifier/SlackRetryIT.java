package io.pra.notifier;

import static io.pra.notifier.NotifierFixtures.site;
import static io.pra.notifier.NotifierFixtures.siteDown;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.pra.events.CloudEventAttributes;
import io.pra.testkit.sink.SlackSink;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(NotifierTestResource.class)
class SlackRetryIT {

    private static final Duration DELIVERED = Duration.ofSeconds(60);

    SlackSink slack;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "pra.notifier.channels.slack.url")
    String slackUrl;

    @Test
    void aRateLimitedPostIsSentOnceAfterTheRetryAfterWait() {
        slack.rateLimitNext(1, 2);
        String site = site("ratelimited");
        Instant published = Instant.now();
        CloudEventAttributes event = publish(site);

        await().atMost(DELIVERED).until(() -> Inbox.accepted(slack, site).size() == 1);
        Instant delivered = Instant.now();

        assertThat(Inbox.posts(slack, site)).extracting(SlackSink.ReceivedPost::status).containsExactly(429, 200);
        assertThat(Duration.between(published, delivered)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        Map<String, Object> delivery = slackDelivery(event.id());
        assertThat(delivery).containsEntry("status", "SENT").containsEntry("attempts", 2)
                .containsEntry("lastError", null);
    }

    @Test
    void slackDownPastTheRetryBoundIsFailedAndTheRetryEndpointSendsItOnceSlackIsBack() {
        slack.failNext(3);
        String site = site("down");
        CloudEventAttributes event;
        try (LogCapture logs = LogCapture.install()) {
            event = publish(site);

            await().atMost(DELIVERED).until(() -> "FAILED".equals(slackDelivery(event.id()).get("status")));
            Map<String, Object> failed = slackDelivery(event.id());
            assertThat(failed).containsEntry("attempts", 3).containsEntry("channel", "slack");
            assertThat((String) failed.get("lastError")).startsWith("HTTP 500");
            assertThat(Inbox.posts(slack, site)).extracting(SlackSink.ReceivedPost::status)
                    .containsExactly(500, 500, 500);
            assertThat(given().get("/q/metrics").then().statusCode(200).extract().asString())
                    .contains("pra_notifier_deliveries_total{channel=\"slack\",outcome=\"failed\"}");

            given().post("/api/v1/deliveries/{id}/retry", failed.get("id")).then().statusCode(202)
                    .body("status", is("PENDING"));
            await().atMost(DELIVERED).until(() -> "SENT".equals(slackDelivery(event.id()).get("status")));
            assertThat(Inbox.posts(slack, site)).extracting(SlackSink.ReceivedPost::status)
                    .containsExactly(500, 500, 500, 200);
            given().post("/api/v1/deliveries/{id}/retry", failed.get("id")).then().statusCode(409);

            assertThat(logs.lines()).anyMatch(line -> line.contains("FAILED after 3 attempt(s)"))
                    .noneMatch(line -> line.contains(secret()));
        }
    }

    @Test
    void theWebhookUrlAppearsNowhereOperatorsLook() {
        String site = site("secret");
        try (LogCapture logs = LogCapture.install()) {
            CloudEventAttributes event = publish(site);
            await().atMost(DELIVERED).until(() -> "SENT".equals(slackDelivery(event.id()).get("status")));
            given().contentType("application/json").body(Map.of("channel", "slack", "message", "hello"))
                    .post("/api/v1/test").then().statusCode(200).body("sent", is(true));

            for (String path : List.of("/api/v1/deliveries?limit=1000", "/api/v1/info", "/q/metrics",
                    "/q/openapi")) {
                assertThat(given().get(path).then().statusCode(200).extract().asString()).as(path)
                        .doesNotContain(secret());
            }
            assertThat(logs.lines()).isNotEmpty().noneMatch(line -> line.contains(secret()));
        }
        assertThat(Inbox.accepted(slack, "hello")).hasSize(1);
    }

    @Test
    void theTestEndpointSaysWhyAChannelRefusedAndNamesNoSecret() {
        slack.failNext(1);
        given().contentType("application/json").body(Map.of("channel", "slack", "message", "ping"))
                .post("/api/v1/test").then().statusCode(200).body("sent", is(false))
                .body("error", is("HTTP 500 internal_error"));
        given().contentType("application/json").body(Map.of("channel", "pager"))
                .post("/api/v1/test").then().statusCode(404);
    }

    private String secret() {
        return slackUrl.substring(slackUrl.indexOf(SlackSink.WEBHOOK_PREFIX) + SlackSink.WEBHOOK_PREFIX.length());
    }

    private CloudEventAttributes publish(String site) {
        try (NotifierFixtures.Publisher publisher = new NotifierFixtures.Publisher(bootstrapServers)) {
            return publisher.publish(siteDown(site, 1));
        }
    }

    private Map<String, Object> slackDelivery(String eventId) {
        List<Map<String, Object>> rows = given().queryParam("channel", "slack").queryParam("limit", 1000)
                .get("/api/v1/deliveries").then().statusCode(200).extract().jsonPath().getList("$");
        return rows.stream().filter(row -> eventId.equals(row.get("eventId"))).findFirst().orElse(Map.of());
    }
}
