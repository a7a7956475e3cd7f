package io.pra.failover.it;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Alternative;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.pra.events.failover.FailoverPhase;
import io.pra.failover.domain.PhaseRecord;
import io.pra.failover.persistence.RunPhaseRepository;
import io.quarkus.runtime.StartupEvent;

/**
 * Phases recorded in a test table, standing in for the executor's phase table that is not on
 * this branch: tests drive a run's state machine and record where it stands, as the executor
 * would, and the service reads it back through {@link RunPhaseRepository#phasesOf}.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class RecordedPhases extends RunPhaseRepository {

    private final EntityManager entityManager;

    RecordedPhases(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional
    void createTable(@Observes StartupEvent startup) {
        entityManager.createNativeQuery("CREATE TABLE IF NOT EXISTS test_run_phase (failover_id uuid NOT NULL, "
                + "position int NOT NULL, phase text NOT NULL, started_at timestamptz NOT NULL, "
                + "ended_at timestamptz, PRIMARY KEY (failover_id, position))").executeUpdate();
    }

    @Override
    public List<PhaseRecord> phasesOf(UUID failoverId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("SELECT phase, started_at, ended_at FROM test_run_phase "
                + "WHERE failover_id = ?1 ORDER BY position")
                .setParameter(1, failoverId)
                .getResultList();
        return rows.stream()
                .map(row -> new PhaseRecord(FailoverPhase.valueOf((String) row[0]), instant(row[1]), instant(row[2])))
                .toList();
    }

    /** Replaces the recorded phases of a run with {@code phases}. */
    @Transactional
    public void record(UUID failoverId, List<PhaseRecord> phases) {
        entityManager.createNativeQuery("DELETE FROM test_run_phase WHERE failover_id = ?1")
                .setParameter(1, failoverId).executeUpdate();
        for (int i = 0; i < phases.size(); i++) {
            PhaseRecord phase = phases.get(i);
            var insert = entityManager.createNativeQuery("INSERT INTO test_run_phase VALUES (?1, ?2, ?3, ?4, "
                    + (phase.isOpen() ? "NULL)" : "?5)"))
                    .setParameter(1, failoverId)
                    .setParameter(2, i)
                    .setParameter(3, phase.phase().name())
                    .setParameter(4, phase.startedAt());
            if (!phase.isOpen()) {
                insert.setParameter(5, phase.endedAt());
            }
            insert.executeUpdate();
        }
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof Instant instant ? instant : ((Timestamp) value).toInstant();
    }
}
