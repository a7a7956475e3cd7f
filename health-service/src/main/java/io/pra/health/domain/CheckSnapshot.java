package io.pra.health.domain;

import io.pra.events.health.CheckEvidence;
import java.time.Instant;

/**
 * The state of one check at one moment.
 *
 * @param spec                 the check
 * @param status               after hysteresis
 * @param consecutiveFailures  failures in a row
 * @param consecutiveSuccesses successes in a row
 * @param firstFailedAt        start of the current failure streak, null without one
 * @param degradedSince        start of the streak that degraded the check, null unless DEGRADED
 * @param lastProbeAt          when the last probe ran, null before the first
 * @param lastEvidence         what the last probe saw
 * @param probes               probes run since start
 * @param warmingUp            still in the start-up grace: not passed once yet, and its last probe (if any) fell within
 *                             the grace; its failures count for nothing yet
 */
public record CheckSnapshot(CheckSpec spec, CheckStatus status, int consecutiveFailures, int consecutiveSuccesses,
        Instant firstFailedAt, Instant degradedSince, Instant lastProbeAt, CheckEvidence lastEvidence, long probes,
        boolean warmingUp) {
}
