package io.pra.notifier;

import static io.pra.notifier.NotifierFixtures.site;
import static io.pra.notifier.NotifierFixtures.siteDown;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.pra.testkit.SharedInfrastructure;
import io.pra.testkit.db.PostgresServer;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** A database outage longer than the retry bound stops the consumer loudly; it dead-letters nothing. */
@QuarkusTest
@WithTestResource(value = NotifierTestResource.class, initArgs = @ResourceArg(name = "intake-retry-for", value = "PT3S"))
class DatabaseOutageBeyondBoundIT {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void pastTheRetryBoundTheConsumerFailsAndNothingIsDeadLettered() {
        String site = site("long-outage");
        PostgresServer postgres = SharedInfrastructure.postgres();
        assertThat(postgres.isOwned()).as("the test kit's embedded PostgreSQL (it can be stopped)").isTrue();
        given().get("/q/health/ready").then().statusCode(200);
        postgres.stop();
        try {
            try (NotifierFixtures.Publisher publisher = new NotifierFixtures.Publisher(bootstrapServers)) {
                publisher.publish(siteDown(site, 1));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/q/health/live").statusCode() == 503);
        } finally {
            postgres.start();
        }
        assertThat(given().get("/q/health/live").asString()).contains("pra-events");
        assertThat(DeadLetterReader.keys(bootstrapServers, site)).isEmpty();
    }
}
