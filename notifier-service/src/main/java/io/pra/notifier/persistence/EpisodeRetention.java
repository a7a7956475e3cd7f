package io.pra.notifier.persistence;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.pra.kit.retention.RetentionRule;
import io.pra.notifier.config.NotifierConfig;

/** Closed site-down episodes are pruned by the kit's retention job after {@code pra.notifier.episode-retention}. */
public class EpisodeRetention {

    @Produces
    @Singleton
    RetentionRule siteDownEpisodes(NotifierConfig config) {
        return new RetentionRule("site_down_episode", "closed_at", config.episodeRetention());
    }
}
