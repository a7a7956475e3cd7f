package io.pra.failover.persistence;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.pra.failover.domain.SiteMode;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Protected sites. */
@ApplicationScoped
public class SiteRepository implements PanacheRepositoryBase<SiteEntity, String> {

    /** Creates the site in {@code mode} at epoch 0 unless it exists; an existing site keeps its state. */
    public void createIfAbsent(String siteId, SiteMode mode, Instant now) {
        getEntityManager().createNativeQuery(
                "INSERT INTO site (site_id, epoch, mode, updated_at) VALUES (?1, 0, ?2, ?3) ON CONFLICT DO NOTHING")
                .setParameter(1, siteId)
                .setParameter(2, mode.name())
                .setParameter(3, now)
                .executeUpdate();
    }

    /** The site's row, locked until the transaction ends ({@code SELECT ... FOR UPDATE}). */
    public SiteEntity lock(String siteId) {
        SiteEntity site = findById(siteId, LockModeType.PESSIMISTIC_WRITE);
        if (site == null) {
            throw new IllegalStateException("unknown site " + siteId);
        }
        return site;
    }
}
