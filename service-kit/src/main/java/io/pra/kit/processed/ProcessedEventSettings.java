package io.pra.kit.processed;

import java.time.Duration;

import io.smallrye.config.WithDefault;

/**
 * How long the processed-event log remembers an id. A service maps it with
 * {@code @ConfigMapping(prefix = "pra.processed-events")} on an interface extending this one.
 */
public interface ProcessedEventSettings {

    /**
     * Age after which a processed id is forgotten. Longer than the longest topic retention (30 days), so a consumer
     * that replays a topic from its earliest offset still finds every id it applied.
     */
    @WithDefault("P35D")
    Duration retention();
}
