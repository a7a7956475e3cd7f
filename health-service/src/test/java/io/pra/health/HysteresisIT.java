package io.pra.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pra.events.PraEvent;
import io.pra.events.health.CheckKind;
import io.pra.events.health.HealthDegraded;
import io.pra.events.health.HealthRecovered;
import io.pra.events.health.Severity;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Failure and success thresholds on HTTP and TCP checks, seen as events on the real broker. */
@QuarkusTest
@WithTestResource(value = HealthTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class HysteresisIT {

    private static final String SITE = "hyst";
    private static final String PATH = "/hyst/web";

    @Targets
    TargetFarm farm;

    private HealthTopic topic;

    @BeforeEach
    void openTopic() {
        HealthFixtures.awaitWarmedUp(SITE);
        topic = new HealthTopic();
    }

    @AfterEach
    void closeTopic() {
        topic.close();
    }

    @Test
    void oneFailureBelowTheThresholdRaisesNothingAndTheThresholdRaisesOneDegradedThenOneRecovered() {
        farm.script(PATH, 500, 500);
        int hitsAfterScript = awaitScriptServed();
        await().atMost(Duration.ofSeconds(5)).until(() -> farm.hits(PATH) >= hitsAfterScript + 5);
        assertThat(webEvents(HealthDegraded.class)).isEmpty();

        farm.script(PATH, 500, 500, 500);
        await().atMost(Duration.ofSeconds(30)).until(() -> webEvents(HealthDegraded.class).size() == 1);
        HealthDegraded degraded = webEvents(HealthDegraded.class).get(0);
        assertThat(degraded.observerId()).isEqualTo(HealthFixtures.OBSERVER);
        assertThat(degraded.checkKind()).isEqualTo(CheckKind.HTTP);
        assertThat(degraded.severity()).isEqualTo(Severity.WARNING);
        assertThat(degraded.consecutiveFailures()).isEqualTo(3);
        assertThat(degraded.evidence().statusCode()).isEqualTo(500);
        assertThat(degraded.evidence().error()).contains("unexpected status 500");
        assertThat(degraded.evidence().latency()).isNotNull();
        assertThat(degraded.firstFailedAt()).isBefore(degraded.observedAt());

        await().atMost(Duration.ofSeconds(30)).until(() -> webEvents(HealthRecovered.class).size() == 1);
        HealthRecovered recovered = webEvents(HealthRecovered.class).get(0);
        assertThat(recovered.consecutiveSuccesses()).isEqualTo(2);
        assertThat(recovered.degradedSince()).isEqualTo(degraded.firstFailedAt());
        assertThat(recovered.evidence().statusCode()).isEqualTo(200);

        int hits = farm.hits(PATH);
        await().atMost(Duration.ofSeconds(5)).until(() -> farm.hits(PATH) >= hits + 5);
        assertThat(webEvents(HealthDegraded.class)).hasSize(1);
        assertThat(webEvents(HealthRecovered.class)).hasSize(1);
        assertThat(topic.records(SITE)).allSatisfy(record -> {
            assertThat(record.key()).isEqualTo(SITE);
            assertThat(record.attributes().source()).isEqualTo("/pra/health-service/" + HealthFixtures.OBSERVER);
            assertThat(record.attributes().subject()).isEqualTo(SITE);
        });
    }

    @Test
    void aRefusedTcpConnectionDegradesTheTcpCheckAndAcceptingAgainRecoversIt() {
        farm.closeTcp();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> portEvents(HealthDegraded.class).size() == 1);
            HealthDegraded degraded = portEvents(HealthDegraded.class).get(0);
            assertThat(degraded.checkKind()).isEqualTo(CheckKind.TCP);
            assertThat(degraded.evidence().error()).isNotBlank();
        } finally {
            farm.reopenTcp();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> portEvents(HealthRecovered.class).size() == 1);
        assertThat(portEvents(HealthRecovered.class).get(0).evidence().detail()).contains("connected");
    }

    private int awaitScriptServed() {
        await().atMost(Duration.ofSeconds(5)).until(() -> farm.scriptDone(PATH));
        return farm.hits(PATH);
    }

    private <T extends PraEvent> List<T> webEvents(Class<T> type) {
        return checkEvents(type, "web");
    }

    private <T extends PraEvent> List<T> portEvents(Class<T> type) {
        return checkEvents(type, "port");
    }

    private <T extends PraEvent> List<T> checkEvents(Class<T> type, String checkId) {
        return topic.events(type, SITE).stream().filter(event -> HealthFixtures.checkIdOf(event).equals(checkId)).toList();
    }
}
