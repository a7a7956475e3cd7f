package io.pra.kit.clock;

import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.arc.DefaultBean;

/**
 * The service's clock: system UTC, plus the offset of {@link ClockSettings} where the service has one. Event times,
 * ages and timeouts are measured on it; a test replaces it by producing its own {@link Clock}.
 */
@Singleton
public class ServiceClock {

    @Produces
    @DefaultBean
    @Singleton
    Clock clock(Instance<ClockSettings> settings) {
        Duration offset = settings.isResolvable() ? settings.get().clockOffset() : Duration.ZERO;
        return of(Clock.systemUTC(), offset);
    }

    /** {@code base} moved by {@code offset}; {@code base} itself when the offset is zero. */
    static Clock of(Clock base, Duration offset) {
        return offset.isZero() ? base : Clock.offset(base, offset);
    }
}
