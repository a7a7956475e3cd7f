package io.pra.failover;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.pra.testkit.site.MutableClock;

/** In tests the service runs on a clock the test moves. */
public class TestClockProducer {

    @Produces
    @Singleton
    @Alternative
    @Priority(1)
    MutableClock clock() {
        return MutableClock.startingNow();
    }
}
