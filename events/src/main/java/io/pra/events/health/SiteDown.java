package io.pra.events.health;

import io.pra.events.PraEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One observer's vote that a site is down, re-sent every round while it stays down.
 *
 * @param site          site voted down
 * @param observerId    the voting observer
 * @param failureDomain the observer's failure domain (zone, provider...); quorum wants distinct ones
 * @param observedAt    when this round's probes ran, on the observer's clock
 * @param firstFailedAt when this observer's episode started: the first failed probe after which its down rule held;
 *                      the earliest among the quorum votes is the disaster start
 * @param sequence      per-observer counter, growing with every vote; the latest vote wins
 * @param failingChecks critical checks failing past their threshold, never empty
 * @param voteTtl       how long the vote counts after failover-service receives it
 */
public record SiteDown(
        String site,
        String observerId,
        String failureDomain,
        Instant observedAt,
        Instant firstFailedAt,
        long sequence,
        List<FailingCheck> failingChecks,
        Duration voteTtl) implements PraEvent {
}
