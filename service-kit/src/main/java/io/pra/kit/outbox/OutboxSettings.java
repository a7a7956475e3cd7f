package io.pra.kit.outbox;

import java.time.Duration;

import io.smallrye.config.WithDefault;

/**
 * Settings of the outbox relay. A service maps them with {@code @ConfigMapping(prefix = "pra.outbox")} on an
 * interface extending this one, which inherits the defaults.
 */
public interface OutboxSettings {

    /** How often the relay looks for unpublished events besides being woken by each commit. */
    @WithDefault("1s")
    Duration pollInterval();

    /** Events published per transaction of the relay. */
    @WithDefault("100")
    int batchSize();

    /** How long the relay waits for the broker to acknowledge a batch before trying again. */
    @WithDefault("10s")
    Duration sendTimeout();

    /** How long a published event stays in the table before retention deletes it. */
    @WithDefault("P7D")
    Duration retention();
}
