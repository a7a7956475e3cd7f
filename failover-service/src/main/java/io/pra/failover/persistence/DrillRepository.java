package io.pra.failover.persistence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

/** Drills. */
@ApplicationScoped
public class DrillRepository implements PanacheRepositoryBase<DrillEntity, UUID> {

    /** Drills, newest first, of one site or of all when {@code siteId} is null. */
    public List<DrillEntity> newestFirst(String siteId, int limit) {
        Sort newest = Sort.descending("startedAt");
        var query = siteId == null ? findAll(newest) : find("siteId", newest, siteId);
        return query.page(0, limit).list();
    }

    public boolean hasActiveDrill(String siteId) {
        return count("siteId = ?1 and endedAt is null", siteId) > 0;
    }

    /** Ends drills of the site started before {@code startedBefore} and never ended: their instance died. */
    public int endAbandoned(String siteId, Instant startedBefore, Instant now) {
        return update("endedAt = ?1, failureReason = 'abandoned: the instance running it stopped' "
                + "where siteId = ?2 and endedAt is null and startedAt < ?3", now, siteId, startedBefore);
    }
}
