package io.pra.failover.persistence;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Failover runs. */
@ApplicationScoped
public class RunRepository implements PanacheRepositoryBase<RunEntity, UUID> {

    public boolean hasActiveRun(String siteId) {
        return count("siteId = ?1 and outcome is null", siteId) > 0;
    }

    /** When the site's most recent finished run ended, if it ever had one. */
    public Optional<Instant> lastRunEndedAt(String siteId) {
        return find("siteId = ?1 and endedAt is not null order by endedAt desc", siteId)
                .firstResultOptional()
                .map(run -> run.endedAt);
    }
}
