package io.pra.failover.api;

import java.time.Instant;
import java.util.UUID;

import io.pra.failover.service.AuditLine;

/** One audit line in API answers: who did what, when, under which epoch. */
public record AuditView(long id, Instant at, String actor, String action, String siteId, UUID failoverId, long epoch,
        String detail) {

    static AuditView of(AuditLine line) {
        return new AuditView(line.id(), line.at(), line.actor(), line.action(), line.siteId(), line.failoverId(),
                line.epoch(), line.detail());
    }
}
