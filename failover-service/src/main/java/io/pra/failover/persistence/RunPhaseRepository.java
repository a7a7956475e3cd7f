package io.pra.failover.persistence;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.pra.failover.domain.PhaseRecord;

/**
 * The phases the executor recorded for a run, oldest first, as the operator API and abort read
 * them. The executor and its phase table (Flyway V3) are not on this branch, so no run has a
 * phase yet; this one method is where that table is read once it lands.
 */
@ApplicationScoped
public class RunPhaseRepository {

    public List<PhaseRecord> phasesOf(UUID failoverId) {
        return List.of();
    }
}
