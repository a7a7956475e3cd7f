package io.pra.notifier.config;

import io.pra.kit.retention.RetentionSettings;
import io.smallrye.config.ConfigMapping;

/** When processed ids and closed episodes are pruned (prefix {@code pra.retention}); names and defaults from the kit. */
@ConfigMapping(prefix = "pra.retention")
public interface RetentionConfig extends RetentionSettings {
}
