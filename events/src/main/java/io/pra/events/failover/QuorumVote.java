package io.pra.events.failover;

import java.time.Instant;

/**
 * A {@code pra.site.down} vote that counted towards a quorum.
 *
 * @param observerId    the voting observer
 * @param sequence      the vote's per-observer sequence number
 * @param observedAt    when the observer probed, on its own clock
 * @param receivedAt    when failover-service received the vote, on its clock (TTLs use this)
 * @param firstFailedAt the observer's earliest failure; the earliest among votes is the disaster start
 */
public record QuorumVote(String observerId, long sequence, Instant observedAt, Instant receivedAt,
        Instant firstFailedAt) {
}
