package io.pra.health.domain;

import io.pra.events.health.CheckEvidence;
import java.time.Duration;

/**
 * What one probe concluded.
 *
 * @param passed   whether the check passed
 * @param evidence what the probe saw
 */
public record ProbeOutcome(boolean passed, CheckEvidence evidence) {

    public static ProbeOutcome pass(Integer statusCode, Duration latency, String detail) {
        return new ProbeOutcome(true, new CheckEvidence(statusCode, latency, null, detail));
    }

    public static ProbeOutcome fail(Integer statusCode, Duration latency, String error, String detail) {
        return new ProbeOutcome(false, new CheckEvidence(statusCode, latency, error, detail));
    }
}
