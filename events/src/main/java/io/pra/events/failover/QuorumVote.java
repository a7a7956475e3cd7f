package io.pra.events.failover;

import java.time.Instant;

/**
 * A {@code pra.site.down} vote that counted towards a quorum.
 *
 * @param observerId    the voting observer
 * @param sequence      the vote's per-observer sequence number
 * @param observedAt    when the observer probed, on its own clock
 * @param receivedAt    when failover-service received the vote, on its clock
 * @param firstFailedAt when the observer's episode started; the quorum-th earliest among the votes that make the
 *                      quorum is the disaster start (one observer with a slow clock cannot move it)
 * @param failureDomain the observer's failure domain, as failover-service is configured (absent in older events)
 * @param eventTime     the vote's event time: the broker's append time, or the observer's own time when later within
 *                      the allowed skew; its TTL runs from here (absent in older events)
 */
public record QuorumVote(String observerId, long sequence, Instant observedAt, Instant receivedAt,
        Instant firstFailedAt, String failureDomain, Instant eventTime) {
}
