package io.pra.kit.retention;

import java.time.Duration;

import io.smallrye.config.WithDefault;

/**
 * When the {@link RetentionJob} runs. A service maps it with {@code @ConfigMapping(prefix = "pra.retention")} on an
 * interface extending this one, which inherits the default.
 */
public interface RetentionSettings {

    /** Time between two pruning rounds (the first one runs this long after start). */
    @WithDefault("1h")
    Duration pruneInterval();
}
