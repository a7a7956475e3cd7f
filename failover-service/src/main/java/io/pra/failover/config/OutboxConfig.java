package io.pra.failover.config;

import io.pra.kit.outbox.OutboxSettings;
import io.smallrye.config.ConfigMapping;

/** The outbox relay's settings (prefix {@code pra.outbox}); names and defaults come from the kit. */
@ConfigMapping(prefix = "pra.outbox")
public interface OutboxConfig extends OutboxSettings {
}
