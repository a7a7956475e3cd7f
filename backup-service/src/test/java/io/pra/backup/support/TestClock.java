package io.pra.backup.support;

import java.time.Clock;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.pra.testkit.site.MutableClock;
import io.pra.testkit.site.velero.SitePair;

/**
 * Hands the {@link MutableClock} and {@link SitePair} of the running {@link BackupSitesResource} to the application
 * and to the test. A test resource starts before the application and has no other channel into it; the holder is
 * set by one resource's start and cleared by its stop, so no state outlives a test class.
 */
public class TestClock {

    private static volatile MutableClock clock;
    private static volatile SitePair sites;

    static void use(MutableClock value, SitePair pair) {
        clock = value;
        sites = pair;
    }

    static void clear() {
        clock = null;
        sites = null;
    }

    /** The clock of the current test class. */
    public static MutableClock clock() {
        return clock;
    }

    /** The sites of the current test class. */
    public static SitePair sites() {
        return sites;
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
