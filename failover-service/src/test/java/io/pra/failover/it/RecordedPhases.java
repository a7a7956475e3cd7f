package io.pra.failover.it;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.pra.events.failover.StepStatus;
import io.pra.failover.domain.PhaseRecord;
import io.pra.failover.persistence.PhaseEntity;
import io.pra.failover.persistence.PhaseRepository;

/**
 * Writes a run's phases into the executor's own table ({@code failover_phase}), as an executor
 * would have recorded them, for tests that run no executor and need a run at a given phase.
 */
@ApplicationScoped
public class RecordedPhases {

    private final PhaseRepository phases;

    RecordedPhases(PhaseRepository phases) {
        this.phases = phases;
    }

    /** The run's recorded phases, as the service reads them. */
    @Transactional
    public List<PhaseRecord> phasesOf(UUID failoverId) {
        return phases.records(failoverId);
    }

    /** Replaces the recorded phases of a run with {@code records}. */
    @Transactional
    public void record(UUID failoverId, List<PhaseRecord> records) {
        phases.delete("failoverId", failoverId);
        for (PhaseRecord record : records) {
            PhaseEntity row = new PhaseEntity();
            row.failoverId = failoverId;
            row.phase = record.phase();
            row.startedAt = record.startedAt();
            row.endedAt = record.endedAt();
            row.status = record.isOpen() ? StepStatus.STARTED : StepStatus.SUCCEEDED;
            row.errors = "[]";
            row.executor = "test";
            phases.persist(row);
        }
    }
}
