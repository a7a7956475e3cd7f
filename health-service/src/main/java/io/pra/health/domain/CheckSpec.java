package io.pra.health.domain;

import io.pra.events.health.Severity;
import java.time.Duration;

/**
 * One validated check of one site.
 *
 * @param site             site the check watches
 * @param checkId          configured id, unique within the site
 * @param kind             what it probes
 * @param severity         only critical checks count towards a site-down vote
 * @param interval         time between the starts of two rounds
 * @param timeout          bound on one probe; a probe that takes longer fails
 * @param failureThreshold failures in a row that make the check DEGRADED
 * @param successThreshold successes in a row that make a DEGRADED check HEALTHY again
 * @param target           kind-specific settings
 */
public record CheckSpec(String site, String checkId, ProbeKind kind, Severity severity, Duration interval,
        Duration timeout, int failureThreshold, int successThreshold, ProbeTarget target) {

    /** {@code site/check}, as used in logs. */
    public String key() {
        return site + "/" + checkId;
    }

    public boolean critical() {
        return severity == Severity.CRITICAL;
    }
}
