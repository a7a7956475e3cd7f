package io.pra.failover.persistence;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.pra.events.failover.FailoverPhase;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Phases of runs. */
@ApplicationScoped
public class PhaseRepository implements PanacheRepositoryBase<PhaseEntity, PhaseEntity.Key> {

    /** The phases a run began, in execution order. */
    public List<PhaseEntity> ofRun(UUID failoverId) {
        return list("failoverId", failoverId).stream()
                .sorted(Comparator.comparing((PhaseEntity phase) -> phase.phase.ordinal()))
                .toList();
    }

    public PhaseEntity find(UUID failoverId, FailoverPhase phase) {
        return findById(new PhaseEntity.Key(failoverId, phase));
    }
}
