package io.pra.failover.config;

import io.pra.kit.retention.RetentionSettings;
import io.smallrye.config.ConfigMapping;

/** When published outbox rows and processed ids are pruned (prefix {@code pra.retention}); names and defaults come from the kit. */
@ConfigMapping(prefix = "pra.retention")
public interface RetentionConfig extends RetentionSettings {
}
