package io.pra.events.health;

import io.pra.events.PraEvent;
import java.time.Instant;

/**
 * A check crossed its consecutive-failure threshold (hysteresis) for one observer.
 *
 * @param site                site the check watches
 * @param observerId          observer that ran the check ({@code backup-service} for RPO checks)
 * @param checkId             configured check id
 * @param checkKind           what the check probes
 * @param severity            configured severity of the check
 * @param consecutiveFailures failures in a row when the event was raised
 * @param observedAt          when the failing probe ran
 * @param firstFailedAt       first failure of the current streak
 * @param evidence            what the failing probe saw
 */
public record HealthDegraded(
        String site,
        String observerId,
        String checkId,
        CheckKind checkKind,
        Severity severity,
        int consecutiveFailures,
        Instant observedAt,
        Instant firstFailedAt,
        CheckEvidence evidence) implements PraEvent {
}
