package io.pra.failover.persistence;

import java.time.Duration;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.pra.kit.retention.RetentionRule;

/**
 * Boots not heard from for a day are forgotten: a vote that old is stale by event time and rejected before its
 * sequence is looked at, so its boot's record no longer protects anything.
 */
public class ObserverBootRetention {

    /** How long a boot's last sequence is kept after its last accepted vote. */
    static final Duration KEEP = Duration.ofDays(1);

    @Produces
    @Singleton
    RetentionRule observerBoots() {
        return new RetentionRule("observer_boot", "last_seen_at", KEEP);
    }
}
