package io.pra.health.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * The start-up grace of an observer (in the spirit of a Kubernetes startupProbe): from the start of the probe engine
 * and for {@code length}, a check that has not passed once yet is still warming up, and its failures are counted but
 * neither degrade it nor count towards a site-down vote. A JVM warming up on a loaded machine times its first probes
 * out; those are not evidence about the site.
 *
 * @param startedAt when the probe engine started
 * @param length    how long the grace lasts; zero turns it off
 */
public record StartupGrace(Instant startedAt, Duration length) {

    /** No grace: every failure counts from the first probe on. */
    public static StartupGrace none() {
        return new StartupGrace(Instant.EPOCH, Duration.ZERO);
    }

    /** The first instant outside the grace. */
    public Instant endsAt() {
        return startedAt.plus(length);
    }

    /** Whether a check can start warming up at all. */
    public boolean active() {
        return !length.isZero() && !length.isNegative();
    }

    /** Whether a probe that ran at this instant falls within the grace. */
    public boolean covers(Instant at) {
        return active() && at.isBefore(endsAt());
    }
}
