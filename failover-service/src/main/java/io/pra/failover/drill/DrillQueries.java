package io.pra.failover.drill;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.pra.failover.persistence.DrillEntity;
import io.pra.failover.persistence.DrillRepository;
import io.pra.failover.service.NoSuchRecord;

/** What the operator API reads about drills. */
@ApplicationScoped
@Transactional
public class DrillQueries {

    private final DrillRepository drills;

    DrillQueries(DrillRepository drills) {
        this.drills = drills;
    }

    /** Drills, newest first, of one site or of all when {@code siteId} is null. */
    public List<DrillSummary> newestFirst(String siteId, int limit) {
        return drills.newestFirst(siteId, limit).stream().map(DrillSummary::of).toList();
    }

    public DrillSummary drill(UUID drillId) {
        DrillEntity drill = drills.findById(drillId);
        if (drill == null) {
            throw new NoSuchRecord("no drill with id " + drillId);
        }
        return DrillSummary.of(drill);
    }
}
