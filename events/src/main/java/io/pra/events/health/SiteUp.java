package io.pra.events.health;

import io.pra.events.PraEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One observer's vote that a site is up again; it replaces the observer's earlier down vote.
 *
 * @param site          site voted up
 * @param observerId    the voting observer
 * @param failureDomain the observer's failure domain
 * @param observedAt    when this round's probes ran, on the observer's clock
 * @param firstFailedAt start of the outage this vote ends; null when the observer saw none
 * @param sequence      per-observer counter, shared with {@link SiteDown} votes
 * @param failingChecks checks still failing below the down threshold; usually empty
 * @param voteTtl       how long the vote counts from its event time (the broker's append time, or the observer's own
 *                      time when later, within the allowed skew)
 * @param bootId        the observer process's boot: a random id drawn at start; its sequence grows within a boot,
 *                      and failover-service refuses a vote whose sequence is not above the last it accepted for
 *                      that observer and boot (a replay); absent in votes of observers older than signed votes
 */
public record SiteUp(
        String site,
        String observerId,
        String failureDomain,
        Instant observedAt,
        Instant firstFailedAt,
        long sequence,
        List<FailingCheck> failingChecks,
        Duration voteTtl,
        String bootId) implements PraEvent {
}
