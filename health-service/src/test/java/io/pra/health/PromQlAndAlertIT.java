package io.pra.health;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.pra.events.PraEvent;
import io.pra.events.health.CheckKind;
import io.pra.events.health.HealthDegraded;
import io.pra.events.health.HealthRecovered;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A PromQL condition against a fake Prometheus API, and alerts received as Alertmanager sends them. */
@QuarkusTest
@WithTestResource(value = HealthTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class PromQlAndAlertIT {

    private static final String SITE = "fake";

    @Targets
    TargetFarm farm;

    private HealthTopic topic;

    @BeforeEach
    void openTopic() {
        topic = new HealthTopic();
    }

    @AfterEach
    void closeTopic() {
        farm.promValue(HealthFixtures.PROM_QUERY, "1");
        topic.close();
    }

    @Test
    void aSampleBreakingTheConditionDegradesThePromQlCheck() {
        await().atMost(Duration.ofSeconds(30)).until(() -> "HEALTHY".equals(status("prom")));
        farm.promValue(HealthFixtures.PROM_QUERY, "0");
        await().atMost(Duration.ofSeconds(30)).until(() -> events(HealthDegraded.class, "prom").size() == 1);
        HealthDegraded degraded = events(HealthDegraded.class, "prom").get(0);
        assertThat(degraded.checkKind()).isEqualTo(CheckKind.PROMQL);
        assertThat(degraded.evidence().error()).isEqualTo("1 of 1 samples fail value >= 1.0");
        assertThat(degraded.evidence().detail()).contains("values [0.0]");

        farm.promValue(HealthFixtures.PROM_QUERY, "1");
        await().atMost(Duration.ofSeconds(30)).until(() -> events(HealthRecovered.class, "prom").size() == 1);
    }

    @Test
    void aFiringAlertWithTheChosenLabelsDegradesTheAlertCheckUntilResolved() {
        await().atMost(Duration.ofSeconds(30)).until(() -> "HEALTHY".equals(status("alerts")));
        given().contentType("application/json").body(HealthFixtures.alertmanagerNotification("firing", "warning"))
                .post("/alerts").then().statusCode(200).body("received", is(1));
        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(3))
                .until(() -> events(HealthDegraded.class, "alerts").isEmpty());

        given().contentType("application/json").body(HealthFixtures.alertmanagerNotification("firing", "critical"))
                .post("/alerts").then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> events(HealthDegraded.class, "alerts").size() == 1);
        HealthDegraded degraded = events(HealthDegraded.class, "alerts").get(0);
        assertThat(degraded.checkKind()).isEqualTo(CheckKind.ALERT);
        assertThat(degraded.evidence().error()).isEqualTo("firing: ShopCheckoutDown");

        given().contentType("application/json").body(HealthFixtures.alertmanagerNotification("resolved", "critical"))
                .post("/alerts").then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> events(HealthRecovered.class, "alerts").size() == 1);
    }

    @Test
    void aMalformedWebhookBodyGets400WithTheReason() {
        given().contentType("application/json").body("{\"alerts\": [{\"status\": \"burning\", \"labels\": {\"a\": \"b\"}}]}")
                .post("/alerts").then().statusCode(400)
                .body("error", is("/alerts/0/status: expected firing or resolved, got 'burning'"));
        given().contentType("application/json").body("{\"version\": \"4\"}")
                .post("/alerts").then().statusCode(400).body("error", is("/alerts: expected an array of alerts"));
        given().contentType("application/json").body("not json")
                .post("/alerts").then().statusCode(400).body("error", containsString("body is not JSON"));
    }

    private String status(String check) {
        return given().get("/sites/" + SITE + "/checks").then().statusCode(200).extract()
                .path("find { it.checkId == '" + check + "' }.status");
    }

    private <T extends PraEvent> List<T> events(Class<T> type, String checkId) {
        return topic.events(type, SITE).stream().filter(event -> HealthFixtures.checkIdOf(event).equals(checkId)).toList();
    }
}
