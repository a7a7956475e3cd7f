package io.pra.notifier;

import static io.pra.notifier.NotifierFixtures.site;
import static io.pra.notifier.NotifierFixtures.siteDown;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.pra.events.CloudEventAttributes;
import io.pra.testkit.SharedInfrastructure;
import io.pra.testkit.db.PostgresServer;
import io.pra.testkit.sink.SlackSink;
import io.pra.testkit.sink.SmtpSink;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** A valid event received while the database is down is retried in place, not dead-lettered. */
@QuarkusTest
@WithTestResource(NotifierTestResource.class)
class DatabaseOutageIT {

    SlackSink slack;
    SmtpSink smtp;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void anEventReceivedWhileTheDatabaseIsDownIsDeliveredOnceWhenItReturns() {
        String site = site("outage");
        PostgresServer postgres = SharedInfrastructure.postgres();
        assertThat(postgres.isOwned()).as("the test kit's embedded PostgreSQL (it can be stopped)").isTrue();
        double retriesBefore = intakeRetries();
        CloudEventAttributes event;
        postgres.stop();
        try {
            try (NotifierFixtures.Publisher publisher = new NotifierFixtures.Publisher(bootstrapServers)) {
                event = publisher.publish(siteDown(site, 1));
            }
            // The notifier has received it and failed to record it: retried (a dead-lettered copy ends the wait too, and fails below).
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> intakeRetries() >= retriesBefore + 2
                            || !DeadLetterReader.keys(bootstrapServers, site).isEmpty());
        } finally {
            postgres.start();
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> Inbox.accepted(slack, event.id()).size() == 1
                && Inbox.mails(smtp, site).size() == 1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> Inbox.posts(slack, site).size() == 1 && Inbox.mails(smtp, site).size() == 1);
        assertThat(DeadLetterReader.keys(bootstrapServers, site)).isEmpty();
    }

    private double intakeRetries() {
        String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return text.lines().filter(line -> line.startsWith("pra_intake_retries_total"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }
}
