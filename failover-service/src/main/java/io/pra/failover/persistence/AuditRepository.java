package io.pra.failover.persistence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

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

    /** The latest {@code limit} entries, newest first, of one site or of all when {@code siteId} is null. */
    public List<AuditEntry> newestFirst(String siteId, int limit) {
        Sort order = Sort.descending("id");
        PanacheQuery<AuditEntry> query = siteId == null ? findAll(order) : find("siteId", order, siteId);
        return query.page(Page.ofSize(limit)).list();
    }
}
