package io.pra.kit.intake;

import java.time.Duration;

import io.smallrye.config.WithDefault;

/**
 * How a consumer retries recording a valid event it could not record (database down, lock timeout). A service maps
 * these under its own prefix on an interface extending this one and produces it as an {@code IntakeSettings} bean.
 */
public interface IntakeSettings {

    /** Wait before the first retry; doubled after each failed attempt. */
    @WithDefault("PT0.5S")
    Duration initialBackoff();

    /** Longest wait between two attempts. */
    @WithDefault("PT10S")
    Duration maxBackoff();

    /** How long an event is retried before the consumer stops (it is never dead-lettered). */
    @WithDefault("PT10M")
    Duration retryFor();
}
