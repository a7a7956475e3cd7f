package io.pra.kit.clock;

import java.time.Duration;

import io.smallrye.config.WithDefault;

/**
 * A service whose config mapping extends this interface can skew its clock; the others run on the system clock.
 * Zero in production; the drill sets an offset to play a host whose clock is wrong.
 */
public interface ClockSettings {

    /** Offset added to this instance's clock. */
    @WithDefault("0s")
    Duration clockOffset();
}
