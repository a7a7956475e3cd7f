package io.pra.failover.config;

import io.pra.kit.processed.ProcessedEventSettings;
import io.smallrye.config.ConfigMapping;

/** How long processed event ids are kept (prefix {@code pra.processed-events}); names and defaults come from the kit. */
@ConfigMapping(prefix = "pra.processed-events")
public interface ProcessedEventsConfig extends ProcessedEventSettings {
}
