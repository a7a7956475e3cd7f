package io.pra.failover.it;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.pra.events.backup.BackupOffsiteVerified;
import io.pra.events.health.CheckEvidence;
import io.pra.events.health.CheckKind;
import io.pra.events.health.FailingCheck;
import io.pra.events.health.SiteDown;
import io.pra.events.health.SiteUp;

/** Votes and backups as health- and backup-service publish them. */
final class EventFixtures {

    static final String SITE = "a";
    /** The boot of the observers these votes come from. */
    static final String BOOT = "boot-1";
    static final String TARGET = "b";

    private EventFixtures() {
    }

    static SiteDown down(String observer, long sequence, Instant now) {
        return down(observer, sequence, now, BOOT);
    }

    /** A down vote of one boot of the observer (its sequences start again at each boot). */
    static SiteDown down(String observer, long sequence, Instant now, String bootId) {
        return new SiteDown(SITE, observer, "zone-" + observer, now, now.minusSeconds(10), sequence,
                List.of(new FailingCheck("web", CheckKind.HTTP,
                        new CheckEvidence(503, Duration.ofMillis(12), null, "GET / answered 503"))),
                Duration.ofSeconds(30), bootId);
    }

    static SiteUp up(String observer, long sequence, Instant now) {
        return new SiteUp(SITE, observer, "zone-" + observer, now, null, sequence, List.of(), Duration.ofSeconds(30),
                BOOT);
    }

    /** A backup of site a, started {@code age} before {@code now}, visible on site b. */
    static BackupOffsiteVerified visibleOnTarget(String backupName, Instant now, Duration age) {
        Instant started = now.minus(age);
        return new BackupOffsiteVerified(backupName, SITE, "shop", TARGET, now, "Completed", started,
                started.plusSeconds(20), null, "default", List.of("shop"), 42, 42, 0, 0);
    }
}
