package io.pra.health;

import io.pra.testkit.site.MutableClock;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Hands the {@link MutableClock} of a running {@link StartupGraceTestResource} to the application and to the test.
 * A test resource starts before the application and has no other channel into it; the holder is set by that
 * resource's start and cleared by its stop, so applications of other resources get the system clock.
 */
public class GraceClock {

    private static volatile MutableClock clock;

    static void use(MutableClock value) {
        clock = value;
    }

    static void clear() {
        clock = null;
    }

    /** The clock of the running grace application. */
    static MutableClock clock() {
        return clock;
    }

    @Produces
    @Singleton
    @Alternative
    @Priority(1)
    Clock applicationClock() {
        MutableClock current = clock;
        return current != null ? current : Clock.systemUTC();
    }
}
