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
 * @param voteTtl       how long the vote counts from its event time (the broker's append time, or the observer's own
 *                      time when later, within the allowed skew)
 * @param bootId        the observer process's boot: a random id drawn at start; its sequence grows within a boot,
 *                      and failover-service refuses a vote whose sequence is not above the last it accepted for
 *                      that observer and boot (a replay); absent in votes of observers older than signed votes
 */
public record SiteDown(
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
