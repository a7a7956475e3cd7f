package io.pra.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pra.events.health.HealthDegraded;
import io.pra.events.health.SiteDown;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A target alternating between failure and success never reaches a failure threshold of 2. */
@QuarkusTest
@WithTestResource(value = HealthTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class FlappingIT {

    private static final String SITE = "flap";
    private static final String PATH = "/flap/web";

    @Targets
    TargetFarm farm;

    @Test
    void anAlternatingTargetCausesNoDegradedEventAndNoSiteDown() {
        HealthFixtures.awaitWarmedUp(SITE);
        try (HealthTopic topic = new HealthTopic()) {
            farm.alternate(PATH, 500, 200);
            int hits = farm.hits(PATH);
            await().atMost(Duration.ofSeconds(10)).until(() -> farm.hits(PATH) >= hits + 30);
            assertThat(topic.events(HealthDegraded.class, SITE)).isEmpty();
            assertThat(topic.events(SiteDown.class, SITE)).isEmpty();
        } finally {
            farm.respond(PATH, 200);
        }
    }
}
