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
 * @param voteTtl       how long the vote counts after failover-service receives it
 */
public record SiteUp(
        String site,
        String observerId,
        String failureDomain,
        Instant observedAt,
        Instant firstFailedAt,
        long sequence,
        List<FailingCheck> failingChecks,
        Duration voteTtl) implements PraEvent {
}
