package io.pra.health.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/**
 * The service's clock, off by {@code pra.health.clock-offset} (zero unless a drill skews it); tests replace it with
 * the test kit's {@code MutableClock} when they need to.
 */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @ApplicationScoped
    Clock clock(HealthConfig config) {
        Clock system = Clock.systemUTC();
        return config.clockOffset().isZero() ? system : Clock.offset(system, config.clockOffset());
    }
}
