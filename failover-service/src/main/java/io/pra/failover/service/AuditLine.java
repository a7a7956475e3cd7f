package io.pra.failover.service;

import java.time.Instant;
import java.util.UUID;

import io.pra.failover.persistence.AuditEntry;

/** One line of the append-only audit log as the operator API reads it: who did what, when, under which epoch. */
public record AuditLine(long id, Instant at, String actor, String action, String siteId, UUID failoverId, long epoch,
        String detail) {

    static AuditLine of(AuditEntry entry) {
        return new AuditLine(entry.id, entry.at, entry.actor, entry.action, entry.siteId, entry.failoverId,
                entry.epoch, entry.detail);
    }
}
