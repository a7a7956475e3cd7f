package io.pra.failover.persistence;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** The audit log; entries are only ever added (the table refuses updates and deletes). */
@ApplicationScoped
public class AuditRepository implements PanacheRepository<AuditEntry> {

    public void append(Instant at, String actor, String action, String siteId, UUID failoverId, long epoch,
            String detail) {
        AuditEntry entry = new AuditEntry();
        entry.at = at;
        entry.actor = actor;
        entry.action = action;
        entry.siteId = siteId;
        entry.failoverId = failoverId;
        entry.epoch = epoch;
        entry.detail = detail;
        persist(entry);
    }
}
