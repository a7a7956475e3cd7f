package io.pra.events.health;

import io.pra.events.PraEvent;
import java.time.Instant;

/**
 * A degraded check crossed its consecutive-success threshold again for one observer.
 *
 * @param site                 site the check watches
 * @param observerId           observer that ran the check
 * @param checkId              configured check id
 * @param checkKind            what the check probes
 * @param severity             configured severity of the check
 * @param consecutiveSuccesses successes in a row when the event was raised
 * @param observedAt           when the succeeding probe ran
 * @param degradedSince        start of the failure streak this ends; null if the observer
 *                             restarted meanwhile and no longer knows it
 * @param evidence             what the succeeding probe saw
 */
public record HealthRecovered(
        String site,
        String observerId,
        String checkId,
        CheckKind checkKind,
        Severity severity,
        int consecutiveSuccesses,
        Instant observedAt,
        Instant degradedSince,
        CheckEvidence evidence) implements PraEvent {
}
