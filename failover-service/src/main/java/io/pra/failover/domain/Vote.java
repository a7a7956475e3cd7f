package io.pra.failover.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import io.pra.events.health.SiteDown;
import io.pra.events.health.SiteUp;

/**
 * One observer's latest opinion about a site, stamped with when this service received it.
 *
 * @param observerId    the voting observer
 * @param sequence      the observer's counter; a higher one replaces a lower one
 * @param down          true for {@code pra.site.down}, false for {@code pra.site.up}
 * @param observedAt    when the observer probed, on its own clock (informative only)
 * @param receivedAt    when this service received the vote, on its own clock: TTLs start here
 * @param firstFailedAt the observer's earliest failure; null for an up vote without outage
 * @param ttl           how long the observer asks the vote to count; capped by the site's TTL
 */
public record Vote(String observerId, long sequence, boolean down, Instant observedAt, Instant receivedAt,
        Instant firstFailedAt, Duration ttl) {

    public Vote {
        Objects.requireNonNull(observerId, "observerId");
        Objects.requireNonNull(receivedAt, "receivedAt");
        if (down) {
            Objects.requireNonNull(firstFailedAt, "firstFailedAt of a down vote");
        }
    }

    /** The down vote carried by a {@code pra.site.down} event received at {@code receivedAt}. */
    public static Vote of(SiteDown event, Instant receivedAt) {
        return new Vote(event.observerId(), event.sequence(), true, event.observedAt(), receivedAt,
                event.firstFailedAt(), event.voteTtl());
    }

    /** The up vote carried by a {@code pra.site.up} event received at {@code receivedAt}. */
    public static Vote of(SiteUp event, Instant receivedAt) {
        return new Vote(event.observerId(), event.sequence(), false, event.observedAt(), receivedAt,
                event.firstFailedAt(), event.voteTtl());
    }

    /**
     * True while the vote counts at {@code now}: the shorter of the site's TTL and the observer's
     * own, from reception. An observer cannot stretch its vote beyond the site's TTL.
     */
    public boolean isFreshAt(Instant now, Duration siteTtl) {
        Duration effective = ttl == null || ttl.isNegative() || ttl.isZero() || ttl.compareTo(siteTtl) > 0
                ? siteTtl
                : ttl;
        return now.isBefore(receivedAt.plus(effective));
    }
}
