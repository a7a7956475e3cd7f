package io.pra.failover.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import io.pra.events.failover.QuorumVote;

/**
 * One observer's latest opinion about a site, with the times that decide how long it counts.
 *
 * @param observerId    the voting observer
 * @param bootId        the observer process's boot; its sequence grows within a boot
 * @param sequence      the observer's counter within its boot
 * @param down          true for {@code pra.site.down}, false for {@code pra.site.up}
 * @param observedAt    when the observer probed, on its own clock (covered by the vote's signature)
 * @param brokerTime    when the broker appended the record
 * @param eventTime     when the vote happened as far as this service trusts: the earlier of the broker's append
 *                      time and the observer's own time plus the allowed skew (see {@link VoteAdmission}); TTLs
 *                      start here, so neither consumer lag nor a replayed old record makes an old vote count
 * @param receivedAt    when this service received it, on its own clock (informative)
 * @param firstFailedAt the start of the observer's episode; null for an up vote without outage
 * @param ttl           how long the observer asks the vote to count; capped by the site's TTL
 */
public record Vote(String observerId, String bootId, long sequence, boolean down, Instant observedAt,
        Instant brokerTime, Instant eventTime, Instant receivedAt, Instant firstFailedAt, Duration ttl) {

    public Vote {
        Objects.requireNonNull(observerId, "observerId");
        Objects.requireNonNull(bootId, "bootId");
        Objects.requireNonNull(brokerTime, "brokerTime");
        Objects.requireNonNull(eventTime, "eventTime");
        Objects.requireNonNull(receivedAt, "receivedAt");
        if (down) {
            Objects.requireNonNull(firstFailedAt, "firstFailedAt of a down vote");
        }
    }

    /**
     * True while the vote counts at {@code now}: the shorter of the site's TTL and the observer's own, from its
     * event time. An observer cannot stretch its vote beyond the site's TTL.
     */
    public boolean isFreshAt(Instant now, Duration siteTtl) {
        return now.isBefore(eventTime.plus(effectiveTtl(siteTtl)));
    }

    /** The TTL that applies: the observer's own when positive and shorter than the site's. */
    public Duration effectiveTtl(Duration siteTtl) {
        return ttl == null || ttl.isNegative() || ttl.isZero() || ttl.compareTo(siteTtl) > 0 ? siteTtl : ttl;
    }

    /** The observer's clock against the broker's: its own time minus the broker's append time. */
    public Duration clockOffset() {
        return observedAt == null ? Duration.ZERO : Duration.between(brokerTime, observedAt);
    }

    /** The vote as the failover events list it, in its observer's configured failure domain. */
    public QuorumVote toQuorumVote(String failureDomain) {
        return new QuorumVote(observerId, sequence, observedAt, receivedAt, firstFailedAt, failureDomain, eventTime);
    }

    /**
     * True when this vote is later than {@code other} of the same observer: by sequence within one boot, by event time
     * across boots (a restarted observer's sequence says nothing about the previous boot's).
     */
    public boolean supersedes(Vote other) {
        if (bootId.equals(other.bootId)) {
            return sequence > other.sequence;
        }
        return eventTime.isAfter(other.eventTime);
    }
}
