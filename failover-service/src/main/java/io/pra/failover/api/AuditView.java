package io.pra.failover.api;

import java.time.Instant;
import java.util.UUID;

import io.pra.failover.persistence.AuditEntry;

/** One audit line in API answers: who did what, when, under which epoch. */
public record AuditView(long id, Instant at, String actor, String action, String siteId, UUID failoverId, long epoch,
        String detail) {

    static AuditView of(AuditEntry entry) {
        return new AuditView(entry.id, entry.at, entry.actor, entry.action, entry.siteId, entry.failoverId,
                entry.epoch, entry.detail);
    }
}
