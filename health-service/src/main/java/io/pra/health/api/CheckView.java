package io.pra.health.api;

import io.pra.events.health.CheckEvidence;
import io.pra.health.domain.CheckSnapshot;
import java.time.Instant;
import java.util.Locale;

/**
 * One check in {@code GET /sites/{id}/checks}; durations are ISO-8601 strings as in the events.
 *
 * @param checkId              configured id
 * @param kind                 configured kind
 * @param severity             warning or critical
 * @param status               PENDING, HEALTHY or DEGRADED
 * @param consecutiveFailures  failures in a row
 * @param consecutiveSuccesses successes in a row
 * @param failureThreshold     failures in a row that degrade it
 * @param successThreshold     successes in a row that heal it
 * @param interval             time between rounds
 * @param firstFailedAt        start of the current failure streak
 * @param degradedSince        start of the streak that degraded it
 * @param lastProbeAt          when the last probe ran
 * @param lastEvidence         what the last probe saw
 * @param probes               probes since start
 * @param warmingUp            still in the startup grace: not passed once yet, its failures cast no vote
 */
public record CheckView(String checkId, String kind, String severity, String status, int consecutiveFailures,
        int consecutiveSuccesses, int failureThreshold, int successThreshold, String interval, Instant firstFailedAt,
        Instant degradedSince, Instant lastProbeAt, EvidenceView lastEvidence, long probes,
        boolean warmingUp) {

    static CheckView of(CheckSnapshot check) {
        return new CheckView(check.spec().checkId(), check.spec().kind().configName(),
                check.spec().severity().name().toLowerCase(Locale.ROOT), check.status().name(),
                check.consecutiveFailures(), check.consecutiveSuccesses(), check.spec().failureThreshold(),
                check.spec().successThreshold(), check.spec().interval().toString(), check.firstFailedAt(),
                check.degradedSince(), check.lastProbeAt(), EvidenceView.of(check.lastEvidence()), check.probes(),
                check.warmingUp());
    }

    /**
     * What a probe saw.
     *
     * @param statusCode HTTP status
     * @param latency    ISO-8601 duration
     * @param error      error text
     * @param detail     free text
     */
    public record EvidenceView(Integer statusCode, String latency, String error, String detail) {

        static EvidenceView of(CheckEvidence evidence) {
            return evidence == null ? null : new EvidenceView(evidence.statusCode(),
                    evidence.latency() == null ? null : evidence.latency().toString(), evidence.error(), evidence.detail());
        }
    }
}
