package io.pra.notifier;

import static io.pra.notifier.NotifierFixtures.failoverCompleted;
import static io.pra.notifier.NotifierFixtures.healthDegraded;
import static io.pra.notifier.NotifierFixtures.site;
import static io.pra.notifier.NotifierFixtures.siteDown;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.pra.events.CloudEventAttributes;
import io.pra.events.failover.FailoverCompleted;
import io.pra.events.health.Severity;
import io.pra.testkit.sink.SlackSink;
import io.pra.testkit.sink.SmtpSink;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(NotifierTestResource.class)
class FailoverNotificationIT {

    /** An upper bound only: on a loaded CI machine the first event after start-up can take a while. */
    private static final Duration DELIVERED = Duration.ofSeconds(60);

    SlackSink slack;
    SmtpSink smtp;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void aCompletedFailoverIsOneSlackMessageAndOneEmailWithItsFacts() throws Exception {
        String site = site("fc");
        UUID failoverId = UUID.randomUUID();
        CloudEventAttributes attributes;
        try (NotifierFixtures.Publisher publisher = new NotifierFixtures.Publisher(bootstrapServers)) {
            attributes = publisher.publish(failoverCompleted(site, failoverId));
        }

        await().atMost(DELIVERED).until(() -> Inbox.accepted(slack, site).size() == 1
                && Inbox.mails(smtp, site).size() == 1);

        JsonNode slackMessage = mapper.readTree(Inbox.accepted(slack, site).get(0).body());
        assertThat(slackMessage.at("/text").asText()).isEqualTo("[CRITICAL] Failover completed (site " + site + ")");
        assertThat(slackMessage.at("/attachments/0/color").asText()).isEqualTo("#d00000");
        JsonNode blocks = slackMessage.at("/attachments/0/blocks");
        assertThat(blocks.get(0).at("/type").asText()).isEqualTo("header");
        assertThat(blocks.get(0).at("/text/text").asText()).isEqualTo("Failover completed");
        List<String> fields = blocks.findValues("fields").stream().flatMap(f -> f.findValuesAsText("text").stream())
                .toList();
        assertThat(fields).contains("*Site*\n" + site, "*Severity*\ncritical", "*Epoch*\n7", "*Target site*\nb",
                "*RTO achieved*\n1m15s", "*RPO achieved*\n15m",
                "*Chosen backup*\ndaily-20260314-0945 (started 2026-03-14T09:45:00Z)",
                "*Failover id*\n" + failoverId, "*Trigger*\nquorum", "*Phase durations*\nrestore 1s");
        assertThat(slackMessage.toString())
                .contains("<http://failover.pra.test:8083/api/v1/failovers/" + failoverId + "|")
                .contains("event " + attributes.id());

        MimeMessage mail = Inbox.mails(smtp, site).get(0);
        assertThat(mail.getSubject()).isEqualTo("[CRITICAL] site " + site + ": Failover completed");
        assertThat(mail.getRecipients(Message.RecipientType.TO))
                .containsExactly(new InternetAddress(NotifierTestResource.ON_CALL));
        assertThat(mail.getFrom()).containsExactly(new InternetAddress("pra@pra.test"));
        List<String> text = Inbox.parts(mail, "text/plain");
        List<String> html = Inbox.parts(mail, "text/html");
        assertThat(text).singleElement().asString().contains("Site: " + site, "Severity: critical", "Epoch: 7",
                "RTO achieved: 1m15s", "RPO achieved: 15m", "Chosen backup: daily-20260314-0945",
                "Failover run: http://failover.pra.test:8083/api/v1/failovers/" + failoverId, attributes.id());
        assertThat(html).singleElement().asString().contains("<h2", "Failover completed", "<th align=\"left\">Epoch</th>",
                "<td>7</td>", "RTO achieved", "1m15s", "daily-20260314-0945",
                "href=\"http://failover.pra.test:8083/api/v1/failovers/" + failoverId + "\"");
    }

    @Test
    void theSameEventDeliveredTwiceIsSentOnce() {
        String site = site("dup");
        CloudEventAttributes duplicated;
        CloudEventAttributes marker;
        try (NotifierFixtures.Publisher publisher = new NotifierFixtures.Publisher(bootstrapServers)) {
            FailoverCompleted event = failoverCompleted(site, UUID.randomUUID());
            duplicated = publisher.publish(event);
            publisher.publish(event, duplicated);
            // Published after both copies: once it is sent, the intake has had every chance to send them twice.
            marker = publisher.publish(siteDown(site, 1));
        }

        await().atMost(DELIVERED).until(() -> sentDeliveries(marker.id()) == 2 && sentDeliveries(duplicated.id()) == 2);
        assertThat(deliveries(null, duplicated.id())).hasSize(2);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> Inbox.accepted(slack, "Failover completed (site " + site).size() == 1
                        && Inbox.mails(smtp, site + ": Failover completed").size() == 1);
    }

    private int sentDeliveries(String eventId) {
        return deliveries("SENT", eventId).size();
    }

    private List<String> deliveries(String status, String eventId) {
        List<String> eventIds = given().queryParam("limit", 1000).queryParam("status", status == null ? "" : status)
                .get("/api/v1/deliveries").then().statusCode(200).extract().jsonPath().getList("eventId");
        return eventIds.stream().filter(eventId::equals).toList();
    }

    @Test
    void theGenericWebhookReceivesTheCloudEventAsJson() throws Exception {
        String site = NotifierTestResource.WEBHOOK_SITE;
        CloudEventAttributes attributes;
        try (NotifierFixtures.Publisher publisher = new NotifierFixtures.Publisher(bootstrapServers)) {
            attributes = publisher.publish(siteDown(site, 42));
        }

        await().atMost(DELIVERED).until(() -> hookPosts(attributes.id()).size() == 1);
        SlackSink.ReceivedPost post = hookPosts(attributes.id()).get(0);
        assertThat(post.contentType()).startsWith("application/cloudevents+json");
        JsonNode cloudEvent = mapper.readTree(post.body());
        assertThat(cloudEvent.get("specversion").asText()).isEqualTo("1.0");
        assertThat(cloudEvent.get("type").asText()).isEqualTo("pra.site.down");
        assertThat(cloudEvent.get("source").asText()).isEqualTo(attributes.source());
        assertThat(cloudEvent.get("subject").asText()).isEqualTo(site);
        assertThat(cloudEvent.at("/data/sequence").asLong()).isEqualTo(42);
        assertThat(cloudEvent.at("/data/failingChecks/0/checkId").asText()).isEqualTo("shop-http");
    }

    @Test
    void anEventNoRuleMatchesGoesToTheDefaultChannelAndIsCounted() {
        String site = site("info");
        try (NotifierFixtures.Publisher publisher = new NotifierFixtures.Publisher(bootstrapServers)) {
            publisher.publish(healthDegraded(site, Severity.INFO));
        }

        await().atMost(DELIVERED).until(() -> Inbox.accepted(slack, site).size() == 1);
        assertThat(Inbox.mails(smtp, site)).isEmpty();
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("pra_notifier_unrouted_events_total{type=\"pra.health.degraded\"}"));
    }

    private List<SlackSink.ReceivedPost> hookPosts(String eventId) {
        return slack.posts().stream().filter(post -> post.path().contains("/hook/"))
                .filter(post -> post.body().contains(eventId)).toList();
    }
}
