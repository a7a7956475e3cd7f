package io.pra.failover.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.pra.events.failover.FailoverPhase;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

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

    /** When the site's most recent completed failover ended, if one ever completed. */
    public Optional<Instant> lastCompletedAt(String siteId) {
        return find("siteId = ?1 and outcome = ?2 order by endedAt desc", siteId, FailoverPhase.COMPLETED)
                .firstResultOptional()
                .map(run -> run.endedAt);
    }

    /** The site's run that is not over, if any (at most one exists). */
    public Optional<RunEntity> activeRun(String siteId) {
        return find("siteId = ?1 and outcome is null", siteId).firstResultOptional();
    }

    /** Runs, newest decision first, of one site or of all when {@code siteId} is null. */
    public List<RunEntity> newestFirst(String siteId, int offset, int limit) {
        Sort order = Sort.descending("decidedAt").and("failoverId");
        PanacheQuery<RunEntity> query = siteId == null ? findAll(order) : find("siteId", order, siteId);
        return query.range(offset, offset + limit - 1).list();
    }

    /** Ids of runs still waiting for approval whose deadline is at or before {@code now}. */
    public List<UUID> awaitingApprovalDue(Instant now) {
        return find("approvalRequired = true and approvedBy is null and outcome is null and approvalDeadline <= ?1",
                Sort.ascending("approvalDeadline"), now)
                .page(Page.ofSize(100))
                .stream()
                .map(run -> run.failoverId)
                .toList();
    }

    /** Runs waiting for an operator's approval now. */
    public long countAwaitingApproval() {
        return count("approvalRequired = true and approvedBy is null and outcome is null");
    }
}
