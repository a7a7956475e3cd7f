package io.pra.notifier;

import static io.pra.notifier.NotifierFixtures.newEpisodeStart;
import static io.pra.notifier.NotifierFixtures.site;
import static io.pra.notifier.NotifierFixtures.siteDown;
import static io.pra.notifier.NotifierFixtures.siteUp;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.pra.events.CloudEventAttributes;
import io.pra.testkit.sink.SlackSink;
import io.pra.testkit.sink.SmtpSink;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Site-down heartbeats: one notification per (site, observer, firstFailedAt) episode. */
@QuarkusTest
@WithTestResource(NotifierTestResource.class)
class HeartbeatIT {

    SlackSink slack;
    SmtpSink smtp;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void oneNotificationPerObserverAndEpisodeAndAgainAfterSiteUp() {
        String site = site("storm");
        Instant firstEpisode = newEpisodeStart();
        Instant secondEpisode = newEpisodeStart();
        List<String> heartbeats = new ArrayList<>();
        double suppressedBefore = suppressedSiteDowns();
        CloudEventAttributes up;
        CloudEventAttributes reopened;
        try (NotifierFixtures.Publisher publisher = new NotifierFixtures.Publisher(bootstrapServers)) {
            for (int sequence = 1; sequence <= 5; sequence++) {
                CloudEventAttributes sent = publisher.publish(siteDown(site, "obs-b", firstEpisode, sequence));
                if (sequence > 1) {
                    heartbeats.add(sent.id());
                }
            }
            for (int sequence = 1; sequence <= 3; sequence++) {
                CloudEventAttributes sent = publisher.publish(siteDown(site, "obs-c", firstEpisode, sequence));
                if (sequence > 1) {
                    heartbeats.add(sent.id());
                }
            }
            up = publisher.publish(siteUp(site, "obs-b", firstEpisode, 6));
            reopened = publisher.publish(siteDown(site, "obs-b", secondEpisode, 7));
            heartbeats.add(publisher.publish(siteDown(site, "obs-b", secondEpisode, 8)).id());
            // Same key, same partition: once this one is delivered, every event above has been consumed.
            heartbeats.add(publisher.publish(siteDown(site, "obs-c", firstEpisode, 4)).id());
        }
        String down = "Site down (site " + site + ")";

        await().atMost(Duration.ofSeconds(60)).until(() -> Inbox.accepted(slack, down).size() == 3
                && Inbox.accepted(slack, up.id()).size() == 1 && Inbox.accepted(slack, reopened.id()).size() == 1);
        // Eight heartbeats suppressed (the application is shared with other test classes: count from before).
        await().atMost(Duration.ofSeconds(60))
                .until(() -> suppressedSiteDowns() >= suppressedBefore + heartbeats.size());
        // An email may wait out the mail client's 30 s socket timeout once before its retry (seen with GreenMail).
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(75))
                .until(() -> Inbox.accepted(slack, down).size() == 3 && Inbox.mails(smtp, site + ": Site down").size() == 3);
        assertThat(Inbox.posts(slack, site)).hasSize(4);
        assertThat(heartbeats).noneMatch(id -> !deliveries(id).isEmpty());
    }

    private double suppressedSiteDowns() {
        return metric("pra_notifier_suppressed_events_total{type=\"pra.site.down\"");
    }

    private List<String> deliveries(String eventId) {
        List<String> eventIds = given().queryParam("limit", 1000).get("/api/v1/deliveries").then().statusCode(200)
                .extract().jsonPath().getList("eventId");
        return eventIds.stream().filter(eventId::equals).toList();
    }

    private double metric(String prefix) {
        String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return text.lines().filter(line -> line.startsWith(prefix)).mapToDouble(
                line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }
}
