package io.pra.failover.drill;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.type.TypeReference;

import io.pra.events.EventJson;
import io.pra.failover.persistence.DrillEntity;

/**
 * A drill as the operator API reads it. {@code status} is RUNNING until it ends, then its verdict (PASSED or FAILED),
 * or ABANDONED when the instance running it stopped.
 */
public record DrillSummary(UUID drillId, String siteId, String targetSite, long epoch, String requestedBy,
        boolean scheduled, String status, Instant startedAt, Instant endedAt, String backupName,
        Instant backupStartedAt, Map<String, String> namespaceMapping, Integer score, String failureReason,
        Boolean cleanedUp) {

    private static final TypeReference<Map<String, String>> MAPPING = new TypeReference<>() {
    };

    static DrillSummary of(DrillEntity drill) {
        return new DrillSummary(drill.drillId, drill.siteId, drill.targetSite, drill.epoch, drill.requestedBy,
                drill.scheduled, status(drill), drill.startedAt, drill.endedAt, drill.backupName,
                drill.backupStartedAt, mapping(drill.namespaceMapping), drill.score, drill.failureReason,
                drill.cleanedUp);
    }

    private static String status(DrillEntity drill) {
        if (drill.endedAt == null) {
            return "RUNNING";
        }
        return drill.verdict == null ? "ABANDONED" : drill.verdict.name();
    }

    private static Map<String, String> mapping(String json) {
        try {
            return EventJson.mapper().readValue(json, MAPPING);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable namespace mapping of a drill: " + json, e);
        }
    }
}
