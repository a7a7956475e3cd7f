package io.pra.testkit.site;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class SiteClockTest {

    @Test
    void mutableClockMovesOnlyWhenTold() {
        MutableClock clock = MutableClock.at(Instant.parse("2025-06-01T08:00:00Z"));

        assertThat(clock.instant()).isEqualTo(Instant.parse("2025-06-01T08:00:00Z"));
        assertThat(clock.advance(Duration.ofMinutes(5))).isEqualTo(Instant.parse("2025-06-01T08:05:00Z"));
        clock.set(Instant.parse("2025-06-02T00:00:00Z"));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2025-06-02T00:00:00Z"));
    }

    @Test
    void zonedViewSharesTheSameTime() {
        MutableClock clock = MutableClock.startingNow();
        Clock paris = clock.withZone(ZoneId.of("Europe/Paris"));

        clock.advance(Duration.ofHours(1));

        assertThat(paris.instant()).isEqualTo(clock.instant());
        assertThat(paris.getZone()).isEqualTo(ZoneId.of("Europe/Paris"));
    }

    @Test
    void readyDeploymentStatusCountsEveryReplica() {
        Deployment deployment = new DeploymentBuilder().withNewMetadata().withName("web").withGeneration(3L)
                .endMetadata().withNewSpec().withReplicas(3).endSpec().build();

        DeploymentStatus status = WorkloadStatus.ready(deployment);

        assertThat(status.getReadyReplicas()).isEqualTo(3);
        assertThat(status.getAvailableReplicas()).isEqualTo(3);
        assertThat(status.getObservedGeneration()).isEqualTo(3L);
        assertThat(status.getConditions()).anySatisfy(c -> {
            assertThat(c.getType()).isEqualTo("Available");
            assertThat(c.getStatus()).isEqualTo("True");
        });
    }
}
