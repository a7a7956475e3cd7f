package io.pra.health;

import static io.pra.health.HealthFixtures.COLD_SITE;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

import io.pra.events.health.FailingCheck;
import io.pra.events.health.HealthDegraded;
import io.pra.events.health.SiteDown;
import io.pra.testkit.site.MutableClock;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An observer started while its site is down casts no vote during the startup grace (warming up on a loaded machine
 * must not vote a healthy site down), then votes it down as soon as the grace is over, dated from its first probe.
 */
@QuarkusTest
@WithTestResource(value = StartupGraceTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class StartupGraceIT {

    @Test
    void aSiteDownFromTheStartIsNotVotedDuringTheGraceAndIsVotedDownWhenItEnds() {
        MutableClock clock = GraceClock.clock();
        Instant started = clock.instant();
        try (HealthTopic topic = HealthTopic.fromStart()) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(failures("front") >= 5
                    && failures("api") >= 5 && "HEALTHY".equals(StartupGraceIT.<String>check("steady", "status")))
                    .as("checks of the cold site: %s", checks()).isTrue());
            given().get("/sites").then().statusCode(200)
                    .body("find { it.site == 'cold' }.down", is(false))
                    .body("find { it.site == 'cold' }.degraded", is(0))
                    .body("find { it.site == 'cold' }.warmingUp", is(2));
            assertThat(StartupGraceIT.<String>check("front", "status")).isEqualTo("PENDING");
            assertThat(StartupGraceIT.<Boolean>check("front", "warmingUp")).isTrue();
            assertThat(Instant.parse(StartupGraceIT.<String>check("front", "firstFailedAt"))).isEqualTo(started);
            assertThat(metrics()).contains("pra_checks_warming_up{site=\"cold\"} 2.0")
                    .contains("pra_site_down{site=\"cold\"} 0.0");
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                    .until(() -> topic.records(COLD_SITE).isEmpty() && topic.events(SiteDown.class, COLD_SITE).isEmpty());

            Instant graceOver = clock.advance(HealthFixtures.STARTUP_GRACE);
            await().atMost(Duration.ofSeconds(30)).until(() -> !topic.events(SiteDown.class, COLD_SITE).isEmpty());

            SiteDown vote = topic.events(SiteDown.class, COLD_SITE).get(0);
            assertThat(vote.observedAt()).isEqualTo(graceOver);
            assertThat(vote.firstFailedAt()).as("since its first failed probe, not the end of the grace").isEqualTo(started);
            assertThat(vote.failingChecks()).extracting(FailingCheck::checkId).containsExactlyInAnyOrder("front", "api");
            List<HealthDegraded> degraded = topic.events(HealthDegraded.class, COLD_SITE);
            assertThat(degraded).extracting(HealthDegraded::checkId).containsExactlyInAnyOrder("front", "api");
            assertThat(degraded).allSatisfy(event -> {
                assertThat(event.firstFailedAt()).isEqualTo(started);
                assertThat(event.observedAt()).isEqualTo(graceOver);
                assertThat(event.consecutiveFailures()).isGreaterThanOrEqualTo(5);
            });
            assertThat(topic.records(COLD_SITE)).as("nothing published during the grace")
                    .allSatisfy(record -> assertThat(record.attributes().time()).isEqualTo(graceOver));
            await().atMost(Duration.ofSeconds(30)).until(() -> metrics().contains("pra_checks_warming_up{site=\"cold\"} 0.0"));
            given().get("/sites").then().body("find { it.site == 'cold' }.down", is(true));
        }
    }

    private static int failures(String checkId) {
        Integer failures = check(checkId, "consecutiveFailures");
        return failures == null ? 0 : failures;
    }

    private static <T> T check(String checkId, String field) {
        return given().get("/sites/" + COLD_SITE + "/checks").then().statusCode(200).extract()
                .path("find { it.checkId == '" + checkId + "' }." + field);
    }

    private static String checks() {
        return given().get("/sites/" + COLD_SITE + "/checks").then().extract().asString();
    }

    private static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }
}
