package io.pra.events.health;

import java.time.Duration;

/**
 * What one probe saw; each field is null when it does not apply to the check kind.
 *
 * @param statusCode HTTP status, for HTTP checks
 * @param latency    time the probe took, or until it timed out
 * @param error      error text (connection refused, timeout, body mismatch...)
 * @param detail     free text: the PromQL value, ready replicas, alert name, RPO exposure...
 */
public record CheckEvidence(Integer statusCode, Duration latency, String error, String detail) {
}
