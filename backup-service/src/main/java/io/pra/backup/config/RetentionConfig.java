package io.pra.backup.config;

import io.pra.kit.retention.RetentionSettings;
import io.smallrye.config.ConfigMapping;

/** When published outbox rows are pruned (prefix {@code pra.retention}); names and defaults come from the kit. */
@ConfigMapping(prefix = "pra.retention")
public interface RetentionConfig extends RetentionSettings {
}
