package io.pra.failover.api;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.pra.failover.drill.DrillSummary;

/**
 * A drill in API answers. {@code status} is RUNNING until it ends, then its verdict (PASSED or FAILED), or
 * ABANDONED when the instance running it stopped.
 */
public record DrillView(UUID drillId, String siteId, String targetSite, long epoch, String requestedBy,
        boolean scheduled, String status, Instant startedAt, Instant endedAt, String backupName,
        Instant backupStartedAt, Map<String, String> namespaceMapping, Integer score, String failureReason,
        Boolean cleanedUp) {

    static DrillView of(DrillSummary drill) {
        return new DrillView(drill.drillId(), drill.siteId(), drill.targetSite(), drill.epoch(), drill.requestedBy(),
                drill.scheduled(), drill.status(), drill.startedAt(), drill.endedAt(), drill.backupName(),
                drill.backupStartedAt(), drill.namespaceMapping(), drill.score(), drill.failureReason(),
                drill.cleanedUp());
    }

    /** Body of {@code POST /api/v1/drills}. */
    public record DrillRequest(String site) {
    }
}
