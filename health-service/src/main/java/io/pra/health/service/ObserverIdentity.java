package io.pra.health.service;

import java.time.Duration;

/**
 * Who is voting.
 *
 * @param observerId    this observer's id
 * @param failureDomain where it runs
 * @param voteTtl       how long its votes count once received
 * @param voteInterval  period of the site rounds (heartbeats)
 */
public record ObserverIdentity(String observerId, String failureDomain, Duration voteTtl, Duration voteInterval) {
}
