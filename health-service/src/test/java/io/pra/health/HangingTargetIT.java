package io.pra.health;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A target that accepts connections and never answers costs only its own rounds. */
@QuarkusTest
@WithTestResource(value = HealthTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class HangingTargetIT {

    private static final String STEADY = "/hang/steady";

    @Targets
    TargetFarm farm;

    @Test
    void aHangingTargetDoesNotDelayTheRoundsOfTheOtherChecks() {
        await().atMost(Duration.ofSeconds(30)).until(() -> stuckError() != null);
        assertThat(stuckError()).contains("timed out after 1500 ms");

        // 100 ms rounds while the stuck check's probes (1.5 s each) are pending: about 30 in 3 s.
        int before = farm.hits(STEADY);
        long start = System.nanoTime();
        await().atMost(Duration.ofSeconds(10)).until(() -> farm.hits(STEADY) >= before + 30);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        assertThat(elapsed).isLessThan(Duration.ofMillis(3_600));

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).containsPattern("pra_missed_rounds_total\\{check=\"stuck\",site=\"hang\"\\} [1-9]");
    }

    private String stuckError() {
        return given().get("/sites/hang/checks").then().statusCode(200).extract()
                .path("find { it.checkId == 'stuck' }.lastEvidence.error");
    }
}
