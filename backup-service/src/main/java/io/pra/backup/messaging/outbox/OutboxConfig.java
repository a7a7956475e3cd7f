package io.pra.backup.messaging.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the outbox relay (prefix {@code pra.outbox}). */
@ConfigMapping(prefix = "pra.outbox")
public interface OutboxConfig {

    /** How often the relay looks for unpublished events besides being woken by each commit. */
    @WithDefault("1s")
    Duration pollInterval();

    /** Events published per transaction of the relay. */
    @WithDefault("100")
    int batchSize();

    /** How long the relay waits for the broker to acknowledge a batch before trying again. */
    @WithDefault("10s")
    Duration sendTimeout();
}
