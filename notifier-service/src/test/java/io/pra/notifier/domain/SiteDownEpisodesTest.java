package io.pra.notifier.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.pra.events.health.CheckEvidence;
import io.pra.events.health.CheckKind;
import io.pra.events.health.FailingCheck;
import io.pra.events.health.HealthDegraded;
import io.pra.events.health.Severity;
import io.pra.events.health.SiteDown;
import io.pra.events.health.SiteUp;

class SiteDownEpisodesTest {

    private static final Instant T0 = Instant.parse("2026-03-14T10:00:00Z");
    private static final Instant FIRST_FAILED = T0.minusSeconds(10);

    @Test
    void heartbeatsOfOneObserverShareOneEpisodeWhateverTheirSequence() {
        assertThat(SiteDownEpisodes.episodeOf(down("obs-b", FIRST_FAILED, 1)))
                .isEqualTo(SiteDownEpisodes.episodeOf(down("obs-b", FIRST_FAILED, 7)))
                .contains(new SiteDownEpisodes.Episode("a", "obs-b", FIRST_FAILED));
    }

    @Test
    void anotherObserverOrAnotherStartIsAnotherEpisode() {
        assertThat(SiteDownEpisodes.episodeOf(down("obs-c", FIRST_FAILED, 1)))
                .isNotEqualTo(SiteDownEpisodes.episodeOf(down("obs-b", FIRST_FAILED, 1)));
        assertThat(SiteDownEpisodes.episodeOf(down("obs-b", T0.plusSeconds(60), 9)))
                .isNotEqualTo(SiteDownEpisodes.episodeOf(down("obs-b", FIRST_FAILED, 1)));
    }

    @Test
    void theFirstDownOfAnEpisodeIsDeliveredAndItsHeartbeatsAreNot() {
        assertThat(SiteDownEpisodes.deliver(down("obs-b", FIRST_FAILED, 1), false)).isTrue();
        assertThat(SiteDownEpisodes.deliver(down("obs-b", FIRST_FAILED, 2), true)).isFalse();
    }

    @Test
    void siteUpIsDeliveredAndClosesTheObserversEpisodes() {
        SiteUp up = new SiteUp("a", "obs-b", "zone-b", T0, FIRST_FAILED, 8, List.of(), Duration.ofSeconds(30),
                "boot-1");
        assertThat(SiteDownEpisodes.deliver(up, true)).isTrue();
        assertThat(SiteDownEpisodes.closedBy(up)).contains(new SiteDownEpisodes.Observer("a", "obs-b"));
        assertThat(SiteDownEpisodes.episodeOf(up)).isEmpty();
    }

    @Test
    void otherEventsAreNeitherEpisodesNorSuppressed() {
        HealthDegraded degraded = new HealthDegraded("a", "obs-b", "shop", CheckKind.HTTP, Severity.WARNING, 3, T0,
                T0, new CheckEvidence(200, Duration.ofMillis(900), null, "slow"));
        assertThat(SiteDownEpisodes.episodeOf(degraded)).isEmpty();
        assertThat(SiteDownEpisodes.closedBy(degraded)).isEmpty();
        assertThat(SiteDownEpisodes.deliver(degraded, true)).isTrue();
    }

    @Test
    void aDownWithoutAStartCannotBeMatchedAndIsDelivered() {
        assertThat(SiteDownEpisodes.episodeOf(down("obs-b", null, 3))).isEmpty();
        assertThat(SiteDownEpisodes.deliver(down("obs-b", null, 3), true)).isTrue();
    }

    private static SiteDown down(String observer, Instant firstFailedAt, long sequence) {
        return new SiteDown("a", observer, "zone-b", T0, firstFailedAt, sequence,
                List.of(new FailingCheck("shop-http", CheckKind.HTTP,
                        new CheckEvidence(503, Duration.ofMillis(120), "Service Unavailable", null))),
                Duration.ofSeconds(30), "boot-1");
    }
}
